"""Finnish boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes; see `samestory.ingest.clean` for how `BOILERPLATE` (short
lines and glued phrases) and `LINES` (whole lines only) apply, and
`samestory.ingest.screens` for `SCREENS` (consent and login screens).
"""

BOILERPLATE: list[str] = [
    # kommentit
    r"(kommentoi|jätä kommentti|kirjoita kommentti)",
    r"(\d+ )?kommentti(a)?",
    r"kirjaudu( sisään)?( kommentoidaksesi)?",
    # aiheeseen liittyvät
    r"lue (myös|lisää|aiheesta lisää)",
    r"lue aiheesta( lisää)?",
    r"katso (myös|lisää)",
    r"aiheeseen liittyvät?( artikkelit| uutiset)?",
    r"(luetuimmat|suosituimmat)",
    r"(aiheet|avainsanat)",
    # jakaminen
    r"jaa( artikkeli| facebookissa| twitterissä)?",
    r"tulosta",
    r"seuraa meitä( somessa)?",
    # tilaukset
    r"tilaa( uutiskirje| nyt)?",
    # mainokset
    r"mainos",
    r"kaupallinen yhteistyö",
    r"klikkaa tästä",
    # oikeudet ja kuvat
    r"(kuva|kuvat|video)",
    # sivu
    r"(julkaistu|päivitetty) \d[^\n]{0,80}",
]

LINES: list[str] = [
    r"[^\n]{0,120}\btilaa\b[^\n]{0,80}\buutiskirje\w*[^\n]{0,80}",
]

SCREENS: list[str] = [
    r"\bevästei",
    r"\b(salasana|kirjaudu|rekisteröidy|rekisteröityminen)",
    r"\b(suostumu|yksityisyy)",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"lue (myös|lisää)",
    r"lue aiheesta( lisää)?",
    r"aiheeseen liittyvät?( artikkelit| uutiset)?",
    r"luetuimmat",
]
