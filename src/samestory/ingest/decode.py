"""Bytes to clean Unicode text: encoding detection, binary refusal, whitespace normalisation."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from ..errors import BinaryInputError, EmptyInputError

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The engine's languages are Western European: when charset-normalizer finds several
# code pages equally plausible (short Latin-1 text often ties with cp1250), these win,
# otherwise "à" comes out as "ŕ".
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_CHAOS_TOLERANCE = 0.02
# Settings.decode_max_chaos's default; callers with settings pass theirs.
_MAX_CHAOS = 0.2
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_DECLARED_HEAD = 4096
# "Ã¼", "Ã©", "Â " : the lead byte of a two-byte UTF-8 letter read as windows-1252.
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_MOJIBAKE_MIN = 2

# Above this share of control characters, "text" is really a binary format that
# happened to decode (e.g. a stream of low bytes is valid ASCII).
_MAX_CONTROL_SHARE = 0.01

_LINE_BREAKS = {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n"}
_INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e")
_TRANSLATE: dict[int, str | None] = {
    **{ord(k): v for k, v in _LINE_BREAKS.items()},
    ord("\u2029"): "\n\n",
    ord("\t"): " ",
    **{ord(c): None for c in _INVISIBLE},
}
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace but a newline (NBSP, thin spaces, ...)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def xml_safe(text: str) -> str:
    """`text` without the characters lxml refuses in an element's text or attribute
    (control characters, non-characters, lone surrogates), though its parsers keep them
    from a page or a character reference ("&#1;")."""
    return _NOT_XML.sub("", text)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def decode_bytes(data: bytes, name: str, *, max_chaos: float = _MAX_CHAOS) -> str:
    """`data` as text: BOM, then a charset the bytes declare (`<meta charset>`, an XML
    declaration) when it decodes them, then UTF-8, then charset-normalizer's best guess.

    Raises `BinaryInputError` for content that is not text, or whose encoding no
    guess reads without more mess than `max_chaos` (mojibake is never stored), and
    `EmptyInputError` for content that is only whitespace.
    """
    text = _decode(data, name, max_chaos)
    if not text.strip():
        raise EmptyInputError(f"{name}: the input is empty (only whitespace)")
    controls = len(_CONTROLS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise BinaryInputError(f"{name}: looks like a binary file, not text")
    return text


def declared_charset(data: bytes) -> str | None:
    """The Python codec a document's head declares (`<meta charset>`, XML), if known."""
    m = _DECLARED.search(data[:_DECLARED_HEAD])
    if not m:
        return None
    try:
        label = (m.group(1) or m.group(2)).decode("ascii", "replace")
        return codecs.lookup(label).name
    except LookupError:
        return None


def detect_encoding(data: bytes, name: str, max_chaos: float = _MAX_CHAOS) -> str:
    """charset-normalizer's reading of undeclared, non-UTF-8 bytes; `BinaryInputError`
    when nothing reads them with at most `max_chaos` mess."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise BinaryInputError(f"{name}: no text encoding fits; is it a binary file?")
    if best.chaos > max_chaos:
        raise BinaryInputError(
            f"{name}: its text encoding is not declared and cannot be told with confidence "
            f"(best guess {best.encoding}, {best.chaos:.0%} mess); re-save it as UTF-8"
        )
    for match in matches:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos + _CHAOS_TOLERANCE:
            return str(match.encoding)
    return str(best.encoding)


def _decode(data: bytes, name: str, max_chaos: float) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise BinaryInputError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding}; re-save it as UTF-8"
                ) from None
    if b"\x00" in data:
        raise BinaryInputError(f"{name}: contains NUL bytes, so it is binary, not text")
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: read the bytes for what they are
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(detect_encoding(data, name, max_chaos), errors="replace")


def repair_mojibake(text: str) -> str:
    """UTF-8 read as windows-1252 ("fÃ¼r") put back ("für"); other text unchanged.

    Pages double-encode their metadata more often than their text. Only texts with at
    least `_MOJIBAKE_MIN` suspicious pairs are touched, and each pair on its own, so a
    pair whose bytes are not UTF-8 stays as it is.
    """
    if len(_MOJIBAKE.findall(text)) < _MOJIBAKE_MIN:
        return text
    return _MOJIBAKE.sub(_repair_pair, text)


def _repair_pair(m: re.Match[str]) -> str:
    pair = m.group()
    for codec in ("cp1252", "latin-1"):
        try:
            return pair.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return pair


def normalize_text(text: str) -> str:
    """NFC, one kind of space and newline, no invisible characters, blank-line paragraphs.

    Runs of spaces collapse to one and lines are stripped; single newlines are kept
    and runs of blank lines become one blank line (a paragraph break).
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).translate(_TRANSLATE)
    text = _CONTROLS.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def one_line(text: str) -> str:
    """`text` normalised onto a single line (for titles and metadata)."""
    return " ".join(normalize_text(text).split())
