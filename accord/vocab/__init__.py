"""Vocabularies as data: the register's sectors and stages, and the countries its parties name."""

from accord.vocab.loader import (
    Country,
    clean_party,
    clean_sector,
    clean_stage,
    countries,
    load_data,
)

__all__ = ["Country", "clean_party", "clean_sector", "clean_stage", "countries", "load_data"]
