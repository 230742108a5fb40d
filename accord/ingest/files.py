"""Paths to Documents: one file, or a folder read recursively in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from accord.errors import SourceError
from accord.ingest import jsonl
from accord.ingest.content import content_documents
from accord.ingest.fetch import Fetcher
from accord.ingest.options import over_limit
from accord.ingest.origin import Origin
from accord.ingest.results import Result, guarded
from accord.ingest.sniff import SUFFIXES, kind_for_suffix


def path_documents(given: str, fetcher: Fetcher, *, max_bytes: int) -> Iterator[Result]:
    path = Path(given)
    try:
        is_folder, exists = path.is_dir(), path.exists()
    except (OSError, ValueError) as err:  # a name too long for the system, a NUL byte in it
        raise SourceError(given, f"not a usable path ({err})") from None
    if is_folder:
        yield from folder_documents(path, fetcher, max_bytes=max_bytes)
    elif exists:
        yield from file_documents(path, given, fetcher, max_bytes=max_bytes)
    else:
        raise SourceError(given, "no such file or folder")


def folder_documents(folder: Path, fetcher: Fetcher, *, max_bytes: int) -> Iterator[Result]:
    """Every readable file under the folder; one bad file is a Failure and the rest are still read."""
    paths = list_folder(folder)
    if not paths:
        raise SourceError(str(folder), f"no files to read in the folder (looked for {', '.join(SUFFIXES)})")
    for path in paths:
        yield from guarded(file_documents(path, str(path), fetcher, max_bytes=max_bytes))


def list_folder(folder: Path) -> list[Path]:
    """Files with a known suffix, hidden ones (and hidden folders: .git, .cache) left out, sorted by path.

    Sorted so that a re-run ingests in the same order and its output can be compared line by line.
    """
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root, name) for name in names if _wanted(name))
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def file_documents(path: Path, source: str, fetcher: Fetcher, *, max_bytes: int) -> Iterator[Result]:
    """A file's documents; its id is the absolute path, the same whichever folder accord is run from."""
    kind = kind_for_suffix(path)
    if kind == "jsonl":
        yield from jsonl.file_documents(path, source, max_bytes)
        return
    data = read_file(path, source, max_bytes)
    origin = Origin(source=source, doc_id=str(path.resolve()))
    yield from content_documents(data, kind, origin, fetcher, max_bytes=max_bytes)


def read_file(path: Path, source: str, max_bytes: int) -> bytes:
    """The size is checked before reading, and again while reading for files that have no size (pipes)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(source, over_limit("file", size, max_bytes))
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as err:
        raise SourceError(source, f"could not read the file ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise SourceError(source, over_limit("file", None, max_bytes))
    return data


def _wanted(name: str) -> bool:
    return not name.startswith(".") and kind_for_suffix(Path(name)) is not None
