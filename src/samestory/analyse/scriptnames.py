"""Names in the scripts and languages the capitalisation rules cannot read.

Russian goes through slovnet's NER (from the natasha package) and Ukrainian through
capitalised runs; both lemmatise with pymorphy3 ("Реджепом Тайипом Эрдоганом" ->
"Реджеп Тайип Эрдоган"), drop titles and read places from their lemma ("России" ->
Russia). Chinese uses jieba's person / place / organisation tags, Japanese MeCab's
固有名詞 tags, both plus the name after (zh) or before (ja) a title word; Korean, Arabic,
Persian and Hebrew, with no capitals and no packaged tagger here, take the names next to
a title word, the organisations after a cue noun and the places in the gazetteer, after
their clitics ("بال", "ב", "에서") are cut. Places also come from Babel's country names
and exemplar cities (CLDR) in each language and the `city_names` of
`lang/<code>/names.py`.

A person found in `lang.world_names` gets its English name as canonical, so "普京",
"بوتين" and "Putin" are one entity; other persons keep their script, Cyrillic ones
meeting their Latin spelling through the skeletons of `personnames`.
"""

from __future__ import annotations

import re
from functools import cache

from ..lang.world_names import WORLD_NAMES
from ..models import EntityLabel, Mention, Sentence
from .gazetteer import fold
from .hanplaces import han_places
from .langpacks import fugashi_tagger, jieba_words, morph, russian_ner
from .personnames import person_key
from .scriptplaces import lang_names, place_key, place_of, place_pattern, places_all
from .sentences import locate_sentence
from .titlenames import titled_spans

__all__ = ["SCRIPT_LANGUAGES", "caseless", "script_mentions"]

SCRIPT_LANGUAGES = frozenset({"ru", "uk", "zh", "ja", "ko", "ar", "fa", "he"})
_Span = tuple[int, int, str, str]  # start, end, label, base form
_WORD = re.compile(r"[^\W\d_](?:[\w\u200c'’\"״׳-]*[^\W_])?")
# Characters of Chinese transliterations of foreign names: "玛丽亚·何塞·卡塔拉".
_TRANSLIT = (
    "阿埃艾安奥巴贝比彼波伯布查达戴丹德迪蒂杜多厄恩尔法菲费丰弗福盖戈格古哈汉豪赫亨胡华霍"
    "基吉加贾杰金卡凯坎康科克库拉莱赖兰朗劳勒雷里利丽林琳卢鲁伦罗洛马玛麦曼梅门蒙米明莫姆穆"
    "纳娜奈南内尼涅宁努诺欧帕佩彭皮珀普齐奇乔切萨塞森沙莎什斯松苏索塔泰坦汤特提图托瓦万威韦维"
    "温沃乌西希谢辛休许雅亚扬耶伊因尤约扎泽詹兹佐何"
    "莉娅妮薇蕾露琪黛茜娃丝芙夫"  # women's names ("莉娜·哈特曼") and -off ("沃尔夫")
)
_DOTTED_NAME = re.compile(rf"[{_TRANSLIT}]{{1,6}}(?:·[{_TRANSLIT}]{{1,6}})+")
_ZH_ORG = re.compile(r"[\u4e00-\u9fff]{1,6}(?:委员会|公司|集团|银行|组织)")
_JA_ORG = re.compile(r"[\u4e00-\u9fff]{1,6}(?:委員会|銀行|機構|機関|連合)")
# A foreign name in katakana with "・" between its parts ("アリ・イェルリカヤ"): MeCab
# often tags only the first part 人名, so the dotted run is read whole.
_JA_DOTTED = re.compile(r"[ァ-ヶー]{2,}(?:・[ァ-ヶー]{2,})+")


@cache
def _world() -> dict[str, str]:
    return {fold(form): name for name, forms in WORLD_NAMES.items() for form in forms}


# --- Cyrillic -----------------------------------------------------------------------


def _lemma(word: str, language: str) -> tuple[str, set[str]]:
    analyser = morph(language)
    if analyser is None:
        return word, set()
    parses = analyser.parse(word)
    best = next((p for p in parses if {"Name", "Surn", "Geox", "Orgn"} & set(p.tag.grammemes)),
                parses[0])  # fmt: skip
    lemma = best.normal_form
    grammemes = set(best.tag.grammemes)
    named = {"Name", "Surn", "Patr", "Geox", "Orgn"} & grammemes
    if word[:1].isupper() and not named and not {"NOUN", "ADJF"} & grammemes:
        lemma = word  # "Катала" read as a verb: a foreign name keeps its form
    return (lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma), set(best.tag.grammemes)


