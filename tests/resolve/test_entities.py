from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.errors import ConfigError
from accord.model import EntityRef, Evidence, Item
from accord.resolve import ENTITY_TYPES, entity_for, entity_key, resolve_items, slug
from accord.resolve.heads import _words, lexicon

# (object, entity id or None, entity type)
CASES = [
    ("Dostyk–Moiynty railway line", "dostyk-moiynty-railway", "railway"),
    ("construction of the Dostyk–Moiynty railway", "dostyk-moiynty-railway", "railway"),
    ("North-South transport corridor", "north-south-transport-corridor", "corridor"),
    ("Trans-Caspian route", "transcaspian-route", "corridor"),
    ("new gas pipeline from Russia", "new-gas-pipeline-from-russia", "pipeline"),
    ("first nuclear power plant", "first-nuclear-power-plant", "power_plant"),
    ("branch of the Sirius School in Almaty", "branch-of-sirius-school-in-almaty", "institution"),
    ("13 branches of Russian universities", "13-branches-of-russian-universities", "institution"),
    ("eastern branch of the North–South corridor", "eastern-branch-of-north-south-corridor", "corridor"),
    ("joint declaration on strategic partnership", "joint-declaration-on-strategic-partnership", "document"),
    ("Intergovernmental Commission", "intergovernmental-commission", "body"),
    ("Astana International Forum", "astana-forum", "event"),
    ("Culture Days", "culture-days", "event"),
    ("special economic zone", "special-economic-zone", "place"),
    ("Strategic Partnership Programme", "strategic-partnership-program", "programme"),
    ("Université Côte d’Azur", "universite-cote-d-azur", "other"),
    ("SCO", "sco", "other"),
    ("gas supplies", None, None),
    ("gas supplies to Kazakhstan's northern regions", None, None),
    ("trade turnover", None, None),
    ("railway construction", None, None),
    ("development of trade with Russia", None, None),
]


@pytest.mark.parametrize(("obj", "entity_id", "entity_type"), CASES)
def test_entity_for(obj: str, entity_id: str | None, entity_type: str | None) -> None:
    entity = entity_for(obj)
    if entity_id is None:
        assert entity is None
    else:
        assert entity == EntityRef(id=entity_id, name=obj, type=str(entity_type))


# Spellings of one thing, which must share an entity id.
SAME = [
    [
        "Dostyk–Moiynty railway line",
        "Moiynty-Dostyk railway line",
        "the Moiynty – Dostyk railway",
        "Dostyk-Moiynty railroad",
    ],
    [
        "Trans-Caspian International Transport Route",
        "Transcaspian transport route",
        "the trans-Caspian transport route",
    ],
    ["Kazakhstan's first nuclear power plant", "Kazakhstan first nuclear power plant"],
    ["Cultural Centre of Kazakhstan", "cultural center of Kazakhstan"],
]


@pytest.mark.parametrize("names", SAME)
def test_spellings_of_one_thing_share_an_id(names: list[str]) -> None:
    ids = {entity.id for entity in map(entity_for, names) if entity is not None}
    assert len(ids) == 1, ids


def test_different_things_differ() -> None:
    names = [
        "Dostyk–Moiynty railway",
        "Bakhty–Ayagoz railway",
        "branch of MSU in Astana",
        "branch of MSU in Tashkent",
    ]
    ids = [entity.id for entity in map(entity_for, names) if entity is not None]
    assert len(set(ids)) == len(names)


def _item(obj: str, entity: EntityRef | None = None) -> Item:
    return Item(obj, "transport", "agreed", ("KAZ", "RUS"), Evidence(0, 10, "0123456789"), entity)


def test_resolve_items_sets_entities_and_keeps_the_rest() -> None:
    items = [
        _item("Dostyk–Moiynty railway line"),
        _item("gas supplies", EntityRef("stale", "stale", "other")),
    ]
    resolved = resolve_items(items)
    assert [item.entity.id if item.entity else None for item in resolved] == ["dostyk-moiynty-railway", None]
    assert [item.with_entity(None) for item in resolved] == [item.with_entity(None) for item in items]
    assert resolve_items(resolved) == resolved


def test_lexicon_types_are_the_known_ones() -> None:
    assert set(lexicon().types.values()) <= set(ENTITY_TYPES)


def test_yaml_booleans_in_the_lexicon_are_refused() -> None:
    with pytest.raises(ConfigError, match="quote them"):
        _words(["of", True], "prepositions")


@given(st.text(max_size=60))
def test_keys_are_stable_and_ids_have_no_spaces(text: str) -> None:
    key = entity_key(text, lexicon().key_rules)
    assert entity_key(key, lexicon().key_rules) == key
    assert " " not in slug(key)
    entity = entity_for(text)
    if entity is not None:
        assert entity.id and entity.name == text.strip() and entity.type in ENTITY_TYPES
