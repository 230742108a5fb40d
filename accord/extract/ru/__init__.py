"""Russian extraction: natasha's news models for tokens, morphology and syntax; pymorphy3 for lemmas and
for putting object phrases into the nominative; cue lists and vocabularies in data/*.yaml."""
