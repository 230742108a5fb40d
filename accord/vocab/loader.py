"""Load the YAML vocabularies once, validate them, and clean values against them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from accord.errors import ConfigError
from accord.model import SECTORS, STAGES


def load_data(package: str, name: str) -> Any:
    """Parse a YAML file shipped inside `package`; a malformed file is a ConfigError naming it."""
    try:
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
        return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"vocabulary file {package}/{name} could not be read: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Country:
    """A country a party code stands for."""

    iso3: str
    name: str


@cache
def countries() -> dict[str, Country]:
    raw = load_data("accord.vocab.data", "countries.yaml")
    out: dict[str, Country] = {}
    for iso3, name in raw.items():
        if not (isinstance(iso3, str) and len(iso3) == 3 and iso3.isupper()):
            raise ConfigError(f"countries.yaml: {iso3!r} is not an ISO 3166 alpha-3 code")
        out[iso3] = Country(iso3, str(name))
    return out


def _check_closed_vocab() -> None:
    raw = load_data("accord.vocab.data", "register.yaml")
    if tuple(raw["sectors"]) != SECTORS or tuple(raw["stages"]) != STAGES:
        raise ConfigError("register.yaml does not list the sectors and stages of FORMAT.md")


def clean_sector(value: object) -> str | None:
    """The sector named by `value`, or None when it is not one of the register's sectors."""
    text = str(value).strip().lower() if value is not None else ""
    return text if text in SECTORS else None


def clean_stage(value: object) -> str | None:
    """The stage named by `value`, or None when it is not one of the register's stages."""
    text = str(value).strip().lower() if value is not None else ""
    return text if text in STAGES else None


def clean_party(value: object) -> str | None:
    """An upper-case ISO alpha-3 code that the vocabulary knows, or None."""
    text = str(value).strip().upper() if value is not None else ""
    return text if text in countries() else None


_check_closed_vocab()
