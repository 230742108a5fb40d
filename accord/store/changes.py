"""What changed between two sets of documents (two date windows, or two meetings' reports): per entity,
new (not mentioned in the earlier set), advanced or regressed (its stage went up or down), unchanged, or no
longer mentioned (in the earlier set, not in the later one).

An entity's stage in a set is its current stage there (accord.store.timeline): that of its latest dated
statement. Items are read through judgements, so a merged group is one entity; items without an entity
(objects that name nothing concrete) cannot be followed from one set to another and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from accord.model import SETBACKS, STAGE_ORDER, EntityRef
from accord.store.base import StoredItem
from accord.store.timeline import Statement, by_entity, current_stage

ChangeKind = Literal["new", "advanced", "regressed", "unchanged", "no longer mentioned"]
KINDS: tuple[ChangeKind, ...] = ("new", "advanced", "regressed", "unchanged", "no longer mentioned")


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    entity: EntityRef
    before: str | None  # the stage in the earlier set
    after: str | None  # the stage in the later set
    latest: Statement  # the latest statement about it, in the later set where it has one

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": self.kind,
            "entity": self.entity.to_dict(),
            "before": self.before,
            "after": self.after,
            "latest": self.latest.to_dict(),
        }


def diff(earlier: Iterable[StoredItem], later: Iterable[StoredItem]) -> list[Change]:
    """The changes from `earlier` to `later`, by kind (in KINDS order), then by entity id."""
    before, after = by_entity(earlier), by_entity(later)
    changes = []
    for entity_id in sorted(before.keys() | after.keys()):
        old, new = before.get(entity_id), after.get(entity_id)
        held = new if new is not None else old
        assert held is not None, "every id comes from one of the two sets"
        entity, told = held
        old_stage = None if old is None else current_stage(old[1])
        new_stage = None if new is None else current_stage(new[1])
        changes.append(Change(_kind(old_stage, new_stage), entity, old_stage, new_stage, _latest(told)))
    return sorted(changes, key=lambda c: (KINDS.index(c.kind), c.entity.id))


def in_window(published: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date lies in the window; `until` is inclusive as a prefix ("2024" holds "2024-12-31")."""
    if published is None:
        return since is None and until is None
    if since is not None and published < since:
        return False
    return until is None or published[: len(until)] <= until


def _kind(before: str | None, after: str | None) -> ChangeKind:
    if before is None:
        return "new"
    if after is None:
        return "no longer mentioned"
    step = _rank(after) - _rank(before)
    return "advanced" if step > 0 else "regressed" if step < 0 else "unchanged"


def _rank(state: str) -> int:
    """Stages in their order; a setback below them all, "cancelled" below "stalled": stalling is a
    regression, and resuming after it an advance."""
    if state in SETBACKS:
        return -1 - SETBACKS.index(state)
    return STAGE_ORDER[state]


def _latest(told: list[Statement]) -> Statement:
    dated = [s for s in told if s.date is not None]
    return (dated or told)[-1]
