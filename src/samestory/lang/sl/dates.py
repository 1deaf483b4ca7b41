"""Date words for 'sl': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

# Slovenian months decline regularly and dateparser lists only the nominative: the
# genitive of a date ("15. januarja") and the locative of "v maju", with the fleeting
# e of the -er months dropped ("septembra").
_NOMINATIVE = (
    "januar", "februar", "marec", "april", "maj", "junij", "julij", "avgust", "september",
    "oktober", "november", "december",
)  # fmt: skip


def _stem(month: str) -> str:
    if month.endswith("ec"):  # marec -> marca
        return month[:-2] + "c"
    if month.endswith("er"):  # september -> septembra
        return month[:-2] + "r"
    return month + "j" if month.endswith("ar") else month  # januar -> januarja


_STEMS = [_stem(m) for m in _NOMINATIVE]
_MONTHS = {stem + end: i for i, stem in enumerate(_STEMS, 1) for end in ("a", "u")}

DATES: dict[str, Any] = locale_dates(
    "sl",
    months={"maj": 5, **_MONTHS},
    weekdays={
        "ponedeljek": 0,
        "torek": 1,
        "sredo": 2,
        "četrtek": 3,
        "petek": 4,
        "soboto": 5,
        "nedeljo": 6,
    },
    relative={
        "danes": ("day", 0),
        "včeraj": ("day", -1),
        "jutri": ("day", 1),
        "prejšnji teden": ("week", -1),
        "lani": ("year", -1),
    },
    ago=("pred {n} {u}",),
    # Instrumental after "pred", dual and plural ("pred dvema tednoma", "pred tremi leti").
    units={
        "leti": ("year", 1),
        "letoma": ("year", 1),
        "letom": ("year", 1),
        "meseci": ("month", 1),
        "mesecema": ("month", 1),
        "mesecem": ("month", 1),
        "tedni": ("week", 1),
        "tednoma": ("week", 1),
        "tednom": ("week", 1),
        "dnevi": ("day", 1),
        "dnevoma": ("day", 1),
        "dnevom": ("day", 1),
    },
    month_cues=("v", "od", "do", "konec", "začetek", "sredi", "sredina"),
    day_suffix=r"\.",
)
