"""Names by their neighbours, for scripts without capitals: Arabic, Persian, Hebrew, Korean.

Without capitals or a packaged tagger, a name is found by what stands next to it:

- a title before it ("الرئيس الروسي فلاديمير بوتين", "נשיא רוסיה ולדימיר פוטין"), places and
  demonyms between the two skipped;
- a title after it, where the language puts it there: Persian after a comma
  ("ولادیمیر پوتین، رئیس‌جمهور روسیه"), Korean directly ("블라디미르 푸틴 러시아 대통령은");
- a person of `lang.world_names` anywhere, with the one or two words before it that
  are not places or function words (the given names);
- an organisation after a cue noun ("المفوضية الأوروبية"), or Korean's "…위원회".

Places are words found in the gazetteer once their clitics ("بال", "שב", "에서") are cut.

Arabic and Hebrew titles in the construct state take a definite complement before the
name ("وزير الداخلية علي …", "رئيس الوزراء اليوناني …", "שר הפנים עלי …"): up to two
definite words after a title are skipped, and a definite word after two name words
closes the name ("… ميتسوتاكيس المنطقة"). A title or cue noun is also recognised under
a clitic ("والرئيس", "לארגון"). An organisation cue takes the definite words after it
("منظمة الصحة العالمية", "ארגון הבריאות העולמי"). Korean words with a verb ending
("다쳤다고") are not name words, and "만" (only) is not cut from a name ("하르트만").

Session 13: a title's complement may be a construct chain ("דובר שירותי הכבאות …",
"ראש ממשלת יוון …") or come after a linker ("المتحدث باسم …", "שר הפנים של …"): a
non-definite word before a definite word or a place is skipped when two name words
still follow. A run of three words after (or, in Korean, before) a title whose edge
word also stands alone elsewhere in the text ("מנכ״ל איירבוס פול מורל" beside
"מאיירבוס") is an organisation and a two-word name. A Hebrew name after a title is two
words when a third runs straight on into the sentence (Hebrew puts the verb after the
subject: "… מיצוטאקיס ביקר"). Persian "به گفته" (according to) opens a name up to its
comma; a Hebrew acronym ("אונסק״ו") that is no title, unit or place is an
organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .gazetteer import Place, fold
from .headlines import headline_subjects

__all__ = ["titled_spans"]

_Span = tuple[int, int, str, str]
# Indic vowel signs are not word characters to `re`: they are part of the word here.
_WORD = re.compile(r"[^\W\d_][\w\u200c\u0900-\u0dff'’\"״׳]*(?<!['’\"״׳])")
# No "만" (only): it ends many foreign names ("하르트만", "호프만") and rarely follows one.
_KO_END = ("과의", "와의", "에서의", "으로는", "에게는", "에는", "과는", "와는",  # "장관과의"
           "에서는", "에서", "으로", "에게", "과", "와", "의", "은", "는", "이", "가", "을", "를",
           "에", "로", "도")  # fmt: skip
# Particles that are also the last syllable of many names ("파블로", "마리오", "세르지오"):
# such a word does not close a name when a word with a particle of its own follows.
_KO_SOFT = ("로", "도", "이")
# Endings of Korean verbs and connectives: a word with one is not part of a name.
_KO_VERB = ("다고", "라고", "했다", "였다", "됐다", "면서", "지만", "는데", "했으며", "하고",
            "했고")  # fmt: skip
_DEFINITE = {"ar": ("ال", "لل"), "he": ("ה",)}
# A preposition written onto the article ("بالقرار", with the decision) opens a phrase: it
# never continues a name ("دانيال أوتينو بالقرار" is "Daniel Otieno" and the decision).
_PREP_ARTICLE = {"ar": ("بال", "وبال", "فال", "كال")}
# Hebrew second word after a cue noun that still belongs to the name: a noun or adjective
# ending ("הבריאות העולמי", "האירופית"), not a hif'il verb ("הבטיחה", "הודיע").
_HE_NOMINAL = ("ות", "ית", "ים", "י")
_NAME_WORDS = 3
# A Hebrew acronym: gershayim (or a double quote) before its last letter ("אונסק״ו").
_HE_ACRONYM = re.compile(r"[\u05d0-\u05ea][״\"][\u05d0-\u05ea]$")


def _ko_office(word: str) -> bool:
    """A ministry or office word between a name and its title ("노동부", "에너지부")."""
    return len(word) >= 3 and word.endswith(("부", "청", "처"))


def _ko_stem(word: str) -> str:
    for p in _KO_END:
        if word.endswith(p) and len(word) > len(p) + 1:
            return word[: -len(p)]
    return word


def titled_spans(
    text: str, language: str, names: dict[str, Any], place_of: Callable[..., Place | None],
    world: dict[str, str],
) -> list[_Span]:  # fmt: skip
    """Place, person and organisation spans of `text` (overlaps resolved by the caller)."""
    words = list(_WORD.finditer(text))
    stops = {fold(w) for w in names.get("function_words", ())}
    titles = {fold(t) for t in names.get("titles", ())}
    after = {fold(t) for t in names.get("titles_after", ())}
    org_cues = {fold(t) for t in names.get("org_cues", ())}
    org_after = {fold(t) for t in names.get("org_after", ())}
    linkers = {fold(t) for t in names.get("title_linkers", ())}
    speech = {fold(t) for t in names.get("speech_verbs", ())}
    locatives = {fold(t) for t in names.get("locatives", ())}
    openers = [tuple(fold(x) for x in t.split()) for t in names.get("name_openers", ())]
    common_acronyms = {fold(t) for t in names.get("common_acronyms", ())}
    korean = language == "ko"
    keys = [fold(_ko_stem(w.group()) if korean else w.group()) for w in words]
    definite_prefixes = _DEFINITE.get(language, ())
    definite = [w.group().startswith(definite_prefixes) and len(w.group()) > 3
                if definite_prefixes else False for w in words]  # fmt: skip

    def is_title(k: int) -> bool:
        return keys[k] in titles or any(
            fold(x) in titles for x in _stems(words[k].group(), language)[1:]
        )

    def nominal(k: int, second: bool) -> bool:
        # any noun may follow the cue ("ארגון הסחר"); a second word must look nominal
        return language != "he" or not second or words[k].group().endswith(_HE_NOMINAL)

    def is_cue(k: int) -> bool:
        return any(fold(x) in org_cues for x in _stems(words[k].group(), language))

    places: dict[int, Place] = {}
    out: list[_Span] = []
    for k, w in enumerate(words):
        if keys[k] in stops:
            continue  # a function word is no place: Korean "지난" (last) is not Jinan
        # a locative word before lets a city be known by its sound ("في تولوز")
        place = place_of(w.group(), located=k > 0 and keys[k - 1] in locatives)
        if place is not None:
            places[k] = place
            out.append((w.start(), w.end(), "LOC", place.key))

    def gap(a: int, b: int) -> str:
        return text[words[a].end() : words[b].start()]

    def name_word(k: int, inner: bool = False) -> bool:
        w = words[k].group()
        if korean and w.endswith(_KO_VERB):
            return False
        # a one-syllable Korean word is a name part only before another ("폴 모렐")
        short_ok = korean and not inner and k + 1 < len(words) and w == _ko_stem(w) \
            and not gap(k, k + 1).strip(" ") and len(words[k + 1].group()) > 1 \
            and name_word(k + 1, inner=True)  # fmt: skip
        return k not in places and keys[k] not in stops and keys[k] not in titles \
            and (len(w) > 1 or short_ok) and keys[k] not in org_cues  # fmt: skip

    def forward(k: int, limit: int = _NAME_WORDS) -> int:
        """Index past the name starting at word k."""
        j = k
        while j < len(words) and j - k < limit and name_word(j):
            if j > k and gap(j - 1, j).strip(" "):
                break
            if j - k >= 2 and definite[j]:
                break  # "كيرياكوس ميتسوتاكيس المنطقة": the article opens the next phrase
            if j > k and words[j].group().startswith(_PREP_ARTICLE.get(language, ("\0",))):
                break
            j += 1
            prev = words[j - 1].group()
            if (
                korean
                and _ko_stem(prev) != prev
                and not (
                    prev.endswith(_KO_SOFT)
                    and j < len(words)
                    and not gap(j - 1, j).strip(" ")
                    and _ko_stem(words[j].group()) != words[j].group()
                    and name_word(j)
                )
            ):
                break  # a particle closes the name: "에르도안과"
        return j

    def backward(k: int, limit: int = _NAME_WORDS) -> int:
        """Index of the first word of the name ending at word k - 1."""
        j = k
        while j > 0 and k - j < limit and name_word(j - 1):
            if j < k and gap(j - 1, j).strip(" "):
                break
            if korean and j < k and _ko_stem(words[j - 1].group()) != words[j - 1].group():
                break
            j -= 1
        return j

    def add(first: int, last: int, label: str, whole: bool = False) -> None:
        if last > first:
            start, end = words[first].start(), words[last - 1].end()
            if korean and not whole:  # a name before its title has no particle: "오르테가"
                end = words[last - 1].start() + len(_ko_stem(words[last - 1].group()))
            out.append((start, end, label, text[start:end]))

    stem_sets = [{fold(x) for x in _stems(w.group(), language) if len(x) >= 3} for w in words]

    def elsewhere(k: int, lo: int, hi: int) -> str | None:
        """The stem of word k that also stands as a word outside words[lo:hi]."""
        for stem in sorted(stem_sets[k], key=len):
            if any(stem in stem_sets[m] for m in range(len(words)) if not lo <= m < hi):
                return next(x for x in _stems(words[k].group(), language) if fold(x) == stem)
        return None

    def add_org_word(k: int, stem: str) -> None:
        end = words[k].end() if not korean else words[k].start() + len(stem)
        start = end - len(stem) if not korean else words[k].start()
        out.append((start, end, "ORG", stem))

    def complement(j: int) -> int:
        """Index past a title's complement starting at word j."""
        skipped = 0
        while j < len(words):
            if j in places or keys[j] in titles or (definite[j] and skipped < 2):
                skipped += definite[j] and j not in places and keys[j] not in titles
                j += 1
            elif keys[j] in linkers and j + 1 < len(words):
                j += 1
            elif definite_prefixes and j + 2 < len(words) and not definite[j] \
                    and name_word(j) and (definite[j + 1] or j + 1 in places) \
                    and not gap(j, j + 1).strip(" ") and not gap(j + 1, j + 2).strip(" ") \
                    and forward(j + 2) - (j + 2) >= 2:  # fmt: skip
                j += 2  # a construct chain: "שירותי הכבאות", "ממשלת יוון" (not across a stop)
            else:
                return j
        return j

    def add_titled(j: int) -> None:
        end = forward(j)
        if end - j >= 3 and (stem := elsewhere(j, j, end)) is not None:
            add_org_word(j, stem)
            j += 1
        elif language == "he" and end - j == 3 and end < len(words) and end not in places \
                and not gap(end - 1, end).strip(" "):  # fmt: skip
            end -= 1
        add(j, end, "PERSON")

    for k in range(len(words) - 1):
        for phrase in openers:
            n = len(phrase)
            if tuple(keys[k : k + n]) == phrase and k + n < len(words) and name_word(k + n) \
                    and not is_title(k + n):  # fmt: skip
                end = forward(k + n)
                if end < len(words) and gap(end - 1, end).strip(" ") in ("،", ","):
                    add(k + n, end, "PERSON")

    def _bounded(i: int) -> bool:
        """Persian "، پابلو هررا رهبر اتحادیه": a name of two words right after a comma or
        a sentence's start, before its title with no comma between."""
        b = backward(i)
        lead = text[words[b - 1].end() : words[b].start()].strip() if b > 0 else "."
        return language == "fa" and i - b == 2 and lead[-1:] in ("،", ",", ".", "!", "?")

    def _ko_role_first(k: int) -> bool:
        """A bare role word before a name of two words or more that a particle closes
        (given name, surname, then the subject's "-가") names the words after: "노조
        지도자 파블로 에레라가"; a role after its name carries the particle itself."""
        w = words[k].group()
        if w != _ko_stem(w) or k + 1 >= len(words) or gap(k, k + 1).strip(" "):
            return False
        end = forward(k + 1)
        last = words[end - 1].group()
        return end - (k + 1) >= 2 and _ko_stem(last) != last

    company_titles = {fold(t) for t in names.get("company_titles", ())}

    def _ko_company_before(k: int) -> None:
        """The word "X의" before a company head's name is the company (not a place)."""
        w = words[k].group()
        if w.endswith("의") and len(w) >= 3 and k not in places and name_word(k) \
                and keys[k] not in org_before:  # fmt: skip
            out.append((words[k].start(), words[k].end() - 1, "ORG", w[:-1]))

    org_before = {fold(t) for t in names.get("org_before", ())}
    org_skip = {fold(t) for t in names.get("org_modifiers", ())}
    for k, key in enumerate(keys):
        if key in org_before and k + 1 < len(words) and name_word(k + 1) \
                and not gap(k, k + 1).strip(" ") \
                and not (korean and words[k].group() != _ko_stem(words[k].group())):  # fmt: skip
            add(k + 1, k + 2, "ORG")  # "국영 기업 코델코는": the company after its kind
        if language == "he" and _HE_ACRONYM.search(words[k].group()) \
                and not (stem_sets[k] | {keys[k]}) & (titles | common_acronyms | stops) \
                and k not in places:  # fmt: skip
            add(k, k + 1, "ORG")
        titled = is_title(k)
        if titled or key in after or (korean and any(key.endswith(t) for t in after)):
            j = complement(k + 1)
            if j + 1 < len(words) and keys[j] in org_after:  # "التنفيذي لشركة سيمنس رولاند بوش"
                j += 2
            if titled and j < len(words) and not gap(j - 1, j).strip(" "):
                add_titled(j)
            if key in after or (korean and any(key.endswith(t) for t in after)):
                i = k
                # "암라니 모로코 에너지부 장관": a country and a ministry stand between
                while i - 1 in places or (korean and _ko_office(words[i - 1].group())):
                    i -= 1
                joined = text[words[i - 1].end() : words[i].start()] if i > 0 else ""
                if korean and _ko_role_first(k):
                    add(k + 1, forward(k + 1), "PERSON")  # "노조 지도자 파블로 에레라가"
                elif korean or joined.strip() in ("،", ",") or _bounded(i):
                    b = backward(i)
                    if korean and i - b >= 3 and (stem := elsewhere(i - 1, b, i)) is not None:
                        add_org_word(i - 1, stem)  # "폴 모렐 에어버스 최고경영자"
                        i -= 1
                    add(b, i, "PERSON", whole=korean and i < k)
                    if korean and key in company_titles and b > 0 and b < i:
                        _ko_company_before(b - 1)  # "지멘스의 롤란트 부슈 최고경영자는"
        if korean and words[k].group().endswith(tuple(names.get("copula_roles", ()))):
            add(k + 1, forward(k + 1), "PERSON")  # "주최자인 사라 린드크비스트는"
        if not korean and is_cue(k):
            j = k + 1
            if definite_prefixes:  # the definite words of the name: "منظمة الصحة العالمية"
                while j < len(words) and j - k <= 2 and definite[j] and name_word(j) \
                        and not gap(j - 1, j).strip(" ") and nominal(j, j - k == 2):  # fmt: skip
                    j += 1
            if j == k + 1 and j < len(words) and name_word(j):
                j += 1
            end = forward(j) if j < len(words) and not gap(j - 1, j).strip(" ") else j
            if (
                k > 0
                and keys[k - 1] in speech
                and end - j == 2
                and (end == len(words) or gap(end - 1, end).strip(" ")[:1] in ("،", ",", "."))
            ):
                # after a verb of saying: a role ("قالت منظمة الاجتماع سارا ليندكفيست.")
                add(j, end, "PERSON")
            else:
                add(k, j, "ORG")
        if korean and any(key.endswith(c) for c in org_cues):
            # "세계보건기구", or a bare cue noun after the name it heads ("유럽연합 집행위원회")
            named = k > 0 and not gap(k - 1, k).strip(" ") and name_word(k - 1, inner=True)
            if named or key not in org_cues:
                add(k - 1 if named else k, k + 1, "ORG")
        if any(fold(x) in org_after for x in _stems(words[k].group(), language)):
            j = k + 1  # "شرکت دولتی کودلکو", "וחברת המדינה קודלקו": the state's company
            if j + 1 < len(words) and keys[j] in org_skip and not gap(k, j).strip(" "):
                j += 1
            # the trade, then the country's adjective, then the name: "شركة الشحن
            # الدنماركية ميرسك", "חברת הספנות הדנית מרסק" (the Danish shipping company)
            if j + 2 < len(words) and j not in places and j + 1 in places \
                    and places[j + 1].kind == "country" \
                    and not (gap(j, j + 1) + gap(j + 1, j + 2)).strip(" "):  # fmt: skip
                j += 2
            if j < len(words) and name_word(j) and not gap(j - 1, j).strip(" "):
                add(j, j + 1, "ORG")
        stem = next((s for s in _stems(words[k].group(), language) if fold(s) in world), None)
        if stem is not None:
            add(backward(k, 2), k + 1, "PERSON")

    def company(i: int) -> bool:
        return i >= 0 and any(fold(x) in org_after for x in _stems(words[i].group(), language))

    _demonym_persons(words, places, definite, language, name_word, gap, add, company)
    persons = [text[a:b] for a, b, label, _ in out if label == "PERSON"]
    return out + headline_subjects(text, language, names, place_of, persons)


