"""Where accord runs, not what it does: the database URL, from a --db value, the environment or a default.

What the pipeline does (thresholds, model names) is versioned configuration and does not belong here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

DATABASE_URL_ENV = "ACCORD_DATABASE_URL"
# numpy's BLAS threads spin on every core while natasha's and spaCy's small matrices would not use them;
# accord runs one thread per process and gets its parallelism from processes (accord batch).
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def one_blas_thread() -> None:
    """Ask numpy's BLAS for one thread, unless the user set the variables; before numpy is imported."""
    for name, value in ONE_THREAD.items():
        os.environ.setdefault(name, value)


_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL to open: `db`, else $ACCORD_DATABASE_URL, else a file in the user data folder.

    `db` (and the environment value) may be a full SQLAlchemy URL, passed through, or a file path, which
    becomes `sqlite:///<absolute path>`.
    """
    if db:
        return _as_url(db)
    from_env = os.environ.get(DATABASE_URL_ENV, "").strip()
    if from_env:
        return _as_url(from_env)
    return _sqlite_url(default_database_path())


def default_database_path() -> Path:
    """`accord.sqlite` in the platform's user data folder for accord, which is created if missing."""
    folder = Path(platformdirs.user_data_dir("accord"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "accord.sqlite"


def _as_url(value: str) -> str:
    if _URL_SCHEME.match(value):
        return value
    return _sqlite_url(Path(value).expanduser().resolve())


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
