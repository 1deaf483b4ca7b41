"""Chinese and Japanese names by their shape, for `scriptnames`: transliterated foreign
names with "·" or "・" between their parts ("巴勃罗·埃雷拉", "パブロ・エレラ"),
organisations by their last word ("智利国家铜业公司", "国际货币基金组织") or their kind
before them ("国営企業コデルコ"). Split out of `scriptnames` (session 15) to keep modules
short.
"""

from __future__ import annotations

import re

__all__ = ["han_names", "ja_dotted", "ja_kind_orgs", "zh_kind_orgs", "zh_kind_orgs_plain"]

_Span = tuple[int, int, str, str]  # start, end, label, base form

# Characters of Chinese transliterations of foreign names: "玛丽亚·何塞·卡塔拉".
_TRANSLIT = (
    "阿埃艾安奥巴贝比彼波伯布查达戴丹德迪蒂杜多厄恩尔法菲费丰弗福盖戈格古哈汉豪赫亨胡华霍"
    "基吉加贾杰金卡凯坎康科克库拉莱赖兰朗劳勒雷里利丽林琳卢鲁伦罗洛马玛麦曼梅门蒙米明莫姆穆"
    "纳娜奈南内尼涅宁努诺欧帕佩彭皮珀普齐奇乔切萨塞森沙莎什斯松苏索塔泰坦汤特提图托瓦万威韦维"
    "温沃乌西希谢辛休许雅亚扬耶伊因尤约扎泽詹兹佐何"
    "莉娅妮薇蕾露琪黛茜娃丝芙夫"  # women's names ("莉娜·哈特曼") and -off ("沃尔夫")
    # more of the Xinhua transliteration table ("保罗", "奎斯特"); not 于/次/英/比-like
    # words that stand before a name in running text
    "保奎鲍宾博措迈芬盖冈贡圭杰考肯夸昆廖隆缪瑙纽琼瑟绍舍滕廷席锡祖茨蒂丁"
    # and of Arabic, Spanish and Slavic names ("优素福", "巴勃罗", "穆罕默德", "赛义德");
    # none of them a function word that stands before a name
    "勃优素罕默爱昂拜班邦毕顿凡冯佛甘桂洪侯怀坚捷柯黎潘庞恰钦丘瑞赛桑尚舒唐陶旺伍"
)
_DOTTED_NAME = re.compile(rf"[{_TRANSLIT}]{{1,6}}(?:·[{_TRANSLIT}]{{1,6}})+")
_ZH_ORG = re.compile(r"[\u4e00-\u9fff]{1,6}(?:委员会|公司|集团|银行|组织)")
# "该公司", "该组织", "去年该航空公司", "本公司": a word pointing back at an organisation
# named before, not a name; 本 only right before the last word ("本田公司" is Honda).
_POINTING = re.compile(r"[该這这此其那]|本(?=委员会|公司|集团|银行|组织)")


def han_names(text: str) -> list[_Span]:
    """Dotted person names and organisations of a Chinese `text` (overlaps resolved by
    the caller)."""
    out: list[_Span] = [
        (m.start(), m.end(), "PERSON", m.group()) for m in _DOTTED_NAME.finditer(text)
    ]
    out += [
        (m.start(), m.end(), "ORG", m.group())
        for m in _ZH_ORG.finditer(text)
        if not _POINTING.search(m.group())
    ]
    return out


# A foreign name in katakana with "・" between its parts ("アリ・イェルリカヤ"): MeCab
# often tags only the first part 人名, so the dotted run is read whole.
_JA_DOTTED = re.compile(r"[ァ-ヶー]{2,}(?:・[ァ-ヶー]{2,})+")
# A minister is "<field>相" ("エネルギー相", "労働相"): a katakana field is the dotted run's
# last part ("ユセフ・アムラニ・エネルギー相"), not the name's.
_JA_MINISTER = ("相", "大臣", "長官")
# A katakana name right after the kind of body it is: "国営企業コデルコは".
_JA_KIND_ORG = re.compile(r"(?:企業|会社)(?P<o>[ァ-ヶー]{3,})")


def ja_dotted(text: str) -> list[tuple[int, int, str]]:
    """Dotted katakana names of a Japanese `text`: (start, end, name)."""
    out = []
    for m in _JA_DOTTED.finditer(text):
        name = m.group()
        if text.startswith(_JA_MINISTER, m.end()) and name.count("・") >= 2:
            name = name.rsplit("・", 1)[0]
        out.append((m.start(), m.start() + len(name), name))
    return out


def ja_kind_orgs(text: str) -> list[_Span]:
    """Organisations named right after their kind ("企業", "会社")."""
    return [(m.start("o"), m.end("o"), "ORG", m["o"]) for m in _JA_KIND_ORG.finditer(text)]


# A company's kind right before its name (session 16, from heldout5): "汽车制造商现代汽车将",
# "丹麦航运公司马士基将" (jieba's words); the kind is then no name itself ("丹麦航运公司").
_ZH_KINDS = ("制造商", "运营商", "开发商", "生产商", "供应商", "公司")
# jieba tags that end the name after the kind: adverbs, prepositions, verbs, conjunctions,
# particles, numerals, punctuation
_ZH_NAME_END = ("d", "p", "v", "c", "u", "m", "x", "r", "f")


def zh_kind_orgs(words: list[tuple[str, str, int]]) -> tuple[list[_Span], set[int]]:
    """Organisations named right after their kind, and the end offsets of those kinds
    (a span ending there is the kind, not a name)."""
    out: list[_Span] = []
    kinds: set[int] = set()
    for i, (w, f, p) in enumerate(words[:-1]):
        if not (f[:1] == "n" and w.endswith(_ZH_KINDS)) or words[i + 1][1] == "ns":
            continue
        j, end = i + 1, p + len(w)
        while j < len(words) and j - i <= 3 and not words[j][1].startswith(_ZH_NAME_END) \
                and words[j][0] not in _ZH_KINDS:  # fmt: skip
            end = words[j][2] + len(words[j][0])
            j += 1
        start = p + len(w)
        if j < len(words) and 2 <= end - start <= 8 and words[j][1].startswith(("d", "p", "v")):
            name = "".join(x for x, _, _ in words[i + 1 : j])
            out.append((start, end, "ORG", name))
            kinds.add(start)
    return out, kinds


# Without jieba, the name after its kind runs to the first word that ends a subject.
_ZH_KIND_PLAIN = re.compile(
    "(?:" + "|".join(_ZH_KINDS) + r")"
    # not a verb, adverb or time word after the kind ("公司表示", "该公司每周将运营")
    r"(?!表示|宣布|称|说|将|在|于|已|的|每|是|和|与|也|还|今|去|明|计划|预计|正在)"
    r"(?P<o>[\u4e00-\u9fff]{2,6}?)"
    r"(?=将|在|于|已|的|表示|宣布|称|说|，|。)"
)


def zh_kind_orgs_plain(text: str) -> tuple[list[_Span], set[int]]:
    """`zh_kind_orgs` on the characters alone, where jieba is not installed."""
    found = [m for m in _ZH_KIND_PLAIN.finditer(text) if not _POINTING.match(m["o"])]
    spans: list[_Span] = [(m.start("o"), m.end("o"), "ORG", m["o"]) for m in found]
    return spans, {m.start("o") for m in found}
