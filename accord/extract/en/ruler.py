"""A faster stand-in for spaCy's attribute ruler, built from the loaded model's own ruler, same results.

spaCy's AttributeRuler runs every one of its patterns (179 in en_core_web_sm: the tag map, the morph
rules) through its Matcher on every token, which made it cost as much as the parser. Almost all of them
test one token for equal, listed or unlisted values, or a regular expression, of TAG, LOWER or DEP, or
for IS_SPACE: those are looked up in dicts keyed on the token's values. Whatever else a ruler holds
(several tokens, other attributes or operators, extension attributes, an index other than 0 or -1) stays
with spaCy's Matcher, never guessed at; a Matcher pattern is only left out for a text that lacks a word
(or tag, or label) that one of its tokens requires. As in spaCy, every pattern is matched against the
tokens as the ruler finds them, and then each match's attributes are set on its token in pattern order,
so that a later pattern wins.
"""

from __future__ import annotations

import re
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# The token values the fast path reads, in the order of Doc.to_array's columns.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMN_IDS = [TAG, LOWER, DEP, IS_SPACE]
_SPACE = _COLUMNS.index("IS_SPACE")
# A pattern indexed by one of its tests looks first for the most selective of these.
_INDEX_ORDER = (1, 0, 2, 3)
# Attributes that live on the token only: setting them has no effect on the lexeme nor on any other
# token, so the attributes of several matches on one token can be merged.
_TOKEN_ONLY = frozenset({POS, TAG, MORPH, LEMMA, DEP})
# Matcher operators under which a token of a pattern must be there exactly once or more.
_REQUIRED_OPS = frozenset({"1", "+"})
_CACHE_LIMIT = 100_000

# One test: the column; the values it must be among, or outside where `negated` (NOT_IN); or else a
# regular expression that the value's string must contain (REGEX).
_Test = tuple[int, frozenset[int], bool, re.Pattern[str] | None]
Patterns = list[list[dict[str, Any]]]


def _strings(value: object) -> list[str] | None:
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def _tests(spec: dict[Any, Any], vocab: Vocab) -> tuple[_Test, ...] | None:
    """The tests of one token's spec, or None where the fast path does not know its shape."""
    tests: list[_Test] = []
    for key, value in spec.items():
        if key not in _COLUMNS:
            return None
        column = _COLUMNS.index(key)
        predicate, operand = (
            next(iter(value.items())) if isinstance(value, dict) and len(value) == 1 else ("", None)
        )
        if column == _SPACE:
            if not isinstance(value, bool):
                return None
            tests.append((column, frozenset({int(value)}), False, None))
        elif isinstance(value, str):
            tests.append((column, frozenset({vocab.strings.add(value)}), False, None))
        elif predicate in ("IN", "NOT_IN") and (values := _strings(operand)) is not None:
            tests.append((column, frozenset(get_string_id(v) for v in values), predicate == "NOT_IN", None))
        elif predicate == "REGEX" and isinstance(operand, str):
            tests.append((column, frozenset(), False, re.compile(operand)))
        else:
            return None
    return tuple(tests)


def _requirements(pattern: list[dict[str, Any]], vocab: Vocab) -> list[tuple[int, frozenset[int]]]:
    """Columns and values of which a text must hold one each for `pattern` to match anywhere in it: one for
    every token that the pattern cannot do without and that the fast path can test, a word rather than a
    tag where it can."""
    found: list[tuple[int, frozenset[int]]] = []
    for spec in pattern:
        if str(spec.get("OP", "1")) not in _REQUIRED_OPS:
            continue
        plain = {key: value for key, value in spec.items() if key in _COLUMNS}
        tests = [
            (c, values)
            for c, values, negated, regex in _tests(plain, vocab) or ()
            if not negated and not regex
        ]
        if tests:
            found.append(min(tests, key=lambda test: _INDEX_ORDER.index(test[0])))
    return found


