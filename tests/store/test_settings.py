from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from accord.settings import DATABASE_URL_ENV, database_url


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs' user data folder, moved under tmp_path; no ACCORD_DATABASE_URL."""
    folder = tmp_path / "user-data" / "accord"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda appname: str(folder))
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    return folder


def test_default_is_a_file_in_the_user_data_folder(data_dir: Path) -> None:
    assert database_url() == f"sqlite:///{data_dir / 'accord.sqlite'}"
    assert data_dir.is_dir()


def test_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql://accord@db/accord")
    assert database_url() == "postgresql://accord@db/accord"


def test_empty_environment_is_ignored(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, "")
    assert database_url() == f"sqlite:///{data_dir / 'accord.sqlite'}"


def test_explicit_value_beats_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql://accord@db/accord")
    assert database_url(str(tmp_path / "mine.sqlite")) == f"sqlite:///{tmp_path / 'mine.sqlite'}"


@pytest.mark.parametrize(
    "url",
    ["sqlite:///relative.sqlite", "sqlite://", "postgresql+psycopg://u:p@localhost:5432/accord"],
)
def test_urls_pass_through(url: str) -> None:
    assert database_url(url) == url


def test_paths_become_absolute_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("sub/register.db") == f"sqlite:///{tmp_path.resolve() / 'sub' / 'register.db'}"
    monkeypatch.setenv(DATABASE_URL_ENV, "from-env.sqlite")
    assert database_url() == f"sqlite:///{tmp_path.resolve() / 'from-env.sqlite'}"


def test_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert database_url("~/r.sqlite") == f"sqlite:///{tmp_path.resolve() / 'r.sqlite'}"
