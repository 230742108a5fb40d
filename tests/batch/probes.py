"""Functions a test runs in a worker process: this module imports nothing heavy, so that what they see
there is what the worker itself imported (a test module, with its fixtures, would bring in more)."""

from __future__ import annotations

import os
import sys

COMMAND_ONLY = ("pyarrow", "sqlalchemy", "accord.store")


def command_only_modules() -> tuple[str, ...]:
    """Which of the packages only the command that writes the batch needs this process has imported."""
    return tuple(name for name in COMMAND_ONLY if name in sys.modules)


def blas_threads() -> str | None:
    """How many threads this process's OpenBLAS was told to use, if it was told."""
    return os.environ.get("OPENBLAS_NUM_THREADS")
