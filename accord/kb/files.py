"""Where the knowledge base is read from and written to: the files shipped in the package, then the
user's own, which `ACCORD_KB_PATH` names (files or folders of *.yaml, separated by the path separator),
or else kb.yaml in the user data folder when it exists. `accord kb add` writes to the first of them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs
import yaml

from accord.errors import ConfigError
from accord.kb.records import Entity, KnowledgeBase
from accord.kb.validate import EntryError, entity_from_entry, entry_label

KB_PATH_ENV = "ACCORD_KB_PATH"
_PACKAGE = "accord.kb.data"


def user_paths() -> tuple[Path, ...]:
    """The user's knowledge-base files and folders, from $ACCORD_KB_PATH or the default file."""
    raw = os.environ.get(KB_PATH_ENV, "").strip()
    if raw:
        return tuple(Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip())
    return (default_user_file(),)


def default_user_file() -> Path:
    return Path(platformdirs.user_data_dir("accord")) / "kb.yaml"


def user_file() -> Path:
    """The file `accord kb add` writes: the first user path, or user.yaml inside it when it is a folder."""
    first = user_paths()[0]
    return first / "user.yaml" if first.is_dir() else first


def knowledge_base() -> KnowledgeBase:
    """The packaged entities and the user's, loaded once per set of user paths."""
    return load_paths(user_paths())


def clear_cache() -> None:
    """Forget loaded knowledge bases, after a user file changed."""
    load_paths.cache_clear()


@cache
def load_paths(paths: tuple[Path, ...]) -> KnowledgeBase:
    """The packaged entities, then those of the files at `paths`; an id given twice is refused."""
    entities: dict[str, Entity] = {}
    for label, text in [*_packaged(), *_user_texts(paths)]:
        for entity in parse(text, label):
            if entity.id in entities:
                raise ConfigError(
                    f"{label}: id {entity.id!r} is already defined in {entities[entity.id].source}; "
                    "choose another id"
                )
            entities[entity.id] = entity
    return KnowledgeBase(entities)


def parse(text: str, label: str) -> list[Entity]:
    """The entities of one file's text; ConfigError naming the file, the entry and the problem."""
    try:
        raw: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"knowledge base file {label} is not valid YAML: {exc}") from None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ConfigError(
            f"knowledge base file {label}: expected a list of entries, got {type(raw).__name__}"
        )
    out = []
    for index, entry in enumerate(raw):
        try:
            out.append(entity_from_entry(entry, label))
        except EntryError as exc:
            raise ConfigError(f"knowledge base file {label}, {entry_label(entry, index)}: {exc}") from None
    return out


def append_entry(entity: Entity, path: Path) -> None:
    """Add `entity` to the user file at `path`, keeping what is there."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    parse(existing, str(path))  # refuse to append to a file that is broken already
    block = yaml.safe_dump([entity.to_dict()], allow_unicode=True, sort_keys=False)
    separator = "" if not existing or existing.endswith("\n") else "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(existing + separator + block, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write the knowledge base file {path}: {exc.strerror or exc}") from None
    clear_cache()


def _packaged() -> list[tuple[str, str]]:
    folder = resources.files(_PACKAGE)
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".yaml"))
    return [(f"{_PACKAGE}/{name}", folder.joinpath(name).read_text(encoding="utf-8")) for name in names]


def _user_texts(paths: Iterable[Path]) -> list[tuple[str, str]]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path] if path.exists() else [])
    try:
        return [(str(file), file.read_text(encoding="utf-8")) for file in files]
    except OSError as exc:
        raise ConfigError(f"cannot read a knowledge base file: {exc}") from None
