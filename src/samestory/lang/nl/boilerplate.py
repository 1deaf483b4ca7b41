"""Dutch boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes; see `samestory.ingest.clean` for how `BOILERPLATE` (short
lines and glued phrases) and `LINES` (whole lines only) apply, and
`samestory.ingest.screens` for `SCREENS` (consent and login screens).
"""

BOILERPLATE: list[str] = [
    # reacties
    r"(plaats een|schrijf een) reactie",
    r"(\d+ )?reacties?",
    r"(log in|inloggen)( om te reageren)?",
    # gerelateerd
    r"lees (ook|meer|verder)",
    r"bekijk (ook|meer)",
    r"(gerelateerde|meer) (artikelen|nieuws)",
    r"meest gelezen",
    r"(onderwerpen|tags)",
    # delen
    r"(deel|delen)( dit artikel| op| via)?",
    r"printen",
    r"volg ons( op)?",
    # abonnementen
    r"(abonneer|schrijf je in)( op (onze|de) [\w ]{0,30}nieuwsbrief)?",
    r"nieuwsbrief",
    # advertenties
    r"advertentie",
    r"gesponsord",
    r"klik hier",
    # rechten
    r"[^\n]{0,100}alle rechten voorbehouden\.?",
    r"(foto|beeld|afbeelding)",
    # pagina
    r"(gepubliceerd|bijgewerkt)( op)? \d[^\n]{0,80}",
    r"leestijd",
]

LINES: list[str] = [
    r"[^\n]{0,120}\b(abonneer|schrijf je in|meld je aan)\b[^\n]{0,80}\bnieuwsbrief\b[^\n]{0,80}",
]

SCREENS: list[str] = [
    r"\bcookies?\b",
    r"\b(wachtwoord|inloggen|registreer|registratie|account aanmaken)\b",
    r"\b(toestemming|privacy)\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"lees ook",
    r"bekijk ook",
    r"(gerelateerde|meer) (artikelen|nieuws)",
    r"meest gelezen",
]
