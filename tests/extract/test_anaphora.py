"""Later, nameless mentions fold into the one named object they can refer to, and only then."""

from __future__ import annotations

from accord.extract import get_extractor
from accord.model import Document


def _objects(text: str) -> list[str]:
    return [i.object for i in get_extractor("en").extract(Document(id="t", text=text, language="en"))]


def test_a_description_that_fits_two_named_objects_stays_apart() -> None:
    objects = _objects(
        "The sides agreed to modernise the Dostyk–Moiynty railway line and the Bakhty–Ayagoz railway line.\n"
        "The electrified railway will be opened in 2027.\n"
    )
    assert any("electrified railway" in o for o in objects), objects
    assert any("Dostyk–Moiynty" in o for o in objects) and any("Bakhty–Ayagoz" in o for o in objects)


def test_a_description_of_another_sector_is_not_folded() -> None:
    objects = _objects(
        "The sides agreed to build the Kyzylzhar–Moiynty railway line.\n"
        "The gas pipeline will be extended to Petropavlovsk in 2027.\n"
    )
    assert any("gas pipeline" in o for o in objects), objects


def test_the_folded_mention_raises_the_named_objects_stage() -> None:
    items = get_extractor("en").extract(
        Document(
            id="t",
            text="The sides agreed to build the Kyzylzhar–Moiynty railway line.\n"
            "The new railway line was opened on Friday.\n",
            language="en",
        )
    )
    assert [(i.object, i.stage) for i in items] == [("Kyzylzhar–Moiynty railway line", "completed")]
