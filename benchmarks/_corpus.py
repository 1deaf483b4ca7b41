"""Real article text for ingest benchmarks, read from ../shared/data (never copied).

SemEval-2022 Task 8 train holds 2,906 article texts in 10 languages; ECB+ dev 500
English ones. `real_articles(n)` writes n JSON Lines records to a temporary file:
the first pass uses the texts as they are; further passes (when n exceeds what is
there) give each text a new outlet, URL and time, open it with that outlet's credit
("(outlet3) ...", as a wire story re-published by an outlet would be) and drop one
sentence. The credit is what makes every record a distinct article: dropping a
sentence alone gives a short text only a few variants, which ingest rightly stores
once (until 2026-11-24 a 100k run held ~20k distinct articles).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _texts() -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    semeval = DATA / "semeval2022-task8" / "train.jsonl"
    if semeval.is_file():
        seen: set[str] = set()
        for line in semeval.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            for side in ("1", "2"):
                text = d[f"text{side}"]
                if len(text) > 200 and text not in seen:
                    seen.add(text)
                    out.append({"title": d[f"title{side}"], "text": text})
    ecb = DATA / "ecbplus" / "dev.jsonl"
    if ecb.is_file():
        for line in ecb.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            out.append({"title": d["title"], "text": d["text"]})
    return out


def real_articles(n: int, seed: int = 0) -> Path | None:
    texts = _texts()
    if not texts:
        return None
    rng = random.Random(seed)
    start = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    path = Path(tempfile.mkdtemp()) / f"real-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            base = texts[i % len(texts)]
            copy = i // len(texts)
            text = base["text"]
            if copy:
                sentences = text.split(". ")
                if len(sentences) > 2:
                    del sentences[rng.randrange(len(sentences))]
                text = ". ".join(sentences)
                text = f"(outlet{copy}) {text}" if text.strip() else text
            when = start + dt.timedelta(minutes=i)
            fh.write(
                json.dumps(
                    {
                        "title": base["title"],
                        "text": text,
                        "url": f"https://outlet{copy}.example/{i}",
                        "outlet": f"outlet{copy}",
                        "published": when.isoformat(),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path
