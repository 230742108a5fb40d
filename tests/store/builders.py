"""Documents and items built by hand for the store tests, and a small register to query."""

from __future__ import annotations

from accord.model import Document, EntityRef, Evidence, Item

RAIL = EntityRef(id="rail-dostyk-moiynty", name="Dostyk–Moiynty railway line", type="project")
GAS = EntityRef(id="gas-northern", name="Gas supplies to the northern regions", type="commodity")


def item(
    obj: str,
    *,
    sector: str = "transport",
    stage: str = "agreed",
    parties: tuple[str, ...] = ("KAZ", "RUS"),
    entity: EntityRef | None = None,
    evidence: str | None = None,
    start: int = 0,
) -> Item:
    text = evidence if evidence is not None else f"The parties agreed on the {obj}."
    return Item(
        object=obj,
        sector=sector,
        stage=stage,
        parties=parties,
        evidence=Evidence(start=start, end=start + len(text), text=text),
        entity=entity,
    )


def document(
    doc_id: str, text: str = "", *, published: str | None = None, title: str | None = None
) -> Document:
    return Document(
        id=doc_id,
        text=text or f"Text of document {doc_id}.",
        url=f"https://example.org/{doc_id}",
        outlet="Example Outlet",
        title=title if title is not None else f"Title {doc_id}",
        published=published,
        language="en",
        source=f"https://example.org/{doc_id}",
    )


# (document, items) for the query tests. Expected order, newest first and undated last:
# b/0, b/1, a/0, a/1, a/2, d/0, c/0.
REGISTER: tuple[tuple[Document, tuple[Item, ...]], ...] = (
    (
        document("a", published="2024-03-01"),
        (
            item("Dostyk–Moiynty railway line", entity=RAIL),
            item("gas supplies", sector="energy", stage="planned", parties=("RUS",), entity=GAS),
            item(
                "branch of the Sirius School in Almaty",
                sector="education",
                stage="completed",
                evidence="Работа филиала школы «Сириус» началась 100% in Almaty.",
            ),
        ),
    ),
    (
        document("b", published="2024-05-10"),
        (
            item("railway construction", stage="underway", parties=("KAZ",), entity=RAIL),
            item("joint declaration", sector="diplomacy", parties=("UZB", "KAZ")),
        ),
    ),
    (document("c"), (item("clinic", sector="health", stage="discussed", parties=("UZB",)),)),
    (
        document("d", published="2023-12-31"),
        (item("gas pipeline", sector="energy", stage="completed", parties=("KAZ",), entity=GAS),),
    ),
)
ALL_KEYS = [("b", 0), ("b", 1), ("a", 0), ("a", 1), ("a", 2), ("d", 0), ("c", 0)]
