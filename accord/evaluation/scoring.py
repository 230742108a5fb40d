"""The register's figures: items, register, accuracies and linking, as ../shared/eval/score.py gives them.

A typed copy of the contract: the same sums in the same order, rounded in the same places.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from accord.evaluation.matching import Record, as_set, best_matching

# (gold project, predicted entity id, document id) for each matched pair whose gold item has a project.
Link = tuple[Any, Any, Any]


@dataclass
class _Tally:
    n_pred: int = 0
    n_gold: int = 0
    tp: int = 0
    strict_tp: int = 0
    sector_ok: int = 0
    stage_ok: int = 0
    parties_ok: int = 0
    parties_n: int = 0
    linked: list[Link] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(gold_docs: list[Record], pred_docs: dict[str, Record], show_errors: bool = False) -> dict[str, Any]:
    """The figures for predictions (by document id) against gold documents; `errors` with show_errors."""
    tally = _Tally()
    for doc in gold_docs:
        _score_document(doc, (pred_docs.get(doc["id"]) or {}).get("items", []), tally, show_errors)
    result: dict[str, Any] = {
        "documents": len(gold_docs),
        "gold_items": tally.n_gold,
        "predicted_items": tally.n_pred,
        "items": prf(tally.tp, tally.n_pred, tally.n_gold),
        "register": prf(tally.strict_tp, tally.n_pred, tally.n_gold),
        "sector_accuracy": round(tally.sector_ok / tally.tp, 4) if tally.tp else 0.0,
        "stage_accuracy": round(tally.stage_ok / tally.tp, 4) if tally.tp else 0.0,
        "parties_accuracy": round(tally.parties_ok / tally.parties_n, 4) if tally.parties_n else 0.0,
        "linking": _linking(tally.linked),
    }
    if show_errors:
        result["errors"] = tally.errors
    return result


def _score_document(doc: Record, preds: list[Record], tally: _Tally, show_errors: bool) -> None:
    golds: list[Record] = doc.get("items", [])
    tally.n_gold += len(golds)
    tally.n_pred += len(preds)
    pairs = best_matching(preds, golds)
    tally.tp += len(pairs)
    for p, g in pairs:
        _score_pair(doc["id"], preds[p], golds[g], tally, show_errors)
    if show_errors:
        hit_p = {p for p, _ in pairs}
        hit_g = {g for _, g in pairs}
        tally.errors += [
            f"{doc['id']}: missed {golds[g]['keys'][0]}" for g in range(len(golds)) if g not in hit_g
        ]
        tally.errors += [
            f"{doc['id']}: spurious '{preds[p].get('object')}'" for p in range(len(preds)) if p not in hit_p
        ]


def _score_pair(doc_id: Any, pred: Record, gold: Record, tally: _Tally, show_errors: bool) -> None:
    s_ok = pred.get("sector") in as_set(gold.get("sector"))
    t_ok = pred.get("stage") in as_set(gold.get("stage"))
    tally.sector_ok += s_ok
    tally.stage_ok += t_ok
    tally.strict_tp += s_ok and t_ok
    if "parties" in gold:
        tally.parties_n += 1
        tally.parties_ok += set(pred.get("parties") or []) == set(gold["parties"])
    if gold.get("project"):
        ent = (pred.get("entity") or {}).get("id")
        tally.linked.append((gold["project"], ent, doc_id))
    if show_errors and not (s_ok and t_ok):
        tally.errors.append(
            f"{doc_id}: '{pred.get('object')}' sector {pred.get('sector')} "
            f"(gold {gold.get('sector')}) stage {pred.get('stage')} (gold {gold.get('stage')})"
        )


def _linking(linked: list[Link]) -> dict[str, float]:
    """Over pairs of matched items in different documents: "same entity id" against "same project"."""
    same_gold = same_pred = both = 0
    for (ga, pa, da), (gb, pb, db) in combinations(linked, 2):
        if da == db:
            continue
        g_same = ga == gb
        p_same = pa is not None and pa == pb
        same_gold += g_same
        same_pred += p_same
        both += g_same and p_same
    return prf(both, same_pred, same_gold)
