"""Bad input: every failure is a SameStoryError subclass with a one-line message naming it."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from samestory.errors import (
    BinaryInputError,
    EmptyInputError,
    FileTooLargeError,
    InputError,
    InvalidValueError,
    NoMainTextError,
    NotFoundError,
    SameStoryError,
    UnsupportedFormatError,
)
from samestory.ingest import read, read_bytes
from samestory.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _raises(
    cls: type[SameStoryError], label: str, fn: Callable[..., object], /, *args: object, **kw: object
) -> str:
    with pytest.raises(cls) as info:
        fn(*args, **kw)
    message = str(info.value)
    assert "\n" not in message
    assert label in message
    assert isinstance(info.value, SameStoryError)
    return message


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", "\u00a0\u200b\n".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    _raises(EmptyInputError, str(path), read, path)


def test_text_shorter_than_min_text_chars() -> None:
    _raises(EmptyInputError, "tiny.txt", read_bytes, b"Hi\n\nthere", name="tiny.txt")


def test_only_boilerplate_is_empty() -> None:
    data = "Partager sur Facebook Twitter\n\nLaisser un commentaire\n\nPublicité".encode()
    _raises(EmptyInputError, "junk.txt", read_bytes, data, name="junk.txt")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    _raises(BinaryInputError, str(path), read, path)


def test_binary_without_nul_bytes() -> None:
    noise = bytes(b for b in os.urandom(20_000) if b)
    _raises(BinaryInputError, "noise.txt", read_bytes, noise, name="noise.txt")


def test_control_characters_are_binary() -> None:
    _raises(BinaryInputError, "ctl.txt", read_bytes, bytes(range(1, 32)) * 50, name="ctl.txt")


def test_html_without_main_text() -> None:
    message = _raises(NoMainTextError, "front.html", read, FIXTURES / "front.html")
    assert "article" in message


def test_html_empty_page() -> None:
    _raises(NoMainTextError, "x.html", read_bytes, b"<html><body></body></html>", name="x.html")


def test_file_over_the_limit_is_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: instant, no disk used

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    message = _raises(FileTooLargeError, str(path), read, path)
    assert "50000000" in message


def test_stdin_over_the_limit_reads_at_most_limit_plus_one() -> None:
    stream = io.BytesIO(b"x" * 10_000)
    settings = Settings(max_input_bytes=1_000)
    _raises(FileTooLargeError, "-", read, "-", settings, stdin=stream)
    assert stream.tell() == 1_001


def test_bytes_over_the_limit() -> None:
    settings = Settings(max_input_bytes=10)
    _raises(FileTooLargeError, "post", read_bytes, b"x" * 11, name="post", settings=settings)


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _raises(NotFoundError, str(missing), read, missing)


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "article.pdf"
    path.write_bytes(b"%PDF-1.4")
    message = _raises(UnsupportedFormatError, str(path), read, path)
    assert ".txt" in message  # says what would work


def test_unknown_format_argument() -> None:
    _raises(UnsupportedFormatError, "-", read_bytes, b"text", fmt="docx")


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article")
    _raises(EmptyInputError, str(tmp_path), read, tmp_path)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "title": "T",\n  "text": "body"\n  "url": "x"\n}\n')
    message = _raises(InputError, str(path), read, path)
    assert "line 4" in message


def test_jsonl_with_only_bad_records(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": "no text"}\n{"title": "still no text"}\n')
    _raises(NoMainTextError, str(path), read, path)


def test_single_invalid_jsonl_line_names_it() -> None:
    message = _raises(InputError, "x.jsonl", read_bytes, b'\n\n{"title": ', name="x.jsonl")
    assert "line 3" in message


def test_json_record_without_text() -> None:
    _raises(NoMainTextError, "r.json", read_bytes, b'{"title": "Only a title"}', name="r.json")


def test_json_bad_date() -> None:
    data = b'{"title": "T", "text": "A body long enough to pass.", "published": "yesterday"}'
    message = _raises(InvalidValueError, "r.json", read_bytes, data, name="r.json")
    assert "yesterday" in message


def test_json_not_objects() -> None:
    _raises(InputError, "r.json", read_bytes, b'"just a string"', name="r.json")
    _raises(NoMainTextError, "r.json", read_bytes, b"[]", name="r.json")
