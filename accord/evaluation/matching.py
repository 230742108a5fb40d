"""Which predicted item names which gold item: the keyword test and the one-to-one assignment.

A typed copy of ../shared/eval/score.py, the project's contract: the logic, the order of operations and
the arithmetic are kept exactly, so that `accord eval` and score.py agree to the last digit.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

MAX_OBJECT_TOKENS = 16
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-/"
Record = dict[str, Any]


def norm(text: str) -> str:
    """Lowercase, strip accents, treat dashes and punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("ё", "е")
    for d in DASHES:
        text = text.replace(d, " ")
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def as_set(value: Any) -> set[Any]:
    if value is None:
        return set()
    return {value} if isinstance(value, str) else set(value)


def matches(pred: Record, gold: Record) -> bool:
    """A prediction names a gold item when its object (or linked entity name) is short
    and holds, at word starts, every keyword of one of the gold item's key sets."""
    names = [pred.get("object") or ""]
    entity = pred.get("entity") or {}
    if entity.get("name"):
        names.append(entity["name"])
    for name in names:
        text = norm(name)
        if not text or len(text.split()) > MAX_OBJECT_TOKENS:
            continue
        for keyset in gold["keys"]:
            if all(re.search(r"\b" + re.escape(norm(k)), text) for k in keyset):
                return True
    return False


def strict(pred: Record, gold: Record) -> bool:
    return pred.get("sector") in as_set(gold.get("sector")) and pred.get("stage") in as_set(gold.get("stage"))


def best_matching(preds: list[Record], golds: list[Record]) -> list[tuple[int, int]]:
    """One-to-one matching with the most matched pairs and, among those, the most pairs whose sector and
    stage are right: a maximum-weight assignment (Hungarian method), so the figures do not depend on order."""
    n = max(len(preds), len(golds))
    if not preds or not golds:
        return []
    big = 2 * n + 1
    weight = [[0] * n for _ in range(n)]
    for p, pred in enumerate(preds):
        for g, gold in enumerate(golds):
            if matches(pred, gold):
                weight[p][g] = big + strict(pred, gold)
    match_col = _hungarian(weight, n)
    pairs = [(match_col[c] - 1, c - 1) for c in range(1, n + 1) if match_col[c]]
    return sorted((p, g) for p, g in pairs if p < len(preds) and g < len(golds) and weight[p][g])


def _hungarian(weight: list[list[int]], n: int) -> list[int]:
    """The Hungarian method on cost = -weight (square n x n), O(n^3): for each column (from 1), its row."""
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    way, match_col = [0] * (n + 1), [0] * (n + 1)
    for row in range(1, n + 1):
        match_col[0] = row
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        col = 0
        while True:
            used[col] = True
            r, delta, nxt = match_col[col], inf, 0
            for c in range(1, n + 1):
                if not used[c]:
                    cur = -weight[r - 1][c - 1] - u[r] - v[c]
                    if cur < minv[c]:
                        minv[c], way[c] = cur, col
                    if minv[c] < delta:
                        delta, nxt = minv[c], c
            for c in range(n + 1):
                if used[c]:
                    u[match_col[c]] += delta
                    v[c] -= delta
                else:
                    minv[c] -= delta
            col = nxt
            if match_col[col] == 0:
                break
        while col:
            prev = way[col]
            match_col[col] = match_col[prev]
            col = prev
    return match_col
