"""Files and folders: each kind of file, and each way a file can be unreadable."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from accord.ingest import Failure, IngestOptions, read_sources
from accord.model import Document

from .conftest import ARTICLE_HTML, CYRILLIC_HTML, CYRILLIC_TEXT, EMPTY_HTML

TITLE = "Astana and Moscow agree on a second rail track"
READOUT = "Kazakhstan and Russia agreed to modernise the Dostyk border station.\n"


def read(paths: list[Path | str], options: IngestOptions) -> list[Document | Failure]:
    return list(read_sources([str(path) for path in paths], options))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_file_is_normalised_lightly(tmp_path: Path, options: IngestOptions) -> None:
    raw = "\ufeffCafe\u0301 talks   \r\nThe sides agreed\u00a0on a road.\t\r\n\r\n"
    path = write(tmp_path / "note.txt", raw.encode("utf-8"))
    [doc] = read([path], options)
    assert isinstance(doc, Document)
    assert doc.text == "Café talks\nThe sides agreed\u00a0on a road.\n\n"
    assert doc.id == str(path.resolve())
    assert doc.source == str(path)
    assert (doc.url, doc.title, doc.outlet, doc.published, doc.language) == (None, None, None, None, None)


def test_id_is_absolute_whatever_the_working_folder(
    tmp_path: Path, options: IngestOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "a" / "note.txt", READOUT)
    monkeypatch.chdir(tmp_path)
    [from_parent] = read(["a/note.txt"], options)
    monkeypatch.chdir(tmp_path / "a")
    [from_inside] = read(["note.txt"], options)
    assert from_parent.source == "a/note.txt"
    assert isinstance(from_parent, Document) and isinstance(from_inside, Document)
    assert from_parent.id == from_inside.id == str(path.resolve())


def test_markdown_loses_its_markup(tmp_path: Path, options: IngestOptions) -> None:
    markdown = (
        "# Joint statement ##\n\n"
        "The parties **agreed** to build a *new* [logistics hub](https://example.org/hub).\n"
        "---\n"
        "- a list item with snake_case_name kept\n"
    )
    [doc] = read([write(tmp_path / "statement.md", markdown)], options)
    assert isinstance(doc, Document)
    assert doc.text.split("\n") == [
        "Joint statement",
        "",
        "The parties agreed to build a new logistics hub.",
        "- a list item with snake_case_name kept",
        "",
    ]


def test_html_file_gives_article_and_declared_metadata(tmp_path: Path, options: IngestOptions) -> None:
    [doc] = read([write(tmp_path / "page.html", ARTICLE_HTML)], options)
    assert isinstance(doc, Document)
    assert doc.id == str((tmp_path / "page.html").resolve())
    assert doc.url == "https://steppe-courier.example/news/second-track"  # the page's canonical URL
    assert (doc.title, doc.published, doc.outlet) == (
        "Astana and Moscow agree on a second rail track",
        "2024-03-14",
        "Steppe Courier",
    )


def test_html_file_in_a_declared_legacy_charset(tmp_path: Path, options: IngestOptions) -> None:
    [doc] = read([write(tmp_path / "ru.htm", CYRILLIC_HTML.encode("cp1251"))], options)
    assert isinstance(doc, Document)
    assert CYRILLIC_TEXT in doc.text


def test_html_file_without_article_text(tmp_path: Path, options: IngestOptions) -> None:
    path = write(tmp_path / "portal.html", EMPTY_HTML)
    assert read([path], options) == [Failure(str(path), "no article text found in the page")]


def test_html_file_in_an_undeclared_legacy_charset_fails(tmp_path: Path, options: IngestOptions) -> None:
    html = CYRILLIC_HTML.replace('<meta charset="windows-1251">', "").encode("cp1251")
    [failure] = read([write(tmp_path / "ru.html", html)], options)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("not valid UTF-8 text (byte 0x")


def test_unusable_path(options: IngestOptions) -> None:
    [failure] = read(["x" * 5000], options)
    assert isinstance(failure, Failure) and failure.reason.startswith("not a usable path (")


def test_unknown_suffix_is_sniffed(tmp_path: Path, options: IngestOptions) -> None:
    text_path = write(tmp_path / "readout.log", READOUT)
    html_path = write(tmp_path / "saved.page", ARTICLE_HTML)
    text_doc, html_doc = read([text_path, html_path], options)
    assert isinstance(text_doc, Document) and text_doc.text == READOUT
    assert isinstance(html_doc, Document) and html_doc.title == TITLE


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "file contains only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content, not a text document"),
        (bytes(range(1, 32)) * 20, "binary content, not a text document"),
        (
            "Almaty–Tashkent".encode() + b" caf\xe9 r\xe9union",
            "not valid UTF-8 text (byte 0xe9 at offset 21)",
        ),
    ],
    ids=["empty", "whitespace", "nul-bytes", "control-bytes", "latin-1"],
)
def test_unreadable_files_fail(tmp_path: Path, options: IngestOptions, content: bytes, reason: str) -> None:
    path = write(tmp_path / "bad.txt", content)
    assert read([path], options) == [Failure(str(path), reason)]


def test_over_size_file_fails_before_reading(tmp_path: Path, options: IngestOptions) -> None:
    path = write(tmp_path / "huge.txt", "word " * 1_220_000)
    [failure] = read([path], options)
    assert str(failure) == f"{path}: file is 6.1 MB, over the 5.0 MB limit (set --max-bytes)"


def test_missing_path(tmp_path: Path, options: IngestOptions) -> None:
    missing = tmp_path / "nowhere" / "x.txt"
    [failure] = read([missing], options)
    assert str(failure) == f"{missing}: no such file or folder"


def test_folder_is_read_recursively_in_order(tmp_path: Path, options: IngestOptions) -> None:
    write(tmp_path / "b.txt", "Second file, read after the folder a.\n")
    write(tmp_path / "a" / "z.md", "# First\n\nThe first file, inside folder a.\n")
    write(tmp_path / "a" / "c" / "deep.txt", "Deeper still, but c sorts before z.md.\n")
    write(tmp_path / "c.html", ARTICLE_HTML)
    write(tmp_path / ".hidden.txt", "never read\n")
    write(tmp_path / ".git" / "notes.txt", "never read\n")
    write(tmp_path / "image.png", b"\x89PNG\x00")
    write(tmp_path / "d.txt", b"")
    results = read([tmp_path], options)
    names = [Path(r.source).relative_to(tmp_path).as_posix() for r in results]  # type: ignore[arg-type]
    assert names == ["a/c/deep.txt", "a/z.md", "b.txt", "c.html", "d.txt"]
    assert isinstance(results[-1], Failure) and results[-1].reason == "empty file"
    assert all(isinstance(r, Document) for r in results[:-1])


def test_folder_with_nothing_to_read(tmp_path: Path, options: IngestOptions) -> None:
    write(tmp_path / "image.png", b"\x89PNG\x00")
    [failure] = read([tmp_path], options)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("no files to read in the folder (looked for .txt, .md,")


def test_forced_language(tmp_path: Path, options: IngestOptions) -> None:
    html_path = write(tmp_path / "page.html", ARTICLE_HTML)
    text_path = write(tmp_path / "note.txt", READOUT)
    docs = read([html_path, text_path], replace(options, language="kk"))
    assert [d.language for d in docs if isinstance(d, Document)] == ["kk", "kk"]
