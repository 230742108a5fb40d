from __future__ import annotations

import pytest

from accord.extract.blocks import split_blocks

TEXT = (
    "Energy Cooperation\nThe sides agreed to build a pipeline.\n\nShare\nRead more\n"
    "  Indented body line with words here.\n"
)


def test_blocks_keep_offsets_into_the_text() -> None:
    for block in split_blocks(TEXT):
        assert TEXT[block.start : block.end] == block.text


def test_headings_and_leftovers() -> None:
    blocks = split_blocks(TEXT)
    assert [(b.text, b.heading) for b in blocks] == [
        ("Energy Cooperation", True),
        ("The sides agreed to build a pipeline.", False),
        ("Share", True),
        ("Read more", True),
        ("Indented body line with words here.", False),
    ]


@pytest.mark.parametrize(
    "line",
    ["+ ↺ − 16 px", "By Jane Doe", "12:30", "---", "Photo: press service"],
)
def test_page_leftovers_are_not_body_text(line: str) -> None:
    assert all(b.heading for b in split_blocks(line))


def test_a_long_line_without_full_stop_is_body_text() -> None:
    line = "the two presidents agreed to expand the railway line between the two border towns and more"
    assert [b.heading for b in split_blocks(line)] == [False]
