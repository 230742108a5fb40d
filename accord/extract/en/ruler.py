"""A faster stand-in for spaCy's attribute ruler, built from the loaded model's own ruler, same results.

spaCy's AttributeRuler runs every one of its patterns (179 in en_core_web_sm: the tag map, the morph
rules) through its Matcher on every token, which made it cost as much as the parser. Almost all of them
test one token for equal or listed values of TAG, LOWER, DEP or IS_SPACE: those are looked up in dicts
keyed on the token's values. Whatever else a ruler holds (several tokens, regular expressions, other
attributes, extension attributes, an index other than 0 or -1) stays with a Matcher of its own, never
guessed at. As in spaCy, every pattern is matched against the tokens as the ruler finds them, and then
each match's attributes are set on its token in pattern order, so that a later pattern wins.
"""

from __future__ import annotations

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
# A pattern indexed by one of its tests looks first for the most selective of these.
_INDEX_ORDER = (1, 0, 2, 3)
# Attributes that live on the token only: setting them has no effect on the lexeme nor on any other
# token, so the attributes of several matches on one token can be merged.
_TOKEN_ONLY = frozenset({POS, TAG, MORPH, LEMMA, DEP})
_CACHE_LIMIT = 100_000

# One test: the column, the values, and whether the token's value must be outside them (NOT_IN).
_Test = tuple[int, frozenset[int], bool]


def _tests(spec: dict[Any, Any], vocab: Vocab) -> tuple[_Test, ...] | None:
    """The tests of one token's spec, or None where the fast path does not know its shape."""
    tests: list[_Test] = []
    for key, value in spec.items():
        if key not in _COLUMNS:
            return None
        column = _COLUMNS.index(key)
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((column, frozenset({int(value)}), False))
        elif isinstance(value, str):
            tests.append((column, frozenset({vocab.strings.add(value)}), False))
        elif (
            isinstance(value, dict)
            and len(value) == 1
            and next(iter(value)) in ("IN", "NOT_IN")
            and isinstance(next(iter(value.values())), list)
            and all(isinstance(v, str) for v in next(iter(value.values())))
        ):
            (predicate, values), *_ = value.items()
            tests.append((column, frozenset(get_string_id(v) for v in values), predicate == "NOT_IN"))
        else:
            return None
    return tuple(tests)


class FastAttributeRuler:
    """Sets what `ruler` would set, on the same tokens, with the same values."""

    def __init__(self, ruler: AttributeRuler, name: str = "attribute_ruler") -> None:
        self.name = name
        self.vocab: Vocab = ruler.vocab
        self._attrs: list[dict[int, Any]] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        self.fallback = Matcher(self.vocab, validate=False)
        # column -> value -> [(pattern number, tests)]; patterns with no test to index on are `_always`.
        self._index: list[dict[int, list[tuple[int, tuple[_Test, ...]]]]] = [{} for _ in _COLUMNS]
        self._always: list[tuple[int, tuple[_Test, ...]]] = []
        self.fast: list[int] = []
        for number, entry in enumerate(ruler.patterns):
            patterns = cast(list[list[dict[str, Any]]], entry["patterns"])
            alternatives = [_tests(p[0], self.vocab) if len(p) == 1 else None for p in patterns]
            fast = (
                self._indices[number] in (0, -1)
                and set(self._attrs[number]) <= _TOKEN_ONLY
                and all(tests is not None for tests in alternatives)
            )
            if not fast:
                self.fallback.add(str(number), patterns)
                continue
            self.fast.append(number)
            for tests in alternatives:
                assert tests is not None
                self._add(number, tests)
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], dict[int, Any] | None]] = {}

    def _add(self, number: int, tests: tuple[_Test, ...]) -> None:
        for column in _INDEX_ORDER:
            for test_column, values, negated in tests:
                if test_column == column and not negated:
                    for value in values:
                        self._index[column].setdefault(value, []).append((number, tests))
                    return
        self._always.append((number, tests))

    def _matching(self, values: tuple[int, ...]) -> tuple[tuple[int, ...], dict[int, Any] | None]:
        """The fast patterns that match a token with these values, in order, and their merged attributes."""
        found = self._cache.get(values)
        if found is not None:
            return found
        numbers: set[int] = set()
        candidates = [c for column, value in enumerate(values) for c in self._index[column].get(value, ())]
        for number, tests in candidates + self._always:
            if number not in numbers and all(
                (values[column] in allowed) != negated for column, allowed, negated in tests
            ):
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

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(_COLUMN_IDS).tolist()]
        # Every match is found before any attribute is set, as in spaCy.
        matched = [self._matching(row) for row in rows]
        others: dict[int, list[int]] = {}
        if len(self.fallback):
            for key, start, end in self.fallback(doc, allow_missing=True):
                number = int(self.vocab.strings[key])
                token = Span(doc, start, end)[self._indices[number]]
                others.setdefault(token.i, []).append(number)
        for i, (numbers, merged) in enumerate(matched):
            if i in others:
                for number in sorted([*numbers, *others[i]]):
                    set_token_attrs(doc[i], self._attrs[number])
            elif merged is not None:
                set_token_attrs(doc[i], merged)
        return doc
