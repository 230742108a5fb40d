"""An undated document is read as of the latest year it names; a year that ends a term or sets a
deadline ("valid until 2040", "by 2035") looks ahead and does not date it, so this year's news is not
taken for history."""

from __future__ import annotations

from accord.extract import get_extractor
from accord.model import Document

TEXT = (
    "On 4 June 2024 in Almaty, KazTransGas and Gazprom signed a transit agreement for Russian gas to "
    "Kyrgyzstan. The agreement is valid from 2025 until 2040. By 2035 the sides plan to double transit.\n\n"
    "A first gas pipeline treaty between the countries was signed in 2005."
)


def _objects(text: str, published: str | None = None) -> list[str]:
    doc = Document(id="t", text=text, language="en", published=published)
    return [i.object for i in get_extractor("en").extract(doc)]


def test_term_ends_and_deadlines_do_not_date_an_undated_text() -> None:
    objects = _objects(TEXT)
    assert any("transit agreement" in o for o in objects), objects
    assert not any("treaty" in o for o in objects), objects  # 2005 is history as of 2024


def test_a_dated_text_reads_the_same() -> None:
    assert _objects(TEXT, "2024-06-05") == _objects(TEXT)
