"""Names in the scripts and languages the capitalisation rules cannot read.

Russian and Ukrainian go to `cyrillicnames` (slovnet NER or capitalised runs, lemmatised
by pymorphy3: "Эрдоганом" -> "Эрдоган"). Chinese uses jieba's person / place /
organisation tags, Japanese MeCab's 固有名詞 tags, both plus the name after (zh) or before
(ja) a title word; Korean, Arabic, Persian and Hebrew, with no capitals and no packaged
tagger here, take the names next to a title word, the organisations after a cue noun and
the places in the gazetteer, after their clitics ("بال", "ב", "에서") are cut. Places also
come from Babel's country names and exemplar cities (CLDR) in each language and the
`city_names` of `lang/<code>/names.py`.

A person found in `lang.world_names` gets its English name as canonical, so "普京",
"بوتين" and "Putin" are one entity; other persons keep their script, Cyrillic ones
meeting their Latin spelling through the skeletons of `personnames`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from typing import Any

from ..lang import resource
from ..lang._locale import locale_cities
from ..lang.world_names import WORLD_NAMES
from ..models import EntityLabel, Mention, Sentence
from .abjadnames import nisba_bases, sounds_like, written_country
from .cyrillicnames import cyrillic_spans
from .gazetteer import Place, fold, gazetteer
from .hannames import han_names, zh_kind_orgs, zh_kind_orgs_plain
from .hanplaces import han_place_pattern, han_places, script_places
from .inflection import base_forms, country_adjective
from .janames import ja_spans
from .langpacks import jieba_words, morph
from .personnames import person_key
from .sentences import locate_sentence
from .titlenames import titled_spans

__all__ = ["SCRIPT_LANGUAGES", "caseless", "script_mentions"]

SCRIPT_LANGUAGES = frozenset({"ru", "uk", "zh", "ja", "ko", "ar", "fa", "he"})
_Span = tuple[int, int, str, str]  # start, end, label, base form
_WORD = re.compile(r"[^\W\d_](?:[\w\u200c'’\"״׳-]*[^\W_])?")
_CLITICS = {
    "ar": ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف", "ل", "ك"),
    "he": (
        "שבה",
        "וה",
        "שה",
        "מה",
        "בה",
        "לה",
        "כש",
        "שב",
        "וב",
        "ול",
        "ה",
        "ב",
        "ו",
        "ל",
        "מ",
        "ש",
        "כ",
    ),
    "fa": (),
    "ko": (),
}
# Clitic prepositions of place: "في"-like "ب", Hebrew "ב" (in), "מ" (from), "ל" (to).
_LOCATIVE_CLITICS = {"ar": ("ب", "وب", "ل", "ول"), "he": ("ב", "וב", "מ", "ומ", "ל", "ול", "שב")}
_KO_LOCATIVE = ("에서", "에서는", "에", "으로", "로", "와", "과")  # and "도하와 페루의"
_KO_PARTICLES = ("에서는", "에서", "으로", "에게", "과", "와", "의", "은", "는", "이", "가",
                 "을", "를", "에", "로", "도", "만")  # fmt: skip


@cache
def _world() -> dict[str, str]:
    return {fold(form): name for name, forms in WORLD_NAMES.items() for form in forms}


@cache
def _places(language: str) -> dict[str, Place]:
    """Folded name -> place: Babel's country names in `language`, its `city_names` and
    `demonyms` from `lang/<code>/names.py`."""
    g = gazetteer()
    out: dict[str, Place] = {}
    try:
        from babel import Locale

        for code, name in Locale.parse(language).territories.items():
            if code in g.countries:
                out[fold(name)] = g.countries[code]
    except Exception:  # Babel missing or no such locale: the gazetteer alone
        pass
    names: dict[str, Any] = resource(language, "names", "NAMES") or {}
    for native, english in names.get("city_names", {}).items():
        found = g.lookup(fold(english))
        if found:
            out[fold(native)] = found[0]
    for native, code in names.get("demonyms", {}).items():
        if code in g.countries:
            out[fold(native)] = g.countries[code]
    return out


@cache
def _cldr_places(language: str) -> dict[str, Place]:
    """CLDR's exemplar cities in `language`, by their written form: folded, an abjad's
    names lose their vowels and meet common words ("دوالا", Douala, and "دول")."""
    g = gazetteer()
    out: dict[str, Place] = {}
    for native, english in locale_cities(language).items():
        found = g.lookup(fold(english))
        if found and found[0].kind == "city" and fold(english) not in g.small:
            out[native] = found[0]
    return out


def _lookup(word: str, language: str, by_sound: bool = True) -> Place | None:
    if word in _cldr_places(language):
        return _cldr_places(language)[word]
    key = fold(word)
    table = _places(language)
    if key in table:
        return table[key]
    # "툴루즈에서", "교토에": a geonames Hangul name with a locative particle; alone it
    # may be a common word ("나라", Nara) or a company named after a city ("도요타가")
    if language == "ko" and word in script_places("ko") and by_sound:
        return script_places("ko")[word]
    for base in nisba_bases(word, language):  # "اليوناني" -> "اليونان"
        country = table.get(fold(base))
        if country is not None and country.kind == "country":
            return country
    if (country := country_adjective(word, language)) is not None:  # "Ефіопська"
        return country
    g = gazetteer()
    # A romanised key this short ("man" from a Hangul word) meets Latin names by chance.
    # Hangul romanises to Latin names more often still ("사라", Sara, met Salé's "Sala").
    found = g.lookup(key) if len(key) >= (5 if language == "ko" else 4) else ()
    if not found and language in ("ru", "uk") and morph(language) is None:
        bases = base_forms(key, language)  # Babel's "Россия" is in `table` only
        found = next((f for b in bases if (f := (table[b],) if b in table else g.lookup(b))), ())
    if not found or key in g.small:
        return None
    # Every Cyrillic name is "unlike" the English one, so weak is no evidence against it
    # there, where a capital and a lemma back it; in caseless scripts a weak name is
    # mostly a common word ("مدينة", city, is an old name of Medina).
    weak_ok = language in ("ru", "uk") and word[:1].isupper()
    # an abjad city name with the English name's consonants: "تولوز" (see abjadnames)
    city = next((p for p in found if p.kind == "city"), None)  # Kyoto the city, not the region
    abjad_city = by_sound and language in ("ar", "fa", "he") and city is not None
    if abjad_city and city is not None and not weak_ok and key in g.weak:
        bare = fold(word[2:]) if language == "ar" and word.startswith("ال") else key
        if sounds_like(key, fold(city.name)) or sounds_like(bare, fold(city.name)):
            return city  # "الدوحة": the article is the city's own
    return found[0] if key not in g.weak or weak_ok else None


def _stems(word: str, language: str) -> Iterator[str]:
    yield word
    for prefix in _CLITICS.get(language, ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            yield word[len(prefix) :]
            if language == "he" and word[len(prefix) :].startswith("וו"):
                yield word[len(prefix) + 1 :]  # a prefix doubles an initial vav: "בווינה"
    if language == "ko":
        for p in _KO_PARTICLES:
            if word.endswith(p) and len(word) > len(p) + 1:
                yield word[: -len(p)]


def _place_of(word: str, language: str, located: bool = False) -> Place | None:
    """The place `word` names once its clitics are cut. A weak abjad city name counts by
    its sound (see `abjadnames`) only where a locative stands before it, as a word
    (`located`: "في تولوز") or a clitic ("בטולוז"): a person's name may sound like a
    city too ("كينجي"); and never with the article cut off: "المدينة" is "the city",
    not Medina (cities carry no article but their own, "القاهرة")."""
    for s in _stems(word, language):
        prefix = word[: len(word) - len(s)]
        by_sound = (located and not prefix) or prefix in _LOCATIVE_CLITICS.get(language, ())
        by_sound = by_sound or (language == "ko" and word[len(s) :] in _KO_LOCATIVE)
        if (p := _lookup(s, language, by_sound)) is not None:
            if prefix and p.kind == "country" and language in ("ar", "fa", "he") and \
                    not written_country(s, language):  # fmt: skip
                continue  # "بابلو" is no "ب" + Palau
            return p
    return None


def _names(language: str) -> dict[str, Any]:
    return resource(language, "names", "NAMES") or {}


# --- titles and cue words (zh, ja, ko, ar, fa, he) ----------------------------------


def _spaced(text: str, language: str) -> list[_Span]:
    """Arabic, Persian, Hebrew, Korean: see `titlenames`."""
    return titled_spans(
        text, language, _names(language), partial(_place_of, language=language), _world()
    )


def _cjk(text: str, language: str) -> list[_Span]:
    names = _names(language)
    out: list[_Span] = []
    pattern = _place_pattern(language)
    if pattern is not None:
        out += [(m.start(), m.end(), "LOC", _places_all(language)[m.group()].key)
                for m in pattern.finditer(text)]  # fmt: skip
    titles = sorted(names.get("titles", ()), key=len, reverse=True)
    if language == "zh":
        words = jieba_words(text) or []
        # jieba's person tag is noisy ("洪水" nr): a person needs a title next to it, a
        # "·" between name parts or a place in `world_names`; a "person" before a
        # company title is the company ("西门子首席执行官").
        company = set(names.get("company_titles", ()))
        han = han_places()  # whole nouns only: a place name as a word of its own
        places_cjk = _places_all(language)
        for w, f, p in words:
            if f != "nt":
                continue
            ruled = w[:-2] if w.endswith("政府") else ""
            place = places_cjk.get(ruled) or han.get(ruled)
            if place is not None:  # "日本政府": the government names its country
                out.append((p, p + len(ruled), "LOC", place.key))
            else:
                out.append((p, p + len(w), "ORG", w))
        out += [
            (p, p + len(w), "LOC", han[w].key) for w, f, p in words if w in han and f[:1] == "n"
        ]
        counts: dict[str, int] = {}
        for w, _, _ in words:
            counts[w] = counts.get(w, 0) + 1
        for i, (w, f, p) in enumerate(words[:-1]):
            # a noun before a company title that the text names again ("空客首席执行官 …
            # 向空客购买") is the company
            again = f[:1] == "n" and f != "ns" and len(w) >= 2 and counts[w] >= 2
            if (f.startswith("nr") or again) and words[i + 1][0] in company:
                out.append((p, p + len(w), "ORG", w))
            # an airline named after its country or city: "埃及航空"
            placed = f == "ns" or w in places_cjk or w in han  # jieba: "卡塔尔" nr
            if placed and words[i + 1][0] == "航空" and words[i + 1][2] == p + len(w):
                out.append((p, p + len(w) + 2, "ORG", w + "航空"))
        # "航运公司马士基": the name after its kind, and not "丹麦航运公司"
        kind_orgs, kinds = zh_kind_orgs(words) if words else zh_kind_orgs_plain(text)
        if not words:  # no jieba: the longer Han names of places in the characters
            out += [(m.start(), m.end(), "LOC", han[m.group()].key)
                    for m in han_place_pattern().finditer(text)]  # fmt: skip
            if "航空" in text and (airline := _airline_pattern(language)) is not None:
                out += [(m.start(), m.end(), "ORG", m.group()) for m in airline.finditer(text)]
        out += kind_orgs + [s for s in han_names(text) if s[2] != "ORG" or s[1] not in kinds]
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
        out += ja_spans(text, titles, partial(_place_of, language=language),
                        _places_all(language), _airline_pattern(language))  # fmt: skip
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


@cache
def _places_all(language: str) -> dict[str, Place]:
    """Surface -> place for the CJK names of Babel and `city_names` (raw, not folded)."""
    g = gazetteer()
    out: dict[str, Place] = {}
    try:
        from babel import Locale

        for code, name in Locale.parse(language).territories.items():
            if code in g.countries and len(name) >= 2:
                out[name] = g.countries[code]
    except Exception:  # Babel missing: the city names alone
        pass
    cities = {**locale_cities(language), **_names(language).get("city_names", {})}
    for native, english in cities.items():
        found = g.lookup(fold(english))
        if found and len(native) >= 2:
            out[native] = found[0]
    return out


@cache
def _place_pattern(language: str) -> re.Pattern[str] | None:
    names = sorted(_places_all(language), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


@cache
def _airline_pattern(language: str) -> re.Pattern[str] | None:
    places = _place_pattern(language)
    return re.compile(f"(?:{places.pattern})航空") if places is not None else None


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
        spans = cyrillic_spans(
            text,
            language,
            _names(language),
            partial(_place_of, language=language),
            _world(),
        )
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
            place = _place_key(base)
            out.append(Mention(surface, "LOC", place.name, place.key, start, end, sentence))
        else:
            lab, canonical, key = _canonical(label, base)
            out.append(Mention(surface, lab, canonical, key, start, end, sentence))
        last = end
    return out


@cache
def _place_index() -> dict[str, Place]:
    g = gazetteer()
    out: dict[str, Place] = dict((p.key, p) for p in g.countries.values())
    for ps in g.names.values():
        for p in ps:
            out.setdefault(p.key, p)
    return out


def _place_key(key: str) -> Place:
    return _place_index()[key]
