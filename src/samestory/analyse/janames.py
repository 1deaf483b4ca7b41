"""Japanese names for `scriptnames`: MeCab's (fugashi on unidic-lite) 固有名詞 tags, the
dotted katakana names and organisations by their shape (`hannames`), names before a
title word, and the places MeCab tags 地名 (moved out of `scriptnames` in session 16 to
keep it short).

Session 16 (chosen on the development sets, heldout5 and before):

- a token tagged 固有名詞 地名 is a place when geonames or CLDR know it in that script
  ("京都に", "ハンブルク・マラソン", "ドーハと"): MeCab's tag is the evidence that a
  katakana run is a name, which a particle after it was before;
- a dotted katakana run with a place among its parts is no person ("ハンブルク・マラソン");
- the name before "の" and a company head's name is the company
  ("シーメンスのローランド・ブッシュ最高経営責任者", "エアバスのポール・モレル最高経営責任者");
- a museum after a katakana name ("ルーブル美術館");
- a company after its kind and "の" ("自動車メーカーの現代自動車が"): a katakana name, or
  a kanji one ending in a company word (自動車, 電機, 航空...).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .gazetteer import Place
from .hannames import ja_dotted, ja_kind_orgs
from .hanplaces import han_places, script_places
from .langpacks import fugashi_tagger

__all__ = ["ja_spans"]

_Span = tuple[int, int, str, str]
# bodies by their last word; a museum also after a katakana name ("ルーブル美術館", as
# Korean's "루브르 박물관"), never alone ("ソウルの美術館")
_JA_ORG = re.compile(
    r"[\u4e00-\u9fff]{1,6}(?:委員会|銀行|機構|機関|連合)|[ァ-ヶー]{2,}(?:美術館|博物館)"
)
# A katakana run before a particle or noun of place: "トゥールーズで", not "サムスンは"
# (Samsung, also the katakana name of Samsun).
_KATAKANA_RUN = re.compile(r"[ァ-ヶー]{3,}(?=で|に|から|へ|まで|近郊|市)")
_HEADS = ("最高経営責任者", "社長", "会長", "CEO")
_COMPANY_OF_HEAD = re.compile(
    r"(?:(?<=^)|(?<=[、。「」\s]))(?P<o>[ァ-ヶー]{2,}|[A-Za-z][\w&.-]+)の"
    r"[ァ-ヶー]{2,}(?:・[ァ-ヶー]{2,})+(?:" + "|".join(_HEADS) + ")"
)
_COMPANY_WORDS = ("自動車", "電機", "電子", "工業", "重工", "製作所", "商事", "航空", "製鉄")
_KIND_OF = re.compile(
    r"(?:メーカー|企業|会社)の(?P<o>[ァ-ヶー]{3,}|[\u4e00-\u9fffァ-ヶー]{1,6}(?:"
    + "|".join(_COMPANY_WORDS)
    + "))(?=[がはをのと、])"
)


def ja_spans(
    text: str,
    titles: list[str],
    place_of: Callable[[str], Place | None],
    places_all: dict[str, Place],
    airline: re.Pattern[str] | None,
) -> list[_Span]:
    """Person, organisation and place spans of a Japanese `text` (overlaps resolved by
    the caller; `places_all`: CLDR's and `city_names`' places as written)."""
    out: list[_Span] = []
    kana = script_places("ja")
    out += [(m.start(), m.end(), "LOC", kana[m.group()].key)
            for m in _KATAKANA_RUN.finditer(text) if m.group() in kana]  # fmt: skip
    tagger = fugashi_tagger()
    pos, toks = 0, []
    for w in tagger(text) if tagger is not None else ():
        start = text.find(w.surface, pos)
        pos = start + len(w.surface)
        toks.append((w.surface, w.feature.pos2, w.feature.pos3, start))
    han = han_places()
    k = 0
    while k < len(toks):
        surface, pos2, pos3, start = toks[k]
        if pos2 == "固有名詞" and pos3 == "地名":
            place = places_all.get(surface) or kana.get(surface) or han.get(surface)
            if place is not None:
                out.append((start, start + len(surface), "LOC", place.key))
        if pos2 == "固有名詞" and pos3 in ("人名", "組織"):
            end = start + len(surface)
            while k + 1 < len(toks) and (toks[k + 1][2] == pos3 or toks[k + 1][0] == "・"):
                k += 1
                end = toks[k][3] + len(toks[k][0])
            out.append((start, end, "PERSON" if pos3 == "人名" else "ORG", text[start:end]))
        k += 1
    for start, end, name in ja_dotted(text):
        if not any(place_of(part) or part in kana for part in name.split("・")):
            out.append((start, end, "PERSON", name))
    out += ja_kind_orgs(text)  # "国営企業コデルコ"
    out += [(m.start("o"), m.end("o"), "ORG", m["o"]) for m in _KIND_OF.finditer(text)]
    out += [(m.start("o"), m.end("o"), "ORG", m["o"]) for m in _COMPANY_OF_HEAD.finditer(text)]
    for m in re.finditer(r"[ァ-ヶー・]{2,}(?=" + "|".join(map(re.escape, titles)) + ")", text):
        out.append((m.start(), m.end(), "PERSON", m.group()))
    out += [(m.start(), m.end(), "ORG", m.group()) for m in _JA_ORG.finditer(text)]
    if "航空" in text and airline is not None:
        # an airline named after its country or city: "エジプト航空"
        out += [(m.start(), m.end(), "ORG", m.group()) for m in airline.finditer(text)]
    return out
