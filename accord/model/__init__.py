"""Plain typed records of the register, exactly as ../shared/eval/FORMAT.md defines them. No I/O."""

from accord.model.records import (
    SECTORS,
    SETBACKS,
    STAGE_ORDER,
    STAGES,
    Document,
    EntityRef,
    Evidence,
    Item,
)

__all__ = ["SECTORS", "SETBACKS", "STAGES", "STAGE_ORDER", "Document", "EntityRef", "Evidence", "Item"]