def _cyrillic(text: str, language: str) -> list[_Span]:
    titles = {fold(t) for t in lang_names(language).get("titles", ())}
    org_cues = {fold(t) for t in lang_names(language).get("org_cues", ())}
    ner = russian_ner() if language == "ru" else None
    runs: list[tuple[int, int, str]] | None = None
    if ner is not None and any(c.isalpha() for c in text):
        try:
            runs = [(s.start, s.stop, s.type) for s in ner(text).spans]
        except (IndexError, ValueError):  # slovnet on a text of no words: the rules
            runs = None
    if runs is None:
        runs = []
        words = list(_WORD.finditer(text))
        i = 0
        while i < len(words):
            if not words[i].group()[:1].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(words) and words[j + 1].group()[:1].isupper() and \
                    text[words[j].end() : words[j + 1].start()] == " ":  # fmt: skip
                j += 1
            end = words[j].end()
            nxt = words[j + 1] if j + 1 < len(words) else None
            if nxt is not None and fold(_lemma(nxt.group(), language)[0]) in org_cues:
                end, j = nxt.end(), j + 1
            before = text[words[i - 1].end() : words[i].start()].strip() if i else "."
            opener = bool(before) and before[-1] in ".!?"
            single = j == i and words[i].group().isalpha() and not words[i].group().isascii()
            if not (opener and single and not _lemma(words[i].group(), language)[1]
                    & {"Name", "Surn", "Geox", "Orgn"}):  # fmt: skip
                runs.append((words[i].start(), end, ""))
            i = j + 1
    out: list[_Span] = []
    demonyms = lang_names(language).get("demonyms", {})
    for w in _WORD.finditer(text):  # "в испанском городе": the adjective names Spain
        if w.group()[:1].islower() and (lem := _lemma(w.group(), language)[0]) in demonyms:
            place = place_of(lem, language)
            if place is not None:
                out.append((w.start(), w.end(), "LOC", place.key))
    for start, end, kind in runs:
        toks = list(_WORD.finditer(text, start, end))
        lemmas = [_lemma(t.group(), language) for t in toks]
        # A title or a place at the edge of a name is not part of it.
        group: list[int] = []
        for k, (lem, tags) in enumerate([*lemmas, ("", set())]):
            person_word = kind == "PER" or bool({"Name", "Surn", "Patr"} & tags)
            place = None
            given = k + 1 < len(toks) and "Surn" in lemmas[k + 1][1]  # "Володимир Путін"
            if k < len(toks) and not person_word and not given:
                place = place_of(lem, language) or place_of(toks[k].group(), language)
            title = k < len(toks) and fold(lem) in titles
            if k == len(toks) or place is not None or title:
                if group:
                    out.append(_cyrillic_name(toks, lemmas, group, kind))
                group = []
                if place is not None:
                    out.append((toks[k].start(), toks[k].end(), "LOC", place.key))
                continue
            group.append(k)
    return out


def _cyrillic_name(toks: list[re.Match[str]], lemmas: list[tuple[str, set[str]]],
                   group: list[int], kind: str) -> _Span:  # fmt: skip
    start, end = toks[group[0]].start(), toks[group[-1]].end()
    tags = set().union(*(lemmas[k][1] for k in group))
    person = kind == "PER" or (not kind and bool({"Name", "Surn", "Patr"} & tags))
    if person:
        return start, end, "PERSON", " ".join(lemmas[k][0] for k in group)
    label = "ORG" if kind == "ORG" or not kind else "MISC"
    surface = " ".join(t.group() for t in toks[group[0] : group[-1] + 1])
    return start, end, label, surface


# --- titles and cue words (zh, ja, ko, ar, fa, he) ----------------------------------


def _spaced(text: str, language: str) -> list[_Span]:
    """Arabic, Persian, Hebrew, Korean: see `titlenames`."""
    return titled_spans(
        text, language, lang_names(language), lambda w: place_of(w, language), _world()
    )


