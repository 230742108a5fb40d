from __future__ import annotations

import pytest

from accord.store import content_hash


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The parties agreed.", "  The parties\n\tagreed.  "),
        ("The parties agreed.", "The  parties\u00a0agreed.\r\n"),
        ("Café", "Cafe\u0301"),  # NFC and NFD spellings
    ],
)
def test_equal_content_hashes_equal(a: str, b: str) -> None:
    assert content_hash(a) == content_hash(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("The parties agreed.", "The parties agreed!"), ("ab", "a b"), ("Case", "case")],
)
def test_changed_content_hashes_differ(a: str, b: str) -> None:
    assert content_hash(a) != content_hash(b)


def test_hash_is_hex_sha256() -> None:
    digest = content_hash("x")
    assert len(digest) == 64
    assert int(digest, 16) >= 0