class FastAttributeRuler:
    """Sets what `ruler` would set, on the same tokens, with the same values."""

    def __init__(self, ruler: AttributeRuler, name: str = "attribute_ruler") -> None:
        self.name = name
        self.vocab: Vocab = ruler.vocab
        self._attrs: list[dict[int, Any]] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        # column -> value -> [(pattern number, tests)]; patterns with no test to index on are `_always`.
        self._index: list[dict[int, list[tuple[int, tuple[_Test, ...]]]]] = [{} for _ in _COLUMNS]
        self._always: list[tuple[int, tuple[_Test, ...]]] = []
        self.fast: list[int] = []
        # The Matcher's patterns, with what a text must hold for each alternative of each.
        self._slow: dict[int, Patterns] = {}
        self._needs: dict[int, list[list[tuple[int, frozenset[int]]]]] = {}
        for number, entry in enumerate(ruler.patterns):
            patterns = cast(Patterns, entry["patterns"])
            alternatives = [_tests(p[0], self.vocab) if len(p) == 1 else None for p in patterns]
            fast = (
                self._indices[number] in (0, -1)
                and set(self._attrs[number]) <= _TOKEN_ONLY
                and all(tests is not None for tests in alternatives)
            )
            if fast:
                self.fast.append(number)
                for tests in alternatives:
                    assert tests is not None
                    self._add(number, tests)
                continue
            self._slow[number] = patterns
            self._needs[number] = [_requirements(p, self.vocab) for p in patterns]
        self.fallback = self._matcher(frozenset(self._slow))
        self._matchers: dict[frozenset[int], Matcher] = {}
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], dict[int, Any] | None]] = {}

    def _add(self, number: int, tests: tuple[_Test, ...]) -> None:
        for column in _INDEX_ORDER:
            for test_column, values, negated, regex in tests:
                if test_column == column and not negated and regex is None:
                    for value in values:
                        self._index[column].setdefault(value, []).append((number, tests))
                    return
        self._always.append((number, tests))

    def _matcher(self, numbers: frozenset[int]) -> Matcher:
        matcher = Matcher(self.vocab, validate=False)
        for number in sorted(numbers):
            matcher.add(str(number), self._slow[number])
        return matcher

    def _passes(self, values: tuple[int, ...], tests: tuple[_Test, ...]) -> bool:
        for column, allowed, negated, regex in tests:
            if regex is not None:
                if not regex.search(self.vocab.strings[values[column]]):
                    return False
            elif (values[column] in allowed) == negated:
                return False
        return True

    def _matching(self, values: tuple[int, ...]) -> tuple[tuple[int, ...], dict[int, Any] | None]:
        """The fast patterns that match a token with these values, in order, and their merged attributes."""
        found = self._cache.get(values)
        if found is not None:
            return found
        numbers: set[int] = set()
        candidates = [c for column, value in enumerate(values) for c in self._index[column].get(value, ())]
        for number, tests in candidates + self._always:
            if number not in numbers and self._passes(values, tests):
                numbers.add(number)
        ordered = tuple(sorted(numbers))
        merged: dict[int, Any] = {}
        for number in ordered:
            merged.update(self._attrs[number])
        found = ordered, merged or None
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[values] = found
        return found

    def _slow_matches(self, doc: Doc, rows: list[tuple[int, ...]]) -> dict[int, list[int]]:
        """Token -> the Matcher's pattern numbers that set its attributes."""
        if not self._slow:
            return {}
        present = [set(column) for column in zip(*rows, strict=True)]
        active = frozenset(
            number
            for number, needs in self._needs.items()
            if any(all(not present[c].isdisjoint(values) for c, values in need) for need in needs)
        )
        if not active:
            return {}
        matcher = self._matchers.get(active)
        if matcher is None:
            matcher = self._matchers[active] = self._matcher(active)
        others: dict[int, list[int]] = {}
        for key, start, end in matcher(doc, allow_missing=True):
            number = int(self.vocab.strings[key])
            token = Span(doc, start, end)[self._indices[number]]
            others.setdefault(token.i, []).append(number)
        return others

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(_COLUMN_IDS).tolist()]
        # Every match is found before any attribute is set, as in spaCy.
        matched = [self._matching(row) for row in rows]
        others = self._slow_matches(doc, rows)
        for i, (numbers, merged) in enumerate(matched):
            if i in others:
                for number in sorted([*numbers, *others[i]]):
                    set_token_attrs(doc[i], self._attrs[number])
            elif merged is not None:
                set_token_attrs(doc[i], merged)
        return doc
