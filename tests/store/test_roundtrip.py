from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.model import SECTORS, STAGES, Document, EntityRef, Evidence, Item
from accord.store import ItemQuery, SqlStore
from accord.store.search import search_words

# PostgreSQL text cannot hold NUL, so the register does not promise to keep it.
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
OFFSET = st.integers(min_value=0, max_value=2**31 - 1)
PARTIES = st.lists(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3), unique=True, max_size=4
)


@st.composite
def items(draw: st.DrawFn) -> Item:
    start = draw(OFFSET)
    entity = draw(st.none() | st.builds(EntityRef, id=st.just(""), name=TEXT, type=TEXT))
    return Item(
        object=draw(TEXT),
        sector=draw(st.sampled_from(SECTORS)),
        stage=draw(st.sampled_from(STAGES)),
        parties=tuple(draw(PARTIES)),
        evidence=Evidence(
            start=start, end=draw(st.integers(min_value=start, max_value=2**31 - 1)), text=draw(TEXT)
        ),
        entity=entity,
    )


def _unique_entity_ids(drawn: list[Item]) -> list[Item]:
    """One entity per item, so that the entities table can give each its own name back."""
    return [
        it if it.entity is None else it.with_entity(replace(it.entity, id=f"e{n}"))
        for n, it in enumerate(drawn)
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, drawn=st.lists(items(), max_size=5))
def test_items_come_back_as_saved(store: SqlStore, text: str, drawn: list[Item]) -> None:
    saved = _unique_entity_ids(drawn)
    store.save_document(Document(id="doc", text=f"{text} {len(saved)} {saved!r}"), saved)

    back = [stored.item for stored in store.query_items(ItemQuery(document_id="doc"))]

    assert back == [replace(it, parties=tuple(sorted(it.parties))) for it in saved]


# Words in Latin, Cyrillic and Greek letters and digits, joined by spaces and punctuation: what full-text
# search promises to find (it splits at whatever is not a letter or a digit, on both backends).
WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzäöüéçşğıABCZÄÉабвгдеёжзийюяАБЯЁαβγΩ0123456789",
    min_size=1,
    max_size=12,
)
OBJECT = st.lists(WORD, min_size=1, max_size=4).flatmap(
    lambda words: st.sampled_from([" ", "-", "–", ", ", " «", "/"]).map(lambda sep: sep.join(words))
)


def _spellings(word: str) -> set[str]:
    """The word, lower-cased, and upper-cased where lower() brings it back: search folds case as lower()
    does, on SQLite and PostgreSQL alike, so "SS" does not find "ß"."""
    spellings = {word, word.lower()}
    if word.upper().lower() == word.lower():
        spellings.add(word.upper())
    return spellings


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=st.lists(items(), min_size=1, max_size=3), objects=st.lists(OBJECT, min_size=3, max_size=3))
def test_every_item_is_found_by_each_word_of_its_object(
    store: SqlStore, drawn: list[Item], objects: list[str]
) -> None:
    drawn = [replace(it, object=obj) for it, obj in zip(drawn, objects, strict=False)]
    store.save_document(Document(id="doc", text=repr(drawn)), drawn)
    for ordinal, it in enumerate(drawn):
        for word in search_words(it.object):
            for query in _spellings(word):
                found = store.query_items(ItemQuery(document_id="doc", search=query))
                assert ordinal in {stored.ordinal for stored in found}, query
