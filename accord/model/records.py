"""Document, Item, Evidence and EntityRef: the register's records, with JSON round-trips."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

SECTORS: tuple[str, ...] = (
    "transport",
    "energy",
    "economy",
    "technology",
    "culture",
    "education",
    "sports",
    "health",
    "agriculture",
    "environment",
    "security",
    "diplomacy",
)
STAGES: tuple[str, ...] = ("discussed", "planned", "agreed", "underway", "completed")
# The most advanced stage wins when a document says several things about one object.
STAGE_ORDER: dict[str, int] = {stage: rank for rank, stage in enumerate(STAGES)}
# What a document may say happened to an undertaking after it got somewhere: stopped for now, or for good.
# An item keeps its stage and carries the setback beside it; its state is the setback when there is one.
SETBACKS: tuple[str, ...] = ("stalled", "cancelled")


@dataclass(frozen=True, slots=True)
class Document:
    """One text to extract from: a readout, a news report, a statement."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = None
    source: str | None = None  # where it was read from: a path, a URL, "-" for standard input

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "text": self.text}
        for key in ("url", "outlet", "title", "published", "language", "source"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        def opt(key: str) -> str | None:
            value = data.get(key)
            return None if value is None else str(value)

        return cls(
            id=str(data["id"]),
            text=str(data["text"]),
            url=opt("url"),
            outlet=opt("outlet"),
            title=opt("title"),
            published=opt("published"),
            language=opt("language"),
            source=opt("source"),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the document says it: character offsets of the sentence in the document text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(start=int(data["start"]), end=int(data["end"]), text=str(data["text"]))


@dataclass(frozen=True, slots=True)
class EntityRef:
    """The canonical thing an object refers to, the same across documents."""

    id: str
    name: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityRef:
        return cls(id=str(data["id"]), name=str(data["name"]), type=str(data["type"]))


@dataclass(frozen=True, slots=True)
class Item:
    """One undertaking by governments, as one document reports it."""

    object: str
    sector: str
    stage: str
    parties: tuple[str, ...]
    evidence: Evidence
    entity: EntityRef | None = None
    setback: str | None = None  # one of SETBACKS, when the document says the undertaking stopped

    def with_entity(self, entity: EntityRef | None) -> Item:
        return replace(self, entity=entity)

    @property
    def state(self) -> str:
        """The stage, or the setback when the document reports one: what a timeline shows."""
        return self.setback or self.stage

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "object": self.object,
            "sector": self.sector,
            "stage": self.stage,
            "parties": list(self.parties),
            "entity": None if self.entity is None else self.entity.to_dict(),
            "evidence": self.evidence.to_dict(),
        }
        if self.setback is not None:
            out["setback"] = self.setback
        return out

    def to_columns(self) -> dict[str, Any]:
        """The item as flat columns (entity and evidence spread out, parties a list): the rows of tables
        (exports, batch Parquet files). `from_columns` reads them back."""
        entity = self.entity
        return {
            "object": self.object,
            "sector": self.sector,
            "stage": self.stage,
            "setback": self.setback,
            "parties": list(self.parties),
            "entity_id": None if entity is None else entity.id,
            "entity_name": None if entity is None else entity.name,
            "entity_type": None if entity is None else entity.type,
            "evidence_start": self.evidence.start,
            "evidence_end": self.evidence.end,
            "evidence_text": self.evidence.text,
        }

    @classmethod
    def from_columns(cls, row: dict[str, Any]) -> Item:
        entity = None
        if row["entity_id"] is not None:
            entity = EntityRef(id=row["entity_id"], name=row["entity_name"], type=row["entity_type"])
        return cls(
            object=row["object"],
            sector=row["sector"],
            stage=row["stage"],
            parties=tuple(row["parties"] or ()),
            evidence=Evidence(
                start=row["evidence_start"], end=row["evidence_end"], text=row["evidence_text"]
            ),
            entity=entity,
            setback=row.get("setback"),  # batches written before setbacks have no such column
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        entity = data.get("entity")
        return cls(
            object=str(data["object"]),
            sector=str(data["sector"]),
            stage=str(data["stage"]),
            parties=tuple(str(p) for p in data.get("parties") or ()),
            evidence=Evidence.from_dict(data["evidence"]),
            entity=None if not entity else EntityRef.from_dict(entity),
            setback=None if not data.get("setback") else str(data["setback"]),
        )
