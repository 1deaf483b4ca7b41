from __future__ import annotations

from samestory.analyse.language import detect_language
from samestory.analyse.sentences import locate_sentence, split_sentences


def test_paragraphs_split_first_so_missing_full_stops_do_not_glue() -> None:
    text = "Titre sans point\n\nM. Dupont est arrivé. Il a dit bonjour.\nDernière ligne"
    sents = split_sentences(text, "fr")
    assert [s.text for s in sents] == [
        "Titre sans point",
        "M. Dupont est arrivé.",
        "Il a dit bonjour.",
        "Dernière ligne",
    ]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_languages_pysbd_lacks_still_split() -> None:
    text = "Bir cümle. İkinci cümle burada."
    sents = split_sentences(text, "tr")
    assert [s.text for s in sents] == ["Bir cümle.", "İkinci cümle burada."]
    assert all(text[s.start : s.end] == s.text for s in sents)


def test_locate_sentence() -> None:
    sents = split_sentences("One here. Two there.", "en")
    assert locate_sentence(sents, 0) == 0
    assert locate_sentence(sents, sents[1].start + 2) == 1
    assert locate_sentence(sents, 10_000) == -1


def test_language_detection_and_declared_fallback() -> None:
    assert detect_language("Le ministre a rencontré le président à Bakou lundi.") == "fr"
    assert detect_language("Der Minister traf gestern den Präsidenten in Berlin.") == "de"
    assert detect_language("El ministro se reunió ayer con el presidente.") == "es"
    assert detect_language("", declared="it") == "it"
    assert detect_language("") == "und"


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    cases = {
        "fr": ("M. Dupont a vu le Dr. Martin. Ils ont parlé.", 2),
        "en": ("Mr. Smith met J. R. Jones at 3 p.m. in the U.S. embassy. They talked.", 2),
        "de": ("Herr Dr. Müller kam am 3. Mai. Er ging.", 2),
    }
    for language, (text, n) in cases.items():
        assert len(split_sentences(text, language)) == n, language
