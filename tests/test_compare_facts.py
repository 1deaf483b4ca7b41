"""compare/facts: sentences grouped into facts across articles, labelled and cited."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from samestory.compare import build_report
from samestory.compare.facts import Story, cluster_facts, outlet_name
from samestory.models import Analysis, Article, Quantity, Sentence
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
    from samestory.compare.conflicts import apply_conflicts
    from samestory.models import Conflict

    analyses = three_articles()[:2]
    qa = Quantity("340 million", 3.4e8, "USD", "fund", 0, 1, sentence=2)
    qb = Quantity("310 millions", 3.1e8, "USD", "fonds", 0, 1, sentence=2)
    analyses[0].quantities.append(qa)
    analyses[1].quantities.append(qb)
    story = Story(analyses, Settings())
    groups = cluster_facts(story)

    def detect(a: Analysis, b: Analysis, *args: object) -> list[Conflict]:
        return [
            Conflict(
                "number",
                "fund",
                qa.canonical,
                qb.canonical,
                a.sentences[2].text,
                b.sentences[2].text,
            )
        ]

    facts = apply_conflicts(story, groups, [(0, 1)], detect=detect)
    fund = next(f for f in facts if f.values)
    assert {v["value"] for v in fund.values} == {qa.canonical, qb.canonical}
    assert {r.text for r in fund.refs} == {"It creates a fund.", "Un fonds est créé."}
    for v in fund.values:
        assert len(v["sources"]) == 1


def test_bare_number_conflict_between_unrelated_sentences_is_dropped() -> None:
    from samestory.compare.conflicts import apply_conflicts
    from samestory.models import Conflict

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
    """Absolute names of everything a module of samestory.compare imports."""
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            package = ["samestory", "compare"][: max(0, 3 - node.level)] if node.level else []
            base = ".".join([*package, *([node.module] if node.module else [])])
            out += [base, *(f"{base}.{a.name}" for a in node.names)]
    return out


def test_import_scanner_sees_relative_imports() -> None:
    tree = ast.parse("from ..store import db\nfrom .. import serve\nimport samestory.scale")
    names = _imports(tree)
    assert "samestory.store" in names and "samestory.serve" in names
    assert "samestory.scale" in names


def test_compare_is_a_pure_stage() -> None:
    """compare/ must not reach into the store, the Spark job or the servers."""
    forbidden = ("samestory.store", "samestory.scale", "samestory.serve")
    files = list((ROOT / "src" / "samestory" / "compare").glob("*.py"))
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
