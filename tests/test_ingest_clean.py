"""Boilerplate removal: remove scraping leftovers, never ordinary prose."""

from __future__ import annotations

import re

import pytest

from samestory import lang
from samestory.ingest import clean_text


@pytest.mark.parametrize(
    "line",
    [
        "Laisser un commentaire",
        "Leave a comment",
        "Lire aussi : Vaccination des enfants : ce qui change à la rentrée 2025",
        "Read more: Budget talks stall again",
        "Lesen Sie auch: Die Bahn streikt",
        "Leer más: El Gobierno aprueba el plan",
        "Partager sur Facebook Twitter",
        "Share this article",
        "Share: Facebook X LinkedIn Email",
        "Facebook Twitter WhatsApp",
        "Subscribe to our newsletter",
        "Abonnez-vous à notre newsletter",
        "We use cookies to personalise content and ads, to provide social media features.",
        "Diese Website verwendet Cookies, um Inhalte zu personalisieren.",
        "© 2025 The Lakeside Observer SA, Geneva. All rights reserved.",
        "© L'Écho du Rhône – Tous droits réservés",
        "Todos los derechos reservados.",
        "Click here to subscribe",
        "Advertisement",
        "Publicité",
        "Anzeige",
        "Publicidad",
        "Photo: Reuters",
        "Foto: dpa",
        "(Photo by Jane Doe/AFP via Getty Images)",
        "Accueil > Santé > Lyon et agglomération",
        "Vous devez être connecté pour publier un commentaire. Se connecter",
        "Articles similaires",
        "Lo más leído",
        "4 min read",
    ],
)
def test_boilerplate_lines_go(line: str) -> None:
    text = f"Real first paragraph of the article.\n\n{line}\n\nReal last paragraph."
    assert clean_text(text) == "Real first paragraph of the article.\n\nReal last paragraph."


@pytest.mark.parametrize(
    "text",
    [
        "Read more about the budget in the annex published on Monday.",
        "Anzeige gegen Unbekannt erstattet.",
        "Elon Musk bought Twitter in 2022.",
        "Home-grown talent is rare in the league.",
        "Ad-hoc committees met on Tuesday.",
        "McDonald's and the iPhone maker both reported results.",
        "AdNews reported the deal first.",
        "ShareChat raised new money.",
        "Le ministre a partagé sa vision lors de la publicité du débat.",
        "Photo finishes decided two races.",
        "Model X deliveries rose.",
        "Selon le Institut international de recherche sur la paix de Stockholmenviron 60 %.",
    ],
)
def test_prose_stays(text: str) -> None:
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laisser un commentaireEn Azerbaïdjan, Gantz discute", "En Azerbaïdjan, Gantz discute"),
        ("Laisser un commentaireL'épidémie de rougeole", "L'épidémie de rougeole"),
        ("AdvertisementThe minister said so.", "The minister said so."),
        ("Read moreMcDonald sales fell.", "McDonald sales fell."),
        ("AnzeigeDer Minister sagte es.", "Der Minister sagte es."),
        ("It was over, he said.Share this", "It was over, he said."),
        ("C'était la fin de l'histoirePartager", "C'était la fin de l'histoire"),
        ("The end of the story.© AFP", "The end of the story."),
    ],
)
def test_glued_phrases_are_cut(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_paragraph_breaks_are_kept_and_blank_runs_collapse() -> None:
    text = "One.\n\nPublicité\n\nTwo.\nThree.\n\n\n\nFour."
    assert clean_text(text) == "One.\n\nTwo.\nThree.\n\nFour."


def test_clean_text_is_idempotent() -> None:
    text = "Laisser un commentaireTitre\n\nLire aussi : X\n\nTexte.\n\nPartager"
    once = clean_text(text)
    assert clean_text(once) == once == "Titre\n\nTexte."


def test_every_supported_language_has_a_valid_list() -> None:
    import re

    for code in lang.SUPPORTED:
        patterns = lang.resource(code, "boilerplate", "BOILERPLATE", ())
        assert len(patterns) > 10, code
        for p in patterns:
            re.compile(p)


def test_language_argument_never_narrows() -> None:
    text = "Body.\n\nLesen Sie auch: Mehr\n\nLeer más: Más"
    assert clean_text(text, "fr") == clean_text(text) == "Body."
    assert clean_text(text, "it") == "Body."  # no list for it: the union still applies


class _Counting:
    """A compiled pattern that counts the lines it is asked to match."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def fullmatch(self, s: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.fullmatch(s)

    def match(self, s: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(s)

    def search(self, s: str, pos: int = 0) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.search(s, pos)


def test_each_distinct_line_is_matched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from samestory.ingest import clean

    counting = [_Counting(p) for p in clean._patterns(None)]
    monkeypatch.setattr(clean, "_patterns", lambda language: counting)
    text = "\n".join(["Storms hit the coast on Monday, officials said"] * 30 + ["Share", ""] * 20)
    assert clean_text(text) == "Storms hit the coast on Monday, officials said\n" * 29 + (
        "Storms hit the coast on Monday, officials said"
    )
    line_re, start_re, _ = counting
    # Two distinct non-blank lines, each tried once as a whole line (no tail to set
    # aside); the prose line and the blank line each once for glued phrases.
    assert line_re.calls == 2 and start_re.calls == 2
