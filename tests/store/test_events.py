"""Events: reports of one meeting grouped by date window, parties and shared entities; one entry per
entity per event at its most advanced stage, with every statement."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from accord.errors import NotFoundError
from accord.model import EntityRef, Item
from accord.store import ItemQuery, SqlStore
from accord.store.events import Event, find_event, group_events

from .builders import GAS, RAIL, document, item

PORT = EntityRef(id="khorgos-dry-port", name="Khorgos dry port", type="port")


def _events(store: SqlStore, *reports: tuple[str, str | None, Sequence[Item]]) -> list[Event]:
    for doc_id, published, items in reports:
        store.save_document(document(doc_id, published=published), list(items))
    return group_events(store.iter_items(ItemQuery()))


def _sources(events: list[Event]) -> list[list[str]]:
    return [[source.document_id for source in event.sources] for event in events]


def test_reports_of_one_meeting_are_one_event_and_others_are_not(store: SqlStore) -> None:
    events = _events(
        store,
        ("wire", "2025-09-02", [item("railway", entity=RAIL), item("port", entity=PORT, stage="underway")]),
        ("daily", "2025-09-04", [item("port expansion", entity=PORT, stage="discussed")]),
        # three weeks later: another meeting, though it names the same railway
        ("later", "2025-09-25", [item("railway", entity=RAIL, stage="completed")]),
        # the same day, other parties: another meeting
        ("other", "2025-09-02", [item("railway", entity=RAIL, parties=("CHN", "KAZ"))]),
        ("undated", None, [item("railway", entity=RAIL)]),
    )
    assert _sources(events) == [["other"], ["wire", "daily"], ["later"], ["undated"]]
    assert [e.id for e in events] == [
        "2025-09-02-chn-kaz",
        "2025-09-02-kaz-rus",
        "2025-09-25-kaz-rus",
        "undated-undated",
    ]
    meeting = find_event(events, "2025-09-02-kaz-rus")
    assert (meeting.start, meeting.end, meeting.parties) == ("2025-09-02", "2025-09-04", ("KAZ", "RUS"))
    # one entry per entity, at the most advanced stage any report gives it, with every statement
    entries = {entry.entity.id: entry for entry in meeting.entries}
    assert set(entries) == {RAIL.id, PORT.id}
    assert entries[PORT.id].stage == "underway"
    assert [s.document_id for s in entries[PORT.id].statements] == ["wire", "daily"]


def test_reports_that_name_nothing_in_common_join_only_on_the_same_parties_within_a_day(
    store: SqlStore,
) -> None:
    events = _events(
        store,
        ("a", "2025-03-01", [item("railway", entity=RAIL)]),
        ("b", "2025-03-02", [item("gas", entity=GAS)]),
        ("c", "2025-03-04", [item("port", entity=PORT)]),
    )
    assert _sources(events) == [["a", "b"], ["c"]]


def test_grouping_is_transitive_within_the_window(store: SqlStore) -> None:
    events = _events(
        store,
        ("day1", "2025-06-01", [item("railway", entity=RAIL)]),
        ("day3", "2025-06-03", [item("railway", entity=RAIL), item("gas", entity=GAS)]),
        ("day6", "2025-06-06", [item("gas", entity=GAS)]),
    )
    assert _sources(events) == [["day1", "day3", "day6"]]


def test_two_events_with_one_date_and_parties_get_distinct_ids(store: SqlStore) -> None:
    events = _events(
        store,
        ("a", "2025-01-10", [item("railway", entity=RAIL, parties=("KAZ", "RUS", "UZB"))]),
        ("b", "2025-01-10", [item("gas", entity=GAS, parties=("KAZ", "RUS", "UZB"))]),
    )
    # the same parties on the same day name nothing in common: one event
    assert len(events) == 1
    assert events[0].id == "2025-01-10-kaz-rus-uzb"


def test_an_unknown_event_is_named_in_the_error(store: SqlStore) -> None:
    with pytest.raises(NotFoundError, match="2030-01-01-kaz"):
        find_event(_events(store), "2030-01-01-kaz")
