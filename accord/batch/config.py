"""The resolved configuration of a batch, saved beside its output as config.json.

Two parts, kept apart as the rest of accord keeps them: `pipeline` is what the batch does (stages, batch
and shard sizes, model, accord version) and must be the same for a rerun to resume; `run` is where and how
it ran (engine, workers, scheduler), which may change between runs without changing a byte of the output.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from accord import __version__
from accord.errors import ConfigError, SourceError
from accord.extract import ENGLISH_MODEL
from accord.pipeline import Pipeline

EngineName = Literal["local", "dask"]
FORMAT = "accord-batch"


@dataclass(frozen=True)
class PipelineConfig:
    """What decides the output: a rerun with another one would mix two kinds of results in one folder."""

    stages: tuple[str, ...]
    batch_size: int
    shard_size: int
    language: str | None
    max_bytes: int
    accord_version: str
    model: str
    model_version: str
    spacy_version: str

    @classmethod
    def of(
        cls, pipeline: Pipeline, *, shard_size: int, language: str | None, max_bytes: int
    ) -> PipelineConfig:
        return cls(
            stages=tuple(stage.name for stage in pipeline.stages),
            batch_size=pipeline.batch_size,
            shard_size=shard_size,
            language=language,
            max_bytes=max_bytes,
            accord_version=__version__,
            model=ENGLISH_MODEL,
            model_version=_version(ENGLISH_MODEL),
            spacy_version=_version("spacy"),
        )


@dataclass(frozen=True)
class RunConfig:
    """Where the batch ran; free to change from one run to the next."""

    engine: EngineName
    workers: int | None
    scheduler: str | None
    inputs: tuple[str, ...]


def config_record(pipeline: PipelineConfig, run: RunConfig) -> dict[str, Any]:
    return {"format": FORMAT, "pipeline": asdict(pipeline), "run": asdict(run)}


def write_config(path: Path, pipeline: PipelineConfig, run: RunConfig) -> None:
    """Written to a temporary name and moved into place, so config.json is always whole."""
    partial = path.with_name(f".{path.name}.part")
    partial.write_text(json.dumps(config_record(pipeline, run), indent=2) + "\n", encoding="utf-8")
    partial.replace(path)


def read_config(path: Path, folder: str) -> dict[str, Any]:
    """config.json of the batch output in `folder`; SourceError naming the folder when it is not one."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(folder, "not an accord batch output (it has no config.json)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(folder, f"its config.json cannot be read ({exc})") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise SourceError(folder, "not an accord batch output (its config.json does not say so)")
    return record


def check_same_pipeline(stored: dict[str, Any], wanted: PipelineConfig, folder: str) -> None:
    """ConfigError when `folder` holds the output of a batch that did something else."""
    current = json.loads(json.dumps(asdict(wanted)))  # tuples as lists, as they were stored
    before = stored.get("pipeline")
    if before == current:
        return
    changed = sorted(k for k in current if not isinstance(before, dict) or before.get(k) != current[k])
    raise ConfigError(
        f"{folder} holds a batch run with another configuration ({', '.join(changed)} differ); "
        "give another --out folder, or remove this one to start again"
    )


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"
