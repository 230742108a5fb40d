"""Document -> items. One extractor per language; a new language adds its own package and data."""

from __future__ import annotations

from accord.errors import ConfigError
from accord.extract.base import Extractor

DEFAULT_LANGUAGE = "en"
SUPPORTED_LANGUAGES = ("en", "ru")


def get_extractor(language: str | None = None) -> Extractor:
    """The extractor for `language` (English when not given)."""
    lang = (language or DEFAULT_LANGUAGE).lower()[:2]
    if lang == "en":
        from accord.extract.en.extractor import EnglishExtractor

        return EnglishExtractor()
    if lang == "ru":
        from accord.extract.ru.extractor import RussianExtractor

        return RussianExtractor()
    raise ConfigError(f"no extractor for language {language!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")


__all__ = ["DEFAULT_LANGUAGE", "SUPPORTED_LANGUAGES", "Extractor", "get_extractor"]
