"""New entities across documents: a later mention that names an earlier new entity joins it, and only
when the type, head noun and parties agree and one name's words hold the other's."""

from __future__ import annotations

import pytest

from accord.model import Document, Evidence, Item
from accord.pipeline import Pipeline
from accord.resolve import resolve_items
from accord.resolve.joining import NewEntities


def _item(obj: str, parties: tuple[str, ...] = ("KAZ", "UZB")) -> Item:
    found = Item(obj, "governance", "agreed", parties, Evidence(0, len(obj), obj))
    return resolve_items([found])[0]


def _entity_ids(*documents: list[Item], joining: NewEntities | None = None) -> list[list[str | None]]:
    joining = joining or NewEntities()
    out = []
    for items in documents:
        out.append([None if item.entity is None else item.entity.id for item in joining.join(items)])
    return out


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # the later mention's words are all in the earlier name
        ("the historic Friendship and Alliance Programme", "the alliance programme"),
        # the later mention says more than the earlier one
        ("the Friendship and Alliance Programme", "the Friendship and Alliance Programme for ten years"),
        # word order and "of" do not matter
        ("the youth exchange programme", "the programme of youth exchange"),
    ],
)
def test_a_later_mention_joins_the_new_entity_it_names(first: str, later: str) -> None:
    ids = _entity_ids([_item(first)], [_item(later)])
    assert ids[1] == ids[0]
    assert ids[0][0] is not None


@pytest.mark.parametrize(
    ("first", "later", "why"),
    [
        ("the alliance programme", "the alliance programme", "same key: one entity without joining"),
    ],
)
def test_the_same_key_is_one_entity(first: str, later: str, why: str) -> None:
    ids = _entity_ids([_item(first)], [_item(later)])
    assert ids[1] == ids[0], why


@pytest.mark.parametrize(
    ("first", "later", "first_parties", "later_parties"),
    [
        # another pair of countries: another programme
        (
            "the joint investment programme",
            "the joint investment programme for 2030",
            ("KAZ", "UZB"),
            ("CHN", "KAZ"),
        ),
        # another head noun: a forum is not a programme
        ("the youth exchange programme", "the youth exchange forum", ("KAZ", "UZB"), ("KAZ", "UZB")),
        # neither holds the other's words
        ("the youth exchange programme", "the student exchange programme", ("KAZ", "UZB"), ("KAZ", "UZB")),
        # one word is not enough to say which programme
        ("the youth exchange programme", "the programme", ("KAZ", "UZB"), ("KAZ", "UZB")),
    ],
)
def test_mentions_that_do_not_name_the_same_thing_stay_apart(
    first: str, later: str, first_parties: tuple[str, ...], later_parties: tuple[str, ...]
) -> None:
    ids = _entity_ids([_item(first, first_parties)], [_item(later, later_parties)])
    assert ids[1] != ids[0]


def test_a_mention_that_names_two_entities_equally_joins_neither() -> None:
    ids = _entity_ids(
        [_item("the youth exchange programme in science")],
        [_item("the youth exchange programme in sport")],
        [_item("the youth exchange programme")],
    )
    assert ids[0] != ids[1]
    assert ids[2] not in (ids[0], ids[1])


def test_knowledge_base_entities_are_left_as_linking_gave_them() -> None:
    linked = _item("the Dostyk–Moiynty railway", ("KAZ",))
    assert linked.entity is not None
    (ids,) = _entity_ids([linked])
    assert ids == [linked.entity.id]


def test_entities_known_before_the_run_are_joined() -> None:
    earlier = _item("the Steppe Water Programme")
    assert earlier.entity is not None
    joining = NewEntities([(earlier.entity, earlier.object, earlier.parties)])
    (ids,) = _entity_ids([_item("the Steppe Water Programme for the Aral region")], joining=joining)
    assert ids == [earlier.entity.id]


def test_the_pipeline_joins_across_documents_in_one_run() -> None:
    texts = [
        "Kazakhstan and Uzbekistan signed the Steppe Water Programme on Tuesday.",
        "Kazakhstan and Uzbekistan agreed on the historic Steppe Water Programme for the Aral region.",
        "Kazakhstan and Uzbekistan agreed to fund the water programme of the steppe.",
    ]
    docs = [Document(id=f"d{n}", text=text, language="en") for n, text in enumerate(texts)]
    entities = set()
    for _doc, items in Pipeline().run(docs):
        assert not isinstance(items, Exception)
        programmes = [
            item for item in items if item.entity is not None and "programme" in item.object.lower()
        ]
        assert programmes, items
        entities |= {item.entity.id for item in programmes if item.entity is not None}
    assert len(entities) == 1


def test_many_entities_sharing_words_still_join_by_their_rare_words() -> None:
    earlier = [_item(f"the joint programme for district {n}") for n in range(300)]
    joining = NewEntities([(i.entity, i.object, i.parties) for i in earlier if i.entity is not None])
    (ids,) = _entity_ids(
        [_item("the joint programme for district 217 in the north"), _item("the joint programme")],
        joining=joining,
    )
    assert earlier[217].entity is not None
    assert ids[0] == earlier[217].entity.id  # found through its rarest word, "217"
    assert ids[1] not in {i.entity.id for i in earlier if i.entity is not None}  # names none of 300 alone


def test_between_two_it_names_equally_the_one_named_more_often_wins() -> None:
    ids = _entity_ids(
        [_item("the youth exchange programme in science")],
        [_item("the youth exchange programme in science and art")],  # joins the first: named twice now
        [_item("the youth exchange programme in sport")],
        [_item("the youth exchange programme")],
    )
    assert ids[1] == ids[0] != ids[2]
    assert ids[3] == ids[0]
