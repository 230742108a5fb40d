"""`accord` as separate processes through the real entry point, and corpora of many new documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from accord.settings import database_url
from accord.store import ItemQuery, SqlStore

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold" / "en.gold.jsonl"


def gold_documents(copies: int = 1) -> list[dict[str, Any]]:
    """The project's gold documents as JSON-lines documents, `copies` times over, each copy a new id."""
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    fields = ("id", "text", "title", "published", "outlet", "language")
    docs = [{key: value for key, value in json.loads(line).items() if key in fields} for line in lines]
    return [doc | {"id": f"{doc['id']}-{copy}"} for copy in range(copies) for doc in docs]


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs), encoding="utf-8")
    return path


def start_accord(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """`python -m accord ARGS` started in `cwd`, with nothing of the developer's environment."""
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(cwd)}
    return subprocess.Popen(
        [sys.executable, "-m", "accord", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def items_per_document(db: str) -> dict[str, list[tuple[int, str, str]]]:
    """Each stored document's items as (ordinal, object, stage): what two registers must agree on."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    with SqlStore(database_url(db)) as store:
        for doc_id in _document_ids(store):
            found[doc_id] = []
        for stored in store.iter_items(ItemQuery()):
            found[stored.document_id].append((stored.ordinal, stored.item.object, stored.item.stage))
    return {doc_id: sorted(items) for doc_id, items in found.items()}


def _document_ids(store: SqlStore) -> list[str]:
    from accord.store.schema import documents

    with store.engine.connect() as conn:
        return list(conn.scalars(documents.select().with_only_columns(documents.c.id)))
