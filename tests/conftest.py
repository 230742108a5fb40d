"""Databases for tests: a new SQLite file each, or, when $ACCORD_TEST_DATABASE_URL names one (PostgreSQL,
as scripts/with-postgres.sh and `make test-postgres` set it), that database with a clean schema each."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

TEST_DATABASE_URL = os.environ.get("ACCORD_TEST_DATABASE_URL", "").strip()


def pytest_configure(config: pytest.Config) -> None:
    """Keep the developer's own knowledge-base file (`accord kb add`) out of the tests: they read the
    shipped knowledge base only, unless a test points ACCORD_KB_PATH somewhere itself."""
    empty = Path(tempfile.mkdtemp(prefix="accord-kb-"))
    os.environ["ACCORD_KB_PATH"] = str(empty)


def reset_database(url: str) -> str:
    """Drop everything in the database at `url` (PostgreSQL's public schema), and give `url` back."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
    return url


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """The URL of an empty database: the test database when one is configured, else a SQLite file."""
    if TEST_DATABASE_URL:
        return reset_database(TEST_DATABASE_URL)
    return f"sqlite:///{tmp_path / 'accord.sqlite'}"


@pytest.fixture
def postgres_url() -> str:
    """The configured PostgreSQL test database, emptied; the test is skipped when there is none."""
    if not TEST_DATABASE_URL.startswith("postgresql"):
        pytest.skip("needs ACCORD_TEST_DATABASE_URL (a PostgreSQL database): make test-postgres")
    return reset_database(TEST_DATABASE_URL)


def check_geojson(data: Any) -> None:
    """The parts of RFC 7946 an export uses, checked by hand."""
    assert data["type"] == "FeatureCollection" and isinstance(data["features"], list)
    for feature in data["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        positions = [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        assert geometry["type"] in ("Point", "LineString")
        assert geometry["type"] == "Point" or len(positions) >= 2
        for position in positions:
            lon, lat = position
            assert isinstance(lon, float) and isinstance(lat, float)
            assert -180 <= lon <= 180 and -90 <= lat <= 90
