"""Reading each format, folders, stdin and bytes (no models needed)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import shutil
from pathlib import Path

import pytest

import samestory.ingest as ingest
from samestory.ingest import read, read_bytes
from samestory.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_public_api_is_deliberate() -> None:
    assert set(ingest.__all__) == {"Skips", "clean_text", "iter_read", "read", "read_bytes"}


# --- plain text -------------------------------------------------------------------


def test_txt_title_lede_body_and_boilerplate() -> None:
    [a] = read(FIXTURES / "article.txt")
    # The breadcrumb line before the title is boilerplate, not the title.
    assert a.title == "Danube : trois pays signent un accord de sécurité à Genève"
    assert a.lede.startswith("L'Ukraine, la Moldavie et la Roumanie")
    assert a.body.startswith("Le texte crée un fonds")
    # Hard-wrapped lines are joined back into one paragraph.
    assert "a précisé la commission économique" in a.body
    for junk in ("Partager", "Facebook", "Lire aussi", "Publicité", "droits réservés", "Accueil"):
        assert junk not in a.text
    assert a.source == str(FIXTURES / "article.txt")
    assert a.id and len(a.id) == 16


def test_txt_long_second_paragraph_is_not_a_lede() -> None:
    long_para = "Un long paragraphe. " * 30
    data = f"Titre\n\n{long_para}\n\nSuite de l'article.".encode()
    [a] = read_bytes(data, name="a.txt", settings=Settings(lede_max_chars=100))
    assert a.lede == ""
    assert a.body.startswith("Un long paragraphe.")


def test_txt_two_paragraphs_only_has_no_lede() -> None:
    [a] = read_bytes(b"Title\n\nThe only paragraph of this short article.", name="a.txt")
    assert (a.title, a.lede) == ("Title", "")
    assert a.body == "The only paragraph of this short article."


def test_txt_one_paragraph_per_line_without_blank_lines() -> None:
    data = "Titre\nChapeau court.\nPremier paragraphe.\nDeuxième paragraphe.".encode()
    [a] = read_bytes(data, name="a.txt")
    assert a.title == "Titre"
    assert a.lede == "Chapeau court."
    assert a.body == "Premier paragraphe.\n\nDeuxième paragraphe."


def test_txt_single_line_is_all_body() -> None:
    [a] = read_bytes(b"A single line of article text with no headline at all.", name="a.txt")
    assert a.title == ""
    assert a.body.startswith("A single line")


def test_whitespace_is_normalised() -> None:
    raw = (
        "\ufeffTitle\r\n\r\n\r\n\r\n"
        "Body\u00a0text\u200b  with   odd\tspaces.\r\nCafe\u0301 ends.\r\n"
    )
    [a] = read_bytes(raw.encode("utf-8"), name="a.txt")
    assert a.title == "Title"
    # No blank line after the title's: one paragraph a line, the first short one the lede.
    assert a.lede == "Body text with odd spaces."
    assert a.body == "Café ends."  # NFC: one code point for é


# --- seeds --------------------------------------------------------------------------


def test_seed_files(seed_paths: list[Path]) -> None:
    first, second = (read(p)[0] for p in seed_paths[:2])
    assert first.title == (
        "Le ministre israélien de la Défense encourage les liens de sécurité en Azerbaïdjan"
    )
    assert first.body.endswith("avant leur arrivée en Israël.")
    # The second file starts with "Laisser un commentaire" glued to its title.
    assert second.title == (
        "En Azerbaïdjan, Gantz discute défense avec le président et d’autres responsables"
    )
    assert second.lede.startswith("Le chef de la Défense vante")
    assert second.body.startswith("Le ministre de la Défense Benny Gantz a conclu lundi")
    for article in (first, second):
        assert "Laisser un commentaire" not in article.text
        assert "\n\n\n" not in article.text


# --- HTML ---------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    [a] = read(FIXTURES / "page.html")
    assert a.title == "Donau-Staaten unterzeichnen Abkommen in Genf"
    assert a.body.startswith("Die Ukraine, Moldau und Rumänien")  # the <h1> is not repeated
    assert "\n\n" in a.body
    assert a.outlet == "Limmat Zeitung"
    assert a.url == "https://limmat-zeitung.example/international/donau-abkommen"
    assert a.language == "de"
    assert a.published == dt.datetime(2025, 3, 20, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for junk in ("Anzeige", "Startseite", "Cookies", "Teilen", "Rechte vorbehalten"):
        assert junk not in a.text


def test_html_example_page_drops_page_furniture() -> None:
    path = EXAMPLES / "articles" / "danube-geneva.html"
    if not path.is_file():
        pytest.skip("examples/articles is not available")
    [a] = read(path)
    assert a.outlet == "The Lakeside Observer"
    assert "Palais des Nations" in a.body
    for junk in ("Advertisement", "Read more", "cookies", "All rights reserved", "Sign up"):
        assert junk not in a.text


# --- JSON / JSONL ---------------------------------------------------------------------


def test_json_object_with_field_aliases() -> None:
    [a] = read(FIXTURES / "record.json")
    assert a.title == "Algemesí despierta entre el barro"
    assert a.lede == "Ocho muertos y tres desaparecidos en la Ribera Alta."
    assert a.body.startswith("Algemesí amaneció")
    assert a.outlet == "Diario del Turia"  # from {"source": {"name": ...}}
    assert a.language == "es"  # "es-ES" reduced to the language
    assert a.published == dt.datetime(2025, 3, 12)
    assert a.url == "https://diario.example/algemesi"


def test_json_list() -> None:
    articles = read(FIXTURES / "records.json")
    assert [a.language for a in articles] == ["en", "es"]
    assert articles[0].published == dt.datetime(2025, 3, 12, 12, 15, tzinfo=dt.UTC)
    assert articles[1].body.startswith("Algemesí amaneció")  # from "content"
    assert articles[1].outlet == "Diario del Turia"  # from "site"


def test_jsonl_skips_bad_records_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="samestory.ingest"):
        articles = read(FIXTURES / "mixed.jsonl")
    assert [a.title for a in articles] == ["Rougeole à Lyon", "Masern in Lyon"]
    [record] = [r for r in caplog.records if "skipped" in r.getMessage()]
    message = record.getMessage()
    assert "skipped 2 of 4 records" in message
    assert "line 2" in message and "line 5" in message


def test_example_corpus_reads_unchanged() -> None:
    path = EXAMPLES / "corpus.jsonl"
    if not path.is_file():
        pytest.skip("examples/corpus.jsonl is not available")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = read(path)
    assert len(articles) == len(records)
    for rec, a in zip(records, articles, strict=True):
        # Clean copy must come through untouched: boilerplate rules must not bite prose.
        assert a.title == rec["title"]
        assert a.body == rec["text"]
        assert a.url == rec["url"]
        assert a.published == dt.datetime.fromisoformat(rec["published"])


# --- folders and stdin -------------------------------------------------------------


def test_folder_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    shutil.copy(FIXTURES / "article.txt", tmp_path / "z.txt")
    shutil.copy(FIXTURES / "records.json", tmp_path / "b" / "a.json")
    shutil.copy(FIXTURES / "page.html", tmp_path / "a.HTM")
    shutil.copy(FIXTURES / "article.txt", tmp_path / ".hidden.txt")
    shutil.copy(FIXTURES / "article.txt", tmp_path / ".git" / "x.txt")
    (tmp_path / "notes.md").write_text("# not an article format\n\nSome notes here.")
    articles = read(tmp_path)
    sources = [Path(a.source or "").relative_to(tmp_path).as_posix() for a in articles]
    assert sources == ["a.HTM", "b/a.json", "b/a.json", "z.txt"]


def test_folder_skips_a_broken_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    shutil.copy(FIXTURES / "article.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="samestory.ingest"):
        articles = read(str(tmp_path))
    assert len(articles) == 1
    assert any("empty.txt" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (b'{"title": "Json title", "text": "Body of the JSON article."}', "Json title"),
        (
            b'{"title": "One", "text": "First JSON line body."}\n'
            b'{"title": "Two", "text": "Second JSON line body."}\n',
            "One",
        ),
        (
            b"<!doctype html><html><head><title>Html title</title></head><body><article>"
            b"<p>The body of the HTML article is long enough to be the main text of the "
            b"page, with a second sentence for good measure.</p></article></body></html>",
            "Html title",
        ),
        ("Plain title\n\nThe plain text body, ça va.".encode(), "Plain title"),
    ],
)
def test_stdin_sniffs_the_format(data: bytes, title: str) -> None:
    articles = read("-", stdin=io.BytesIO(data))
    assert articles[0].title == title
    assert all(a.source == "-" for a in articles)


def test_read_bytes_format_from_name_or_argument() -> None:
    data = b'{"title": "T", "text": "A JSON body that is long enough."}'
    assert read_bytes(data, name="post.json")[0].title == "T"
    # Forced to plain text, the JSON is just text.
    assert read_bytes(data, fmt="txt")[0].body.startswith('{"title"')
    assert read_bytes(data, fmt=".JSON")[0].title == "T"


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = (
        "Le ministre de la Défense à Bakou\n\n"
        "Le ministre israélien de la Défense s'est rendu à Bakou, où il a rencontré le "
        "président. Sécurité, économie et coopération étaient au menu.\n"
    )
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    [a] = read(path)
    assert a.title == "Le ministre de la Défense à Bakou"
    assert "où il a rencontré le président" in a.body


def test_utf16_with_bom_is_decoded() -> None:
    [a] = read_bytes("Titre\n\nUn texte en UTF-16, c'est rare.".encode("utf-16"), name="a.txt")
    assert a.body == "Un texte en UTF-16, c'est rare."
