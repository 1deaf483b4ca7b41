"""Polish boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes; see `samestory.ingest.clean` for how `BOILERPLATE` (short
lines and glued phrases) and `LINES` (whole lines only) apply, and
`samestory.ingest.screens` for `SCREENS` (consent and login screens).
"""

BOILERPLATE: list[str] = [
    # komentarze
    r"(dodaj|napisz) komentarz",
    r"(\d+ )?komentarz(e|y)?",
    r"zaloguj się( aby skomentować)?",
    # powiązane
    r"czytaj (też|także|również|więcej|dalej)",
    r"zobacz (też|także|również|więcej)",
    r"zobacz wideo",
    r"dowiedz się więcej",
    r"polecamy",
    r"(najczęściej )?(czytane|komentowane)",
    r"ten tekst przeczytasz w [^\n]{1,40}",
    r"(tagi|tematy)",
    # udostępnianie
    r"udostępnij( na| artykuł)?",
    r"drukuj",
    r"obserwuj nas( na)?",
    # subskrypcje
    r"(zapisz się|subskrybuj)( do newslettera)?",
    # reklamy
    r"reklama",
    r"artykuł sponsorowany",
    r"kliknij tutaj",
    # prawa i podpisy zdjęć
    r"[^\n]{0,100}wszelkie prawa zastrzeżone\.?",
    r"(fot\.|foto|zdjęcie|źródło)",
    # strona
    r"(opublikowano|aktualizacja)( dnia)?:? \d[^\n]{0,80}",
]

LINES: list[str] = [
    r"fot\. [^\n]{1,100}",
    r"zobacz wideo:?\s[^\n]{0,150}",  # the video teaser's title follows on the same line
    r"[^\n]{0,120}\b(zapisz się|subskrybuj)\b[^\n]{0,80}\bnewslet\w*[^\n]{0,80}",
]

SCREENS: list[str] = [
    r"\bcookies?\b|\bciasteczk",
    r"\b(hasło|hasła|zaloguj|zarejestruj|rejestracj)",
    r"\b(zgod[aęy]|prywatności)\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"czytaj (też|także|również|więcej)",
    r"zobacz (też|także|również)",
    r"polecamy",
    r"najczęściej czytane",
]
