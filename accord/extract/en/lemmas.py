"""A faster stand-in for spaCy's rule-based lemmatizer, around the loaded model's own, same results.

spaCy's rule lemmatizer works each token out again unless the token's form, part of speech and
morphology were cached, and it caches only the words that its rules change: a base form ("agreement",
"build") goes through its morphology checks every time. A rule lemma depends on nothing but the token's
text, part of speech and morphology, so this asks the model's lemmatizer once for each of those and
remembers its answer. Tokens without a part of speech, and lemmatizers of another mode or class, go to
the model's lemmatizer as before.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_MEMO_LIMIT = 200_000


class FastLemmatizer:
    """Sets what `lemmatizer` would set, on the same tokens, with the same values."""

    def __init__(self, lemmatizer: Lemmatizer, name: str = "lemmatizer") -> None:
        self.name = name
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], str] = {}
        self.remembers = type(lemmatizer) in (Lemmatizer, EnglishLemmatizer) and lemmatizer.mode == "rule"

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not self.remembers or not lemmatizer._validated:
            return lemmatizer(doc)  # the first call checks its tables
        overwrite = lemmatizer.overwrite
        memo = self.memo
        for i, (lemma, orth, pos, morph) in enumerate(doc.to_array([LEMMA, ORTH, POS, MORPH]).tolist()):
            if lemma and not overwrite:
                continue
            token = doc[i]
            if not pos:
                token.lemma_ = lemmatizer.lemmatize(token)[0]  # it warns of the missing part of speech
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                found = memo[key] = lemmatizer.lemmatize(token)[0]
            token.lemma_ = found
        return doc
