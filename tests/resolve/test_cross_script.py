"""One entity gathers both languages: the same projects reported in an English and a Russian document
end as the same entities, and Cyrillic and Latin spellings of one name make one name."""

from __future__ import annotations

from collections import defaultdict

import pytest

from accord.model import Document
from accord.pipeline import extract_documents
from accord.resolve import resolve
from accord.resolve.heads import head_noun, head_type, split_head
from accord.resolve.words import name_words

ENGLISH = (
    "Astana, 3 March 2026. The presidents of Kazakhstan and Russia agreed to speed up the second tracks "
    "on the Dostyk–Moiynty line and the construction of the Bakhty–Ayagoz railway line.\n"
    "Rosatom will start building Kazakhstan's first nuclear power plant near Ulken next year.\n"
    "The MGIMO branch in Astana admitted its second intake of students in September.\n"
    "The leaders also agreed to expand freight along the Trans-Caspian International Transport Route.\n"
)
RUSSIAN = (
    "Астана, 3 марта 2026 года. Президенты Казахстана и России договорились ускорить строительство вторых "
    "путей на участке Достык — Мойынты и железной дороги Бахты — Аягоз.\n"
    "Росатом в следующем году начнёт строительство первой АЭС в Казахстане у села Улкен.\n"
    "Филиал МГИМО в Астане в сентябре принял второй набор студентов.\n"
    "Лидеры также договорились наращивать грузоперевозки по Транскаспийскому международному транспортному "
    "маршруту.\n"
)
PROJECTS = {
    "dostyk-moiynty-railway",
    "bakhty-ayagoz-railway",
    "kazakhstan-first-nuclear-power-plant",
    "mgimo-astana",
    "trans-caspian-international-transport-route",
}


def test_five_projects_in_two_languages_are_five_entities_with_both_languages() -> None:
    docs = [Document(id="en", text=ENGLISH, language="en"), Document(id="ru", text=RUSSIAN, language="ru")]
    languages: dict[str, set[str]] = defaultdict(set)
    for doc, items in extract_documents(docs):
        for item in items:
            if item.entity is not None:
                languages[item.entity.id].add(doc.language or "")
    assert set(languages) >= PROJECTS, sorted(languages)
    assert all(languages[p] == {"en", "ru"} for p in PROJECTS), {p: languages[p] for p in PROJECTS}


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Достык — Мойынты", "Dostyk–Moiynty"),
        ("Достык — Мойынты", "Dostyk–Moyynty"),
        ("Бахты — Аягоз", "Bakhty–Ayagoz"),
        ("Токаев", "Tokayev"),
        ("Токаев", "Tokaev"),
        ("«Росатом»", "Rosatom"),
    ],
)
def test_cyrillic_and_latin_spellings_are_one_name(cyrillic: str, latin: str) -> None:
    assert name_words(cyrillic) == name_words(latin)


def test_inflected_russian_names_the_same_entity_as_the_nominative() -> None:
    nominative = resolve("Транскаспийский международный транспортный маршрут", ("KAZ",))
    inflected = resolve("Транскаспийского международного транспортного маршрута", ("KAZ",))
    assert nominative is not None and inflected is not None
    assert nominative.id == inflected.id == "trans-caspian-international-transport-route"


@pytest.mark.parametrize(
    ("text", "kind", "noun"),
    [
        ("Филиал МГИМО в Астане", "institution", "филиал"),
        ("первая атомная электростанция", "power_plant", "электростанция"),
        ("железной дороги Бахты — Аягоз", "railway", "дорога"),
        ("дорожная карта по газу", "document", "карта"),
    ],
)
def test_a_russian_head_is_its_first_noun(text: str, kind: str, noun: str) -> None:
    head, _ = split_head(text)
    assert head_type(head) == kind
    assert head_noun(head) == noun


def test_a_russian_branch_is_not_its_university() -> None:
    branch = resolve("филиал МГИМО в Бишкеке", ("KGZ", "RUS"))
    assert branch is None or branch.id != "mgimo"
    construction = resolve("строительство первой АЭС в Казахстане", ("KAZ",))
    assert construction is not None and construction.id == "kazakhstan-first-nuclear-power-plant"
