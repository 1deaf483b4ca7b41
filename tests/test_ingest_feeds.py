"""RSS / Atom input: one article per entry; bad entries and broken files counted.

The feeds under fixtures/feeds are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from samestory.errors import InputError, NoMainTextError, UnsupportedFormatError
from samestory.ingest import Skips, iter_read, read, read_bytes

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
CET = dt.timezone(dt.timedelta(hours=1))


def test_rss_entries_become_articles() -> None:
    ferry, lanes, lighthouse = read(FEEDS / "harbour.rss")
    assert ferry.title == "Ferry service to the Lindholm islands resumes after storm repairs"
    # content:encoded is the body; the short description that is not its opening the lede.
    assert ferry.lede == "Islanders can travel to the mainland again after three weeks."
    assert ferry.body.split("\n\n") == [
        "The ferry between Portmere and the Lindholm islands sailed again on Monday "
        "morning, three weeks after a winter storm damaged the landing stage at North Quay.",
        "The operator said repairs cost about 240,000 pounds and that the timetable "
        "would return to six crossings a day by the end of the month.",
        "Local shopkeepers said the closure had cut their takings by nearly half.",
    ]  # no script, no "Read more", no WordPress footer
    assert ferry.url == "https://www.harbour-gazette.example/news/ferry-resumes"
    assert ferry.outlet == "The Harbour Gazette"
    assert ferry.language == "en"  # the channel's en-GB
    assert ferry.published == dt.datetime(2025, 3, 18, 9, 30, tzinfo=CET)  # offset kept
    assert ferry.source == str(FEEDS / "harbour.rss")
    # An HTML description only: it is the body, paragraphs kept.
    assert lanes.body.startswith("Portmere council voted by eleven to four")
    assert lanes.body.endswith("\n\nWork is due to start in June and to last four months.")
    assert lanes.published == dt.datetime(2025, 3, 19, 14, 5, tzinfo=dt.UTC)
    # A WordPress excerpt "[…]" of the content is not a lede.
    assert lighthouse.lede == ""
    assert lighthouse.body.startswith("The old lighthouse on Kestrel Point opened its doors")


def test_rss_bad_entries_are_skipped_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    skips = Skips()
    with caplog.at_level("WARNING", logger="samestory.ingest"):
        articles = list(iter_read(FEEDS / "harbour.rss", skips=skips))
    assert len(articles) == 3
    assert skips.by_reason == {"no-text": 2}
    assert skips.by_source == {str(FEEDS / "harbour.rss"): 2}
    skipped = [r.getMessage() for r in caplog.records if r.getMessage().startswith("skipped")]
    assert len(skipped) == 2
    assert any("entry 3" in m for m in skipped) and any("entry 4" in m for m in skipped)
    # The entry with "sometime soon" as its date is reported once, not once per key.
    assert sum("sometime soon" in r.getMessage() for r in caplog.records) == 1


def test_atom_entries_become_articles() -> None:
    skips = Skips()
    bridge, rail = iter_read(FEEDS / "valley.atom", skips=skips)
    assert skips.by_reason == {"no-text": 1}  # the entry with empty content
    assert bridge.title == "Neue Brücke über die Aare in Wilderswil eröffnet"
    assert bridge.body.split("\n\n")[1].startswith("Die Gemeinde hatte zwei Jahre")
    assert bridge.outlet == "Der Talbote"  # an HTML title, as text
    assert bridge.language == "de"  # the feed's xml:lang
    assert bridge.published == dt.datetime(2025, 3, 20, 7, 15, tzinfo=CET)  # not `updated`
    assert bridge.url == "https://talbote.example/2025/03/neue-bruecke"
    assert rail.language == "en"  # the entry's own xml:lang wins
    assert rail.published == dt.datetime(2025, 3, 21, 6, 0, tzinfo=dt.UTC)  # only `updated`
    assert rail.body.startswith("The railway between Wilderswil and Zweiseen")


def test_broken_xml_is_one_counted_skip() -> None:
    skips = Skips()
    assert list(iter_read(FEEDS / "broken.xml", skips=skips)) == []
    assert skips.by_reason == {"bad-feed": 1}
    with pytest.raises(InputError, match="not a well-formed RSS or Atom feed") as info:
        read(FEEDS / "broken.xml")
    assert str(FEEDS / "broken.xml") in str(info.value)


def test_truncated_feed_keeps_the_complete_entries(tmp_path: Path) -> None:
    data = (FEEDS / "harbour.rss").read_bytes()
    cut = data.index(b"<item>", data.index(b"cycle-lanes"))  # after the second item
    path = tmp_path / "cut.rss"
    path.write_bytes(data[:cut] + b"<item><title>Half an it")
    skips = Skips()
    articles = list(iter_read(path, skips=skips))
    assert [a.title for a in articles][:2] == [
        "Ferry service to the Lindholm islands resumes after storm repairs",
        "Council approves new cycle lanes on Quay Street",
    ]
    assert len(articles) == 2
    assert skips.by_reason == {"no-text": 1}  # the half item


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'
    )
    with pytest.raises(UnsupportedFormatError, match="not an RSS or Atom feed"):
        read(path)
    skips = Skips()
    assert list(iter_read(path, skips=skips)) == []
    assert skips.by_reason == {"unsupported": 1}


def test_feed_without_usable_entries_is_an_error_for_read(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Nothing</title>'
        "<item><title>Only a title</title></item></channel></rss>"
    )
    with pytest.raises(NoMainTextError, match="none of its 1 entries is usable"):
        read(path)


def test_feed_bytes_are_sniffed_and_their_encoding_declaration_honoured() -> None:
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<rss version="2.0"><channel><title>Le Courrier du Lac</title><language>fr</language>'
        "<item><title>Fête du lac à Beaulieu</title>"
        "<description>La fête du lac a réuni près de deux mille personnes samedi à "
        "Beaulieu, malgré la pluie.</description></item></channel></rss>"
    )
    [article] = read_bytes(feed.encode("latin-1"))  # no name: sniffed
    assert article.title == "Fête du lac à Beaulieu"
    assert article.body.startswith("La fête du lac a réuni")
    assert (article.outlet, article.language, article.source) == ("Le Courrier du Lac", "fr", "-")


@pytest.mark.parametrize("suffix", [".rss", ".atom", ".xml"])
def test_feed_extensions(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"feed{suffix}"
    shutil.copy(FEEDS / "valley.atom", path)
    assert len(read(path)) == 2


def test_a_well_formed_feed_is_read_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    # Bytes without a content type used to be a "bozo" feed to feedparser, so the
    # watcher logged every good feed of every poll as "read leniently".
    from samestory.ingest.feeds import iter_feed
    from samestory.settings import Settings

    data = (FEEDS / "harbour.rss").read_bytes()
    url = "https://www.harbour-gazette.example/feed"  # fetched: the watcher's case
    with caplog.at_level("WARNING", logger="samestory.ingest.feeds"):
        articles = list(
            iter_feed(data, source=url, settings=Settings(), skips=Skips(), base_url=url)
        )
    assert len(articles) == 3
    assert not [r for r in caplog.records if "leniently" in r.getMessage()]


def test_entity_expansion_reaches_feedparser_in_few_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from feedparser.parsers.strict import _StrictFeedParser

    laughs = "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 9))
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a0 "aaaaaaaaaa">{laughs}]>'
        '<rss version="2.0"><channel><title>t</title><item><title>Laughs</title>'
        "<description>&a8;</description></item></channel></rss>"
    ).encode()
    pieces = 0
    real = _StrictFeedParser.characters

    def counted(self: object, text: str) -> None:
        nonlocal pieces
        pieces += 1
        real(self, text)  # type: ignore[arg-type]

    monkeypatch.setattr(_StrictFeedParser, "characters", counted)
    with pytest.raises(InputError, match="amplification"):
        read_bytes(feed, name="bomb.rss")
    # Unbuffered, expat handed each 10-character piece over on its own: ~800,000 calls.
    assert 0 < pieces < 10_000


def test_buffered_text_reads_a_feed_the_same() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Le Monde</title><item>'
        b"<title>Caf&#233; &amp; cr&#xE8;me\nen hausse</title><link>https://ex.org/a</link>"
        b"<description><![CDATA[<p>Le prix du caf&eacute;]]> a augment&#233; de 12 %"
        b" en mars &amp; avril, selon l'Insee, qui publie ses chiffres chaque mois."
        b"</description></item></channel></rss>"
    )
    (article,) = read_bytes(feed, name="f.rss")
    assert article.title == "Café & crème en hausse"
    assert "augmenté de 12 % en mars & avril" in article.body


def test_character_references_to_control_characters_are_dropped() -> None:
    """ "&#1;" is parsed into the text and lxml refuses it when the text is set back: a
    feed entry's HTML with one was a traceback (found by bench_fuzz)."""
    from samestory.ingest.feeds import _html_text

    assert _html_text("<p>a &#1; b &#xfffe; c</p><p>d</p>").split() == ["a", "b", "c", "d"]
