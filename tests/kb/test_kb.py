from __future__ import annotations

import os
from pathlib import Path

import pytest

from accord.errors import ConfigError
from accord.kb import KB_PATH_ENV, KB_TYPES, knowledge_base, parse, user_file
from accord.kb.records import Term

# What the issue asks the packaged knowledge base to know, by id.
EXPECTED = [
    "kazakhstan",
    "kassym-jomart-tokayev",
    "kaz-ministry-of-energy",
    "rosatom",
    "gazprom",
    "kazakhstan-temir-zholy",
    "russian-railways",
    "qazaqgaz",
    "kazatomprom",
    "samruk-kazyna",
    "cnpc",
    "cnnc",
    "north-south-transport-corridor",
    "trans-caspian-international-transport-route",
    "western-europe-western-china",
    "dostyk-moiynty-railway",
    "bakhty-ayagoz-railway",
    "darbaza-maktaaral-railway",
    "china-kyrgyzstan-uzbekistan-railway",
    "central-asia-center-gas-pipeline",
    "central-asia-china-gas-pipeline",
    "kazakhstan-first-nuclear-power-plant",
    "kambarata-1-hpp",
    "khorgos",
    "mgimo-astana",
    "misis-almaty",
    "kaznu-omsk",
    "sco",
    "csto",
    "eaeu",
    "cis",
    "cica",
    "brics",
    "organization-of-turkic-states",
    "international-organization-for-the-russian-language",
    "kaz-uzb-supreme-interstate-council",
    "kaz-rus-interregional-cooperation-forum",
    "year-of-kazakhstan-tourism-in-china",
    "days-of-kazakh-culture-in-russia",
    "astana",
]
LINES = ("railway", "corridor", "pipeline")
PLACES = ("country", "power_plant", "border_crossing", "port", "place", "railway", "corridor", "pipeline")


def test_the_packaged_knowledge_base_knows_what_the_issue_asks() -> None:
    kb = knowledge_base()
    assert 80 <= len(kb) <= 200
    assert [entity_id for entity_id in EXPECTED if kb.get(entity_id) is None] == []
    assert {entity.type for entity in kb.entities.values()} <= set(KB_TYPES)


def test_every_place_has_coordinates_and_every_line_both_ends() -> None:
    for entity in knowledge_base().entities.values():
        if entity.type in PLACES:
            assert entity.coords, entity.id
        if entity.type in LINES and entity.id != "almaty-bypass-railway":
            assert len(entity.coords) == 2, entity.id


def test_leaders_have_terms_of_office() -> None:
    tokayev = knowledge_base().get("kassym-jomart-tokayev")
    assert tokayev is not None
    assert Term("President of Kazakhstan", "2019-03-20") in tokayev.terms
    assert all(entity.terms for entity in knowledge_base().of_type("leader"))


# (YAML text of a file, what the error says besides the file's name)
BAD_FILES = [
    ("id: x", "expected a list of entries"),
    ("- [x]", "entry 1: an entry is a mapping"),
    ("- {id: Bad Id, type: place, name: X}", "entry 1 (id 'Bad Id'): id 'Bad Id' is not a slug"),
    ("- {id: x, type: planet, name: X}", "(id 'x'): type 'planet' is not one of"),
    ("- {id: x, type: place}", "(id 'x'): name is missing"),
    ("- {id: x, type: place, name: X, aliases: [yes, 'no']}", "aliases: [True] are not names; quote them"),
    ("- {id: x, type: place, name: X, aliases: A}", "aliases must be a list"),
    ("- {id: x, type: place, name: X, colour: red}", "unknown field(s) colour"),
    ("- {id: x, type: place, name: X, countries: [XXX]}", "countries: XXX are not ISO alpha-3 codes"),
    ("- {id: x, type: place, name: X, context_aliases: [Y]}", "context_aliases need the countries"),
    ("- {id: x, type: place, name: X, coords: [95, 10]}", "outside latitude -90..90"),
    ("- {id: x, type: place, name: X, coords: [1, 2, 3]}", "is not [latitude, longitude]"),
    (
        "- {id: x, type: leader, name: X, terms: [{office: P, start: soon}]}",
        "start 'soon' is not an ISO date",
    ),
    (
        "- {id: x, type: leader, name: X, terms: [{office: P, start: 2020-01-01, end: 2019-01-01}]}",
        "ends (2019-01-01) before it starts",
    ),
    ("- {id: x, type: place, name: X", "is not valid YAML"),
    ("- {id: ok, type: place, name: Ok}\n- {id: y, type: place}", "entry 2 (id 'y')"),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_a_malformed_entry_names_the_file_the_entry_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse(text, "mine.yaml")
    assert "mine.yaml" in str(caught.value)
    assert message in str(caught.value)


def test_a_user_file_adds_entities(user_kb: Path) -> None:
    user_kb.write_text("- {id: my-line, type: railway, name: My line, aliases: [Mine]}\n", encoding="utf-8")
    entity = knowledge_base().get("my-line")
    assert entity is not None and entity.source == str(user_kb) and entity.aliases == ("Mine",)


def test_a_user_entry_with_a_packaged_id_is_refused(user_kb: Path) -> None:
    user_kb.write_text("- {id: rosatom, type: company, name: Mine}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"id 'rosatom' is already defined in accord\.kb\.data/companies"):
        knowledge_base()


def test_a_folder_of_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "a.yaml").write_text("- {id: a-place, type: place, name: A}\n", encoding="utf-8")
    (folder / "b.yaml").write_text("- {id: b-place, type: place, name: B}\n", encoding="utf-8")
    monkeypatch.setenv(KB_PATH_ENV, f"{folder}{os.pathsep}{tmp_path / 'missing.yaml'}")
    kb = knowledge_base()
    assert kb.get("a-place") is not None and kb.get("b-place") is not None
    assert user_file() == folder / "user.yaml"
