from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.kb import Entity, KnowledgeBase, knowledge_base
from accord.model import Evidence, Item
from accord.resolve import link, resolve_items
from accord.resolve.index import NameIndex, same_word
from accord.resolve.spelling import skeleton
from accord.resolve.words import name_words

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases_linking.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[case["object"] for case in CASES])
def test_linking(case: dict[str, Any]) -> None:
    entity = link(case["object"], case.get("parties", []))
    assert (entity.id if entity else None) == case["id"]


@pytest.mark.parametrize(
    "words",
    [
        ["Moiynty", "Moyynty", "Mointy", "Мойынты"],
        ["Tokayev", "Tokaev", "Токаев", "Тоқаев"],
        ["Kazakhstan", "Казахстан"],
        ["Zhaparov", "Japarov", "Жапаров"],
        ["Bakhty", "Бахты"],
    ],
)
def test_transliteration_variants_share_a_skeleton(words: list[str]) -> None:
    assert len({name_words(word) for word in words}) == 1


def test_one_edit_is_the_same_word_only_in_long_words() -> None:
    assert same_word(skeleton("kambarata"), skeleton("kambarta"))
    assert not same_word("china", "chita")


def test_a_known_entity_keeps_its_id_and_the_item_keeps_the_rest() -> None:
    item = Item("Moyynty–Dostyk line", "transport", "underway", ("KAZ",), Evidence(0, 5, "hello"))
    [resolved] = resolve_items([item])
    assert resolved.entity is not None
    assert (resolved.entity.id, resolved.entity.type) == ("dostyk-moiynty-railway", "railway")
    assert resolved.with_entity(None) == item


def test_an_unknown_object_gets_a_new_entity_that_later_mentions_join() -> None:
    items = [
        Item(text, "transport", "agreed", ("KAZ", "RUS"), Evidence(0, 5, "hello"))
        for text in ("Zhezkazgan–Kyzylorda railway line", "the Kyzylorda-Zhezkazgan railway")
    ]
    ids = {item.entity.id for item in resolve_items(items) if item.entity is not None}
    assert ids == {"kyzylorda-zhezkazgan-railway"}


_OBJECTS = st.sampled_from([case["object"] for case in CASES]) | st.text(max_size=40)
_PARTIES = st.lists(st.sampled_from(["KAZ", "RUS", "UZB", "KGZ", "CHN", "TUR"]), max_size=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_OBJECTS, _PARTIES), max_size=5))
def test_resolving_twice_gives_the_same_ids(objects: list[tuple[str, list[str]]]) -> None:
    items = [
        Item(text, "economy", "agreed", tuple(parties), Evidence(0, 1, "x")) for text, parties in objects
    ]
    once = resolve_items(items)
    assert resolve_items(once) == once
    assert resolve_items(items) == once


def test_candidates_do_not_grow_with_the_knowledge_base() -> None:
    """Blocking: ten thousand more entities with unrelated names add none to a mention's candidates (names
    are filed under their rarest word, so common words like "railway" file fewer, not more)."""
    kb = knowledge_base()
    extra = {
        f"extra-{n}": Entity(f"extra-{n}", "railway", f"Station{n}a–Station{n}b railway")
        for n in range(10_000)
    }
    bigger = NameIndex(KnowledgeBase({**kb.entities, **extra}))
    mention = name_words("second tracks on the Dostyk–Moiynty railway line")
    small = [name.entity.id for name in NameIndex(kb).candidates(mention)]
    large = [name.entity.id for name in bigger.candidates(mention)]
    assert "dostyk-moiynty-railway" in large and len(large) <= len(small) < 20
    assert not any(entity_id.startswith("extra-") for entity_id in large)