def _cjk(text: str, language: str) -> list[_Span]:
    names = lang_names(language)
    out: list[_Span] = []
    pattern = place_pattern(language)
    if pattern is not None:
        out += [(m.start(), m.end(), "LOC", places_all(language)[m.group()].key)
                for m in pattern.finditer(text)]  # fmt: skip
    titles = sorted(names.get("titles", ()), key=len, reverse=True)
    if language == "zh":
        words = jieba_words(text) or []
        # jieba's person tag is noisy ("洪水" nr): a person needs a title next to it, a
        # "·" between name parts or a place in `world_names`; a "person" before a
        # company title is the company ("西门子首席执行官").
        company = set(names.get("company_titles", ()))
        out += [(p, p + len(w), "ORG", w) for w, f, p in words if f == "nt"]
        han = han_places()  # whole nouns only: a place name as a word of its own
        out += [
            (p, p + len(w), "LOC", han[w].key) for w, f, p in words if w in han and f[:1] == "n"
        ]
        for i, (w, f, p) in enumerate(words[:-1]):
            if f.startswith("nr") and words[i + 1][0] in company:
                out.append((p, p + len(w), "ORG", w))
        out += [(m.start(), m.end(), "PERSON", m.group()) for m in _DOTTED_NAME.finditer(text)]
        out += [(m.start(), m.end(), "ORG", m.group()) for m in _ZH_ORG.finditer(text)]
        for i, (w, _, p) in enumerate(words):
            if w in titles:
                j, end = i + 1, p + len(w)
                while j < len(words) and words[j][1] not in ("x", "p", "c", "t", "uj", "ul", "d") \
                        and words[j][0] not in names.get("function_words", ()) \
                        and end - (p + len(w)) < 8:  # fmt: skip
                    end = words[j][2] + len(words[j][0])
                    j += 1
                if end > p + len(w):
                    out.append((p + len(w), end, "PERSON", text[p + len(w) : end]))
    elif language == "ja":
        tagger = fugashi_tagger()
        pos, toks = 0, []
        for w in tagger(text) if tagger is not None else ():
            start = text.find(w.surface, pos)
            pos = start + len(w.surface)
            toks.append((w.surface, w.feature.pos2, w.feature.pos3, start))
        k = 0
        while k < len(toks):
            surface, pos2, pos3, start = toks[k]
            if pos2 == "固有名詞" and pos3 in ("人名", "組織"):
                end = start + len(surface)
                while k + 1 < len(toks) and (toks[k + 1][2] == pos3 or toks[k + 1][0] == "・"):
                    k += 1
                    end = toks[k][3] + len(toks[k][0])
                out.append((start, end, "PERSON" if pos3 == "人名" else "ORG", text[start:end]))
            k += 1
        for m in _JA_DOTTED.finditer(text):
            if not any(place_of(part, language) for part in m.group().split("・")):
                out.append((m.start(), m.end(), "PERSON", m.group()))
        for m in re.finditer(r"[ァ-ヶー・]{2,}(?=" + "|".join(map(re.escape, titles)) + ")", text):
            out.append((m.start(), m.end(), "PERSON", m.group()))
        out += [(m.start(), m.end(), "ORG", m.group()) for m in _JA_ORG.finditer(text)]
    world = _world()
    for form in {f for forms in WORLD_NAMES.values() for f in forms}:
        if (
            re.search(r"[\u3040-\u30ff\u3400-\u9fff]", form)
            and form in text
            and fold(form) in world
        ):
            out += [
                (m.start(), m.end(), "PERSON", form) for m in re.finditer(re.escape(form), text)
            ]
    return out


def _canonical(label: str, base: str) -> tuple[EntityLabel, str, str]:
    if label == "PERSON":
        world = _world()
        tokens = base.replace("·", " ").replace("・", " ").split()
        hit = world.get(fold(base)) or next((world[fold(t)] for t in tokens if fold(t) in world),
                                             None)  # fmt: skip
        canonical = hit or base
        return "PERSON", canonical, person_key(canonical)
    return ("ORG" if label == "ORG" else "MISC"), base, "name:" + fold(base)


def caseless(text: str) -> bool:
    """Whether the head of `text` is written in a script without letter case (Devanagari,
    Arabic, Thai...): capitalisation rules would find nothing there."""
    if not text[:300].count(" ") >= 3:
        return False  # Thai, Lao, Khmer, Burmese: no spaces between words, no words to look up
    letters = [c for c in text[:300] if c.isalpha()]
    return bool(letters) and sum(c.isupper() or c.islower() for c in letters) < len(letters) / 4


def script_mentions(
    text: str, language: str, sentences: list[Sentence] | None = None
) -> list[Mention]:
    """Mentions of `text` in one of SCRIPT_LANGUAGES, in text order, no overlaps."""
    if language in ("ru", "uk"):
        spans = _cyrillic(text, language)
    elif language in ("zh", "ja"):
        spans = _cjk(text, language)
    else:
        spans = _spaced(text, language)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2] != "LOC"))
    out: list[Mention] = []
    last = -1
    for start, end, label, base in spans:
        if start < last or end <= start:
            continue
        sentence = locate_sentence(sentences, start) if sentences else -1
        surface = text[start:end]
        if label == "LOC":
            place = place_key(base)
            out.append(Mention(surface, "LOC", place.name, place.key, start, end, sentence))
        else:
            lab, canonical, key = _canonical(label, base)
            out.append(Mention(surface, lab, canonical, key, start, end, sentence))
        last = end
    return out