def _demonym_persons(
    words: list[re.Match[str]], places: dict[int, Place], definite: list[bool], language: str,
    name_word: Callable[[int], bool], gap: Callable[[int, int], str],
    add: Callable[[int, int, str], None], company: Callable[[int], bool],
) -> None:  # fmt: skip
    """A person named by a role and a nationality with no title word: "العداءة الإثيوبية
    تيغيست أليمو", "הרצה האתיופית טיגיסט אלמו" (a noun, its country's definite adjective,
    two name words), Persian "تیگیست آلمو، دونده اتیوپیایی" (the name, a comma, the
    role and the adjective). Not after a company word: "شركة الشحن الدنماركية ميرسك" is
    the company (see the org rules). Spans go through `add`."""

    def joined(a: int, b: int) -> bool:  # words a..b with only spaces between
        return all(not gap(m, m + 1).strip(" ") for m in range(a, b))

    for k, place in places.items():
        if place.kind != "country" or k < 1 or k - 1 in places or company(k - 2):
            continue
        after = k + 2 < len(words) and all(name_word(m) and not definite[m] for m in (k + 1, k + 2))
        if language in ("ar", "he") and definite[k] and definite[k - 1] and after \
                and joined(k, k + 2):  # fmt: skip
            add(k + 1, k + 3, "PERSON")
            continue
        if language != "fa" or k < 3 or gap(k - 2, k - 1).strip() not in ("،", ","):
            continue
        lead = gap(k - 4, k - 3) if k > 3 else "."
        opens = "\n" in lead or lead.strip()[-1:] in ("،", ",", ".", "!", "?")
        if opens and name_word(k - 3) and name_word(k - 2) and joined(k - 3, k - 2):
            add(k - 3, k - 1, "PERSON")


_CLITICS = {
    "ar": ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف", "ل", "ك"),
    "he": ("שבה", "וה", "שה", "מה", "בה", "לה", "כש", "שב", "וב", "ול", "ה", "ב", "ו", "ל", "מ",
           "ש", "כ"),
}  # fmt: skip


def _stems(word: str, language: str) -> list[str]:
    out = [word]
    for prefix in _CLITICS.get(language, ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            out.append(word[len(prefix) :])
            if language == "he" and word[len(prefix) :].startswith("וו"):
                out.append(word[len(prefix) + 1 :])  # a prefix doubles an initial vav
    if language == "ko":
        out.append(_ko_stem(word))
    return out
