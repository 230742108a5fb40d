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


WRAPPED = (
    "ALMATY, 3 March. The foreign ministers of Kazakhstan and\n"
    "Kyrgyzstan met in Almaty, the ministry said. They agreed to\n"
    "open a joint border crossing point near Karasu, and to finish\n"
    "the road to it by 2027.\n"
    "\n"
    "Water Cooperation\n"
    "The sides also signed a protocol on the Chu river.\n"
)


def test_hard_wrapped_text_is_read_as_whole_sentences() -> None:
    blocks = split_blocks(WRAPPED)
    assert [b.text for b in blocks] == [
        "ALMATY, 3 March. The foreign ministers of Kazakhstan and Kyrgyzstan met in Almaty, the ministry "
        "said. They agreed to open a joint border crossing point near Karasu, and to finish the road to it "
        "by 2027.",
        "Water Cooperation",
        "The sides also signed a protocol on the Chu river.",
    ]
    assert [b.heading for b in blocks] == [False, True, False]
    for block in blocks:  # a line break became a space: offsets still point into the text
        assert WRAPPED[block.start : block.end].replace("\n", " ") == block.text


def test_lines_that_only_lack_a_full_stop_are_not_joined() -> None:
    text = "Energy Cooperation\nThe sides agreed to build a pipeline\nTransport\nA new bridge will open.\n"
    assert len(split_blocks(text)) == 4


def test_the_sentence_of_a_hard_wrapped_text_gives_its_item() -> None:
    from accord.extract import get_extractor
    from accord.model import Document

    items = get_extractor("en").extract(Document(id="w", text=WRAPPED, language="en"))
    crossing = [i for i in items if "border crossing point" in i.object]
    assert crossing and crossing[0].stage == "agreed"
    evidence = crossing[0].evidence
    assert "near Karasu" in evidence.text and evidence.text == WRAPPED[evidence.start : evidence.end]


PAGE = (
    "Home | News | Sport\n"
    "The two ministers agreed to open a new rail freight terminal in Aktau next year.\n"
    "Tags: Kazakhstan, Azerbaijan, Middle Corridor\n"
    "Share: Facebook X Telegram\n"
    "Related articles\n"
    "- Uzbekistan starts building a small nuclear plant\n"
    "- Turkmenistan offers a new gas field to investors\n"
    "Most read\n"
    "- Football: Astana reach the group stage\n"
    "The ministers will meet again in Baku in November to review the terminal project in detail.\n"
)


def test_tags_share_lines_and_link_lists_are_left_out() -> None:
    texts = [b.text for b in split_blocks(PAGE) if not b.heading]
    assert texts == [
        "The two ministers agreed to open a new rail freight terminal in Aktau next year.",
        "The ministers will meet again in Baku in November to review the terminal project in detail.",
    ]


def test_a_list_under_a_heading_that_is_not_a_link_section_is_kept() -> None:
    text = "Energy Cooperation\n- gas supplies to the northern regions;\n- a new power line.\n"
    assert [b.text for b in split_blocks(text)][1:] == [
        "- gas supplies to the northern regions;",
        "- a new power line.",
    ]


@pytest.mark.parametrize(
    "notice",
    [
        "We use cookies to improve your experience. By continuing to browse, you agree to our use of them.",
        "© 2025 Steppe News. All rights reserved. Reproduction of materials is permitted with a link.",
        "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая, вы соглашаетесь с этим.",
    ],
)
def test_site_notices_are_left_out(notice: str) -> None:
    text = f"The ministers agreed to open a new border crossing near Karasu next year.\n{notice}\n"
    assert [b.text for b in split_blocks(text)] == [text.splitlines()[0]]
