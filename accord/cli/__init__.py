"""cli: one thin command per verb, over plain importable functions (accord.pipeline, accord.store,
accord.evaluation). Only this package prints."""

from accord.settings import one_blas_thread

one_blas_thread()  # before any command imports numpy
