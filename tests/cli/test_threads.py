"""The command asks numpy's BLAS for one thread unless the user chose a number."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = "import os, accord.cli; print(os.environ['OMP_NUM_THREADS'], os.environ['OPENBLAS_NUM_THREADS'])"


def _probe(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_one_thread_by_default() -> None:
    assert _probe() == "1 1"


def test_a_number_the_user_set_is_kept() -> None:
    assert _probe(OMP_NUM_THREADS="4") == "4 1"
