"""A title line sums up what the text reports: fields it names alone are framing, its projects are not."""

from __future__ import annotations

from accord.extract import get_extractor
from accord.model import Document

TITLE = "Kazakhstan and Mongolia chart next steps in trade, transit and energy"
TEXT = f"{TITLE}\n\nThe two governments agreed to build a new border crossing at Maikapchagai by 2027.\n"


def test_fields_a_title_names_alone_are_no_items() -> None:
    doc = Document(id="t", text=TEXT, title=TITLE, language="en")
    objects = [i.object for i in get_extractor("en").extract(doc)]
    assert any("border crossing" in o for o in objects), objects
    assert not {"trade", "transit", "energy"} & set(objects), objects


def test_the_same_line_without_a_title_keeps_its_fields() -> None:
    body = "The two governments chart next steps in trade, transit and energy."
    objects = [i.object for i in get_extractor("en").extract(Document(id="t", text=body, language="en"))]
    assert {"trade", "transit", "energy"} & set(objects), objects
