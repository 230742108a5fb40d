"""cli: one thin command per verb, over plain importable functions (accord.pipeline, accord.store,
accord.evaluation). Only this package prints."""
