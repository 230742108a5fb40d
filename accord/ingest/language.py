"""Which language a document is in, as an ISO 639-1 code ("en", "ru"), when the source does not say.

py3langid (its model ships with the package) decides among the languages readouts in this region come
in; a short text gives it too little to go on, so there the script decides: mostly Cyrillic letters read
as Russian, anything else is left undecided (and extracted as English, the default).
"""

from __future__ import annotations

from functools import cache
from typing import Any

# Languages a readout about Central Asia and its partners is likely to be written in.
LIKELY = ("en", "ru", "kk", "uk", "be", "bg", "uz", "ky", "tr", "de", "fr", "es", "it", "zh", "fa", "ar")
MIN_LETTERS = 12  # fewer letters than this say nothing about a language
MIN_MODEL_LETTERS = 60  # below this, the script decides rather than the model
MIN_CONFIDENCE = 0.9
CYRILLIC_SHARE = 0.5
SAMPLE_CHARS = 20_000


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LIKELY))
    return identifier


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def detect_language(text: str) -> str | None:
    """The language of `text` as an ISO 639-1 code, or None when the text is too short to say and is
    not written mostly in Cyrillic."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    cyrillic = sum(1 for c in letters if _is_cyrillic(c)) / len(letters) >= CYRILLIC_SHARE
    if len(letters) >= MIN_MODEL_LETTERS:
        code, confidence = _identifier().classify(sample)
        if confidence >= MIN_CONFIDENCE and _is_cyrillic_language(code) == cyrillic:
            return str(code)
    return "ru" if cyrillic else None


def _is_cyrillic_language(code: str) -> bool:
    return code in ("ru", "kk", "uk", "be", "bg", "ky")
