"""report/facts: sentences grouped into facts across articles, labelled and cited."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from samestory.models import Analysis, Article, Conflict, Quantity, Sentence
from samestory.report import build_report
from samestory.report.facts import Story, cluster_facts, outlet_name
from samestory.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DIM = 16


def unit(*weights: tuple[int, float]) -> np.ndarray:
    """A unit vector with the given (axis, weight) components."""
    v = np.zeros(DIM, np.float32)
    for axis, w in weights:
        v[axis] = w
    return v / np.linalg.norm(v)


def make(
    title: str,
    sentences: list[tuple[str, np.ndarray]],
    *,
    outlet: str,
    language: str = "en",
    published: dt.datetime | None = None,
) -> Analysis:
    """An analysis with hand-made sentence embeddings (no models)."""
    body = " ".join(text for text, _ in sentences)
    article = Article.create(title, body, outlet=outlet, language=language, published=published)
    text = article.text
    spans = [Sentence(0, title, 0, len(title))]
    pos = len(title) + 2
    for i, (s, _) in enumerate(sentences, 1):
        start = text.index(s, pos)
        spans.append(Sentence(i, s, start, start + len(s)))
        pos = start + len(s)
    vectors = [unit((DIM - 1, 1.0)), *(v for _, v in sentences)]
    return Analysis(
        article=article,
        language=language,
        text=text,
        sentences=spans,
        sentence_embeddings=np.vstack(vectors),
        embedding=np.vstack(vectors).mean(axis=0) / np.linalg.norm(np.vstack(vectors).mean(axis=0)),
    )


SIGN = unit((0, 1.0))
FUND = unit((1, 1.0))
QUOTE = unit((2, 1.0))
SWISS = unit((3, 1.0))


def three_articles() -> list[Analysis]:
    a = make(
        "Accord signed",
        [("The accord was signed on Thursday.", SIGN), ("It creates a fund.", FUND)],
        outlet="Wire",
    )
    b = make(
        "Accord signé",
        [("L'accord a été signé jeudi.", unit((0, 1.0), (5, 0.3))), ("Un fonds est créé.", FUND)],
        outlet="Journal",
        language="fr",
    )
    c = make(
        "Abkommen",
        [("Das Abkommen wurde unterzeichnet.", SIGN), ("Die Schweiz zahlt.", SWISS)],
        outlet="Zeitung",
        language="de",
    )
    return [a, b, c]


def statuses(report_facts: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {r.text: f.status for f in report_facts for r in f.refs}


def test_shared_sentences_are_consensus_and_lone_ones_unique() -> None:
    report = build_report(three_articles(), Settings())
    by_text = statuses(report.facts)
    assert by_text["The accord was signed on Thursday."] == "consensus"
    assert by_text["L'accord a été signé jeudi."] == "consensus"
    assert by_text["Das Abkommen wurde unterzeichnet."] == "consensus"
    assert by_text["Die Schweiz zahlt."] == "unique"
    sign = next(
        f
        for f in report.facts
        if "Das Abkommen wurde unterzeichnet." in f.text + " ".join(r.text for r in f.refs)
    )
    assert {r.outlet for r in sign.refs} == {"Wire", "Journal", "Zeitung"}


def test_titles_are_not_facts_and_every_body_sentence_is_in_one_fact() -> None:
    analyses = three_articles()
    report = build_report(analyses, Settings())
    cited = [(r.article, r.sentence) for f in report.facts for r in f.refs]
    assert len(cited) == len(set(cited))
    expected = {(a.article.id, s.index) for a in analyses for s in a.sentences if s.index > 0}
    assert set(cited) == expected


def test_a_fact_holds_at_most_one_sentence_per_article_when_grouping() -> None:
    a = make("t", [("Signed today.", SIGN), ("Signed, it was.", SIGN)], outlet="A")
    b = make("t", [("Signé aujourd'hui.", SIGN)], outlet="B", language="fr")
    story = Story([a, b], Settings(fact_attach_min_similarity=1.1))
    for rows in cluster_facts(story):
        docs = [story.rows[r][0] for r in rows]
        assert len(docs) == len(set(docs))


def test_two_articles_of_one_outlet_do_not_make_consensus() -> None:
    a = make("t", [("The fund is created.", FUND)], outlet="Same Daily")
    b = make("t", [("Le fonds est créé.", FUND)], outlet="Same Daily", language="fr")
    report = build_report([a, b], Settings())
    assert [f.status for f in report.facts] == ["unique"]
    assert len(report.facts[0].refs) == 2


def test_different_facts_stay_apart() -> None:
    report = build_report(three_articles(), Settings())
    for f in report.facts:
        texts = {r.text for r in f.refs}
        assert not ({"It creates a fund.", "The accord was signed on Thursday."} <= texts)


def test_sources_are_cited_with_article_outlet_sentence_and_text() -> None:
    report = build_report(three_articles(), Settings())
    for fact in report.to_dict()["facts"]:
        assert fact["status"] in {"consensus", "unique", "conflict"}
        for s in fact["sources"]:
            assert set(s) == {"article", "outlet", "sentence", "text"}
            assert isinstance(s["sentence"], int) and s["text"]


def test_number_conflict_between_copies_of_a_slot() -> None:
    """A detector reporting 340 vs 310 turns the fund fact into a conflict with both values."""
    from samestory.report.conflicts import apply_conflicts

    analyses = three_articles()[:2]
    qa = Quantity("340 million", 3.4e8, "USD", "fund", 0, 1, sentence=2)
    qb = Quantity("310 millions", 3.1e8, "USD", "fonds", 0, 1, sentence=2)
    analyses[0].quantities.append(qa)
    analyses[1].quantities.append(qb)
    story = Story(analyses, Settings())
    groups = cluster_facts(story)

    detect = _detector("fund", qa.canonical, qb.canonical, 2, 2)
    facts = apply_conflicts(story, groups, [(0, 1)], detect=detect)
    fund = next(f for f in facts if f.values)
    assert {v["value"] for v in fund.values} == {qa.canonical, qb.canonical}
    assert {r.text for r in fund.refs} == {"It creates a fund.", "Un fonds est créé."}
    for v in fund.values:
        assert len(v["sources"]) == 1


def test_bare_number_conflict_between_unrelated_sentences_is_dropped() -> None:
    from samestory.report.conflicts import apply_conflicts

    analyses = three_articles()
    story = Story(analyses, Settings())

    def detect(a: Analysis, b: Analysis, *args: object) -> list[Conflict]:
        return [Conflict("number", "number", "25", "30", a.sentences[1].text, b.sentences[2].text)]

    facts = apply_conflicts(story, cluster_facts(story), [(0, 2)], detect=detect)
    assert not any(f.values for f in facts)


def test_outlet_name_falls_back_to_host_then_file() -> None:
    a = three_articles()[0]
    assert outlet_name(a) == "Wire"
    no_outlet = Analysis(
        article=Article.create("t", "body text here", url="https://www.example.org/x"),
        language="en",
        text="t",
    )
    assert outlet_name(no_outlet) == "example.org"


def _imports(tree: ast.AST) -> list[str]:
    """Absolute names of everything a module of samestory.report imports."""
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            package = ["samestory", "report"][: max(0, 3 - node.level)] if node.level else []
            base = ".".join([*package, *([node.module] if node.module else [])])
            out += [base, *(f"{base}.{a.name}" for a in node.names)]
    return out


def test_import_scanner_sees_relative_imports() -> None:
    tree = ast.parse("from ..store import db\nfrom .. import serve\nimport samestory.scale")
    names = _imports(tree)
    assert "samestory.store" in names and "samestory.serve" in names
    assert "samestory.scale" in names


def test_report_is_a_pure_stage() -> None:
    """report/ must not reach into the store, the Spark job or the servers."""
    forbidden = ("samestory.store", "samestory.scale", "samestory.serve")
    files = list((ROOT / "src" / "samestory" / "report").glob("*.py"))
    assert files
    for path in files:
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            assert not any(name == f or name.startswith(f + ".") for f in forbidden), (
                path.name,
                name,
            )


@pytest.mark.models
def test_example_fund_conflict_with_real_models(engine) -> None:  # type: ignore[no-untyped-def]
    """The Danube fund: 340 million dollars in three articles, 310 in the German one."""
    import json

    corpus = ROOT / "examples" / "corpus.jsonl"
    ids = {"danube-fr-afi", "danube-es-gaceta", "danube-en-lakeside", "danube-de-limmat"}
    urls = {
        json.loads(line)["url"]
        for line in corpus.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] in ids
    }
    articles = [a for a in engine.read(corpus) if a.url in urls]
    report = build_report(engine.analyse_many(articles), engine.settings)
    conflicts = [f for f in report.facts if f.status == "conflict"]
    values = {v["value"] for f in conflicts for v in f.values}
    assert {"3.4e+08 USD", "3.1e+08 USD"} <= values
    fund = next(f for f in conflicts if any(v["value"] == "3.1e+08 USD" for v in f.values))
    assert len({r.outlet for r in fund.refs}) == 4


LEVEE = unit((6, 1.0))
CITY = unit((7, 1.0))


def _place(a: Analysis, sentence: int, name: str, key: str) -> None:
    """Add a LOC mention of `name` (its first occurrence in that sentence)."""
    from samestory.models import Mention

    s = a.sentences[sentence]
    start = a.text.index(name, s.start)
    a.mentions.append(Mention(name, "LOC", name, key, start, start + len(name), sentence))


def _levee_story(where_b: str, key_b: str, *, b_sentence: np.ndarray = LEVEE) -> list[Analysis]:
    a = make(
        "Levee breaks",
        [
            ("A levee broke near Alphaville on Thursday evening.", LEVEE),
            ("Parts of Betaburg were also under water.", CITY),
        ],
        outlet="Wire",
    )
    b = make(
        "Damm gebrochen",
        [(f"Bei {where_b} ist am Donnerstagabend ein Damm gebrochen.", b_sentence)],
        outlet="Zeitung",
        language="de",
    )
    _place(a, 1, "Alphaville", "geo:city:101")
    _place(a, 2, "Betaburg", "geo:city:202")
    _place(b, 1, where_b, key_b)
    return [a, b]


def test_place_conflict_when_aligned_sentences_locate_one_event_in_two_towns() -> None:
    """Betaburg is named by the first article too, but in another role and sentence."""
    report = build_report(_levee_story("Betaburg", "geo:city:202"), Settings())
    fact = next(f for f in report.facts if f.values)
    assert fact.status == "conflict"
    assert {(v["kind"], v["value"]) for v in fact.values} == {
        ("place", "Alphaville"),
        ("place", "Betaburg"),
    }
    assert {r.text[:12] for r in fact.refs} == {"A levee brok", "Bei Betaburg"}


def test_no_place_conflict_for_one_town_another_kind_or_unaligned_sentences() -> None:
    same = build_report(_levee_story("Alphaville", "geo:city:101"), Settings())
    country = build_report(_levee_story("Gammaland", "geo:country:GL"), Settings())
    loose = unit((6, 1.0), (8, 1.9))  # cosine 0.47: one fact, but not aligned
    unaligned = build_report(_levee_story("Betaburg", "geo:city:202", b_sentence=loose), Settings())
    assert any(len(f.refs) == 2 for f in unaligned.facts)
    for report in (same, country, unaligned):
        assert not [v for f in report.facts for v in f.values if v["kind"] == "place"]


def test_a_stray_sentence_moves_to_the_fact_of_its_slot_alone() -> None:
    """A conflict between facts told by the same articles moves one sentence, not a fact."""
    from samestory.report.conflicts import apply_conflicts

    time, age = unit((9, 1.0)), unit((10, 1.0))
    a = make(
        "Record",
        [("She won in 2 h 18 min 42 s.", time), ("She is 24.", age)],
        outlet="Sprint",
        language="fr",
    )
    b = make(
        "Rekord",
        [("Sie gewann.", time), ("Die 24-Jährige lief nach 2:18:24 Stunden.", age)],
        outlet="Echo",
        language="de",
    )
    qa = Quantity("2 h 18 min 42 s", 8322, "s", None, 0, 1, sentence=1)
    qb = Quantity("2:18:24 Stunden", 8304, "s", None, 0, 1, sentence=2)
    a.quantities.append(qa)
    b.quantities.append(qb)
    story = Story([a, b], Settings())
    groups = cluster_facts(story)
    assert len(groups) == 2  # the winner and the age

    detect = _detector("duration", qa.canonical, qb.canonical, 1, 2)
    facts = apply_conflicts(story, groups, [(0, 1)], detect=detect)
    by_text = {r.text: f for f in facts for r in f.refs}
    timed = by_text["She won in 2 h 18 min 42 s."]
    assert by_text["Die 24-Jährige lief nach 2:18:24 Stunden."] is timed
    assert by_text["Sie gewann."] is timed
    assert by_text["She is 24."] is not timed and not by_text["She is 24."].values
    assert {v["value"] for v in timed.values} == {qa.canonical, qb.canonical}


def test_durations_are_matched_by_their_sentences_not_their_masked_format() -> None:
    """ "# h # min # s" and "#:#:# Stunden" embed apart; the sentences tell whose time it is."""
    from samestory.match.conflicts import find_conflicts

    winner = unit((11, 1.0))
    close = unit((11, 1.0), (12, 1.1))  # cosine 0.67 with `winner`, below alignment
    a = make("Record", [("She won in 2 h 18 min 42 s.", winner)], outlet="Sprint", language="fr")
    b = make(
        "Rekord",
        [
            ("Sie lief 2:18:24 Stunden.", close),
            ("Die Neunte lief 2:27:35 Stunden.", unit((13, 1.0))),
        ],
        outlet="Echo",
        language="de",
    )
    a.quantities = [Quantity("2 h 18 min 42 s", 8322, "s", None, 0, 1, sentence=1)]
    b.quantities = [
        Quantity("2:18:24 Stunden", 8304, "s", None, 0, 1, sentence=1),
        Quantity("2:27:35 Stunden", 8855, "s", None, 0, 1, sentence=2),
    ]
    a.quantity_embeddings = np.vstack([unit((14, 1.0))])
    b.quantity_embeddings = np.vstack([unit((15, 1.0)), unit((14, 1.0))])  # format alike
    found = find_conflicts(a, b, [], [], [], 0.05)
    got = [(c.slot, c.value_a, c.value_b) for c in found]
    assert got == [("duration", "2 h 18 min 42 s", "2 h 18 min 24 s")]


def _detector(
    slot: str, value_a: str, value_b: str, sentence_a: int, sentence_b: int
) -> Callable[..., list[Conflict]]:
    """A conflict detector that always reports one number conflict between the two
    given sentences (the fact grouping, not the detection, is under test)."""

    def detect(a: Analysis, b: Analysis, *args: object) -> list[Conflict]:
        text_a, text_b = a.sentences[sentence_a].text, b.sentences[sentence_b].text
        return [Conflict("number", slot, value_a, value_b, text_a, text_b)]

    return detect
