"""RSS and Atom feeds: every entry's page is read; a bad entry fails alone."""

from __future__ import annotations

from pathlib import Path

from accord.ingest import Failure, IngestOptions, read_sources
from accord.model import Document

from .conftest import MALFORMED_FEED, Site, rss_feed


def test_rss_feed_reads_each_entry_page(site: Site, options: IngestOptions) -> None:
    feed = site.url("/feed.rss")
    results = list(read_sources([feed], options))
    assert len(results) == 3
    first, second, missing = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == first.url == site.url("/article")
    assert first.source == feed
    assert first.title == "Astana and Moscow agree on a second rail track"  # the page's own title wins
    assert first.outlet == "Steppe Courier"
    assert second.title == "Grain trains on the agenda"  # the page has none: the entry's
    assert second.published == "2024-03-18"
    assert second.outlet == "Eurasia Rail Wire"  # the page names none: the feed's
    assert second.language == "en"
    assert "port of Aktau" in second.text
    assert missing == Failure(site.url("/missing"), "HTTP 404 Not Found")


def test_atom_feed_with_relative_link(site: Site, options: IngestOptions) -> None:
    results = list(read_sources([site.url("/feed.atom")], options))
    assert [r.id for r in results if isinstance(r, Document)] == [site.url("/article"), site.url("/second")]
    assert results[1].published == "2024-03-18"  # type: ignore[union-attr]


def test_malformed_feed_fails(site: Site, options: IngestOptions) -> None:
    [result] = list(read_sources([site.url("/malformed.xml")], options))
    assert isinstance(result, Failure)
    assert result.source == site.url("/malformed.xml")
    assert result.reason.startswith("malformed feed: ")


def test_feed_file_links_to_pages(site: Site, options: IngestOptions, tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(rss_feed(site.base), encoding="utf-8")
    results = list(read_sources([str(path)], options))
    assert [type(r).__name__ for r in results] == ["Document", "Document", "Failure"]
    assert all(r.source == str(path) for r in results if isinstance(r, Document))


def test_malformed_feed_file(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(MALFORMED_FEED, encoding="utf-8")
    [result] = list(read_sources([str(path)], options))
    assert isinstance(result, Failure)
    assert result.reason.startswith("malformed feed: ")


def test_feed_without_entries(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', encoding="utf-8")
    assert list(read_sources([str(path)], options)) == [Failure(str(path), "the feed has no entries")]


def test_entry_without_link(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "nolink.rss"
    feed = '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>'
    path.write_text(feed, encoding="utf-8")
    [result] = list(read_sources([str(path)], options))
    assert result == Failure(f"{path} (entry 1)", "the entry has no http(s) link to its page")
