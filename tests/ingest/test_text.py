"""Invariants of the light normalisation, and how content is recognised."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from accord.ingest.sniff import kind_for_response, sniff
from accord.ingest.text import looks_binary, normalise, strip_markdown


@given(st.text())
def test_normalise_is_idempotent_and_light(text: str) -> None:
    out = normalise(text)
    assert normalise(out) == out
    assert "\r" not in out and not out.startswith("\ufeff")
    assert all(line == line.rstrip() for line in out.split("\n"))
    assert out == unicodedata.normalize("NFC", out)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from("\t\n\r\f")))
def test_text_is_never_binary(text: str) -> None:
    assert not looks_binary(text.encode("utf-8"))


def test_markdown_keeps_words_and_lines() -> None:
    assert strip_markdown("## A *b* __c__ 2 * 3\n===\nx_y_z") == "A b c 2 * 3\nx_y_z"


def test_sniffing() -> None:
    assert sniff(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">') == "feed"
    assert sniff(b"  <!DOCTYPE html><html>") == "html"
    assert sniff(b'{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}') == "jsonl"
    assert sniff(b"Plain words about <html> tags.") == "text"
    assert kind_for_response("text/xml", b"<feed xmlns='x'>") == "feed"
    assert kind_for_response("text/plain", b"<!doctype html><p>") == "html"
    assert kind_for_response("image/png", b"\x89PNG") is None
