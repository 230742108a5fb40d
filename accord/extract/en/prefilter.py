"""Which lines the parser must read: a test on a line's words, before the parse, that most of a readout's
lines which can hold no item fail (datelines, biographies, history, quotes of thanks).

An item needs a stage, and stage.py finds one only through (a) the lemma of a cue word in stages.yaml
(decision and action verbs, stage nouns and adjectives, beginning, future and hedge words, setbacks), (b)
one of its phrases or setback phrases, (c) "at" or "during" before a past verb (a session attended), or
(d) a form of "be" (a progressive verb, "is to be built"). A line with none of these gives no item and
states no stage for a list below it, so it need not be parsed. The test is a superset of what the parse
can find: each word counts under every lemma the model's own lemmatiser could give it (its suffix rules,
exceptions and attribute-ruler lemmas, for any part of speech; a hyphenated word also under its parts),
and the phrases are matched anywhere in the line, without their word boundaries. So skipping a line
never changes the extraction; tests/extract/test_prefilter.py checks that on the gold corpora.

Always parsed, whatever their words: headings (a section's context), the lead (the first body lines,
where participants are named) and the lines of a list (a lead-in above them may give their stage).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from accord.extract.blocks import Block
from accord.extract.en.lexicon import stage_cues
from accord.extract.en.nlp import load_nlp

# Words stage.py reads by their form, not from stages.yaml: the prepositions of a session attended
# (_attended) and the lemma of the auxiliary that makes a progressive or an "is to be" future (_form).
SESSION_PREPOSITIONS = frozenset({"at", "during"})
AUXILIARY = "be"
# Suffixes stage.py strips from the last part of a hyphenated verb ("co-chaired"), beside spaCy's rules.
_EXTRA_SUFFIXES = (("ied", "y"), ("d", ""))
_DASH = re.compile(r"[-–—‑‐]")
# A hyphenated word, which the pipeline's first step (nlp.py) makes one token of.
_HYPHENATED = re.compile(r"\w[\w'’.]*(?:[-–—‑‐]\w[\w'’.]*)+")
WORD_CACHE = 1 << 16
ENABLED = True  # off: every line is parsed (the reference the tests compare with)


@dataclass(frozen=True)
class _Lemmatiser:
    """What the model's rule lemmatiser may make of a word, whatever part of speech it is tagged."""

    rules: tuple[tuple[str, str], ...]
    exceptions: dict[str, frozenset[str]]
    anywhere: frozenset[str]  # lemmas the attribute ruler may give words it does not name

    def lemmas(self, word: str) -> set[str]:
        lower = word.lower()
        out = {word, lower, *self.exceptions.get(lower, ()), *self.anywhere}
        for old, new in self.rules:
            if lower.endswith(old):
                out.add(lower[: len(lower) - len(old)] + new)
        return out


def _lemmatiser(nlp: Language) -> _Lemmatiser:
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    rules: list[tuple[str, str]] = list(_EXTRA_SUFFIXES)
    for table in lookups.get_table("lemma_rules").values():
        rules.extend((str(old), str(new)) for old, new in table)
    exceptions: dict[str, set[str]] = {}
    for table in lookups.get_table("lemma_exc").values():
        for word, lemmas in table.items():
            exceptions.setdefault(str(word), set()).update(str(lemma).lower() for lemma in lemmas)
    anywhere: set[str] = set()
    for word, lemma in _ruler_lemmas(nlp):
        if word is None:
            anywhere.add(lemma)
        else:
            exceptions.setdefault(word, set()).add(lemma)
    return _Lemmatiser(
        tuple(dict.fromkeys(rules)), {w: frozenset(ls) for w, ls in exceptions.items()}, frozenset(anywhere)
    )


def _ruler_lemmas(nlp: Language) -> Iterator[tuple[str | None, str]]:
    """(word, lemma) for the attribute ruler's patterns that set a lemma ("'s" -> "be", "wo" -> "will"),
    for the token of the pattern that gets it; (None, lemma) when that token is not matched by its words."""
    for rule in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
        lemma = rule["attrs"].get("LEMMA")
        if lemma is None:
            continue
        for pattern in rule["patterns"]:
            words = pattern[rule.get("index", 0)].get("LOWER", pattern[rule.get("index", 0)].get("ORTH"))
            if isinstance(words, dict):
                words = words.get("IN")
            if isinstance(words, str):
                words = [words]
            if not isinstance(words, list):
                yield None, str(lemma).lower()
                continue
            yield from ((str(word).lower(), str(lemma).lower()) for word in words)


class StageWords:
    """The test on a line's words: could a parse of it find a stage?"""

    def __init__(self, nlp: Language) -> None:
        cues = stage_cues()
        self._nlp = nlp
        self._lemmatiser = _lemmatiser(nlp)
        self._lemmas = frozenset(
            {*cues.decision, *cues.completion, *cues.neutral, *cues.nouns, *cues.adjectives}
            | {*cues.beginning, *cues.future, *cues.hedge, *cues.setbacks, AUXILIARY}
        )
        self._phrases = tuple(
            re.compile(pattern.pattern.removeprefix(r"\b").removesuffix(r"\b"), pattern.flags)
            for _, pattern in (*cues.phrases, *cues.setback_phrases)
        )
        self.may_cue = lru_cache(maxsize=WORD_CACHE)(self._may_cue)

    def _may_cue(self, word: str) -> bool:
        if word.lower() in SESSION_PREPOSITIONS:
            return True
        parts = [word, *(_DASH.split(word) if _DASH.search(word) else ())]
        return any(not self._lemmas.isdisjoint(self._lemmatiser.lemmas(part)) for part in parts if part)

    def tokens(self, text: str) -> Doc:
        """The line cut by the model's tokenizer: what the parse of the line starts from."""
        return self._nlp.make_doc(text)

    def may_state_stage(self, text: str, tokens: Doc) -> bool:
        if any(self.may_cue(token.text) for token in tokens):
            return True
        if any(self.may_cue(match.group()) for match in _HYPHENATED.finditer(text)):
            return True
        lowered = text.lower()
        return any(phrase.search(lowered) for phrase in self._phrases)


@cache
def stage_words() -> StageWords:
    return StageWords(load_nlp())


def lines_to_parse(blocks: Sequence[Block], *, lead: int, bullets: tuple[str, ...]) -> list[tuple[Doc, bool]]:
    """Each line's tokens, and whether the parser must read it: headings, the first `lead` body lines,
    lines in a list (after a line ending in a colon, or starting with one of `bullets`, as the extractor
    reads lists), and lines whose words could state a stage. With ENABLED off, every line."""
    words = stage_words()
    tokens = [words.tokens(block.text) for block in blocks]
    keep: list[bool] = []
    body = 0
    after_colon = False
    for block, doc in zip(blocks, tokens, strict=True):
        if block.heading:
            keep.append(True)
            continue
        in_list = after_colon or block.text.startswith(bullets)
        keep.append(not ENABLED or body < lead or in_list or words.may_state_stage(block.text, doc))
        body += 1
        after_colon = block.text.endswith(":") or (in_list and not block.text.endswith("."))
    return list(zip(tokens, keep, strict=True))
