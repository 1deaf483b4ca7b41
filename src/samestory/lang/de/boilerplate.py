"""German boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes for phrases; see `samestory.ingest.clean` for how they apply.
"""

BOILERPLATE: list[str] = [
    # Kommentare
    r"kommentar (schreiben|verfassen|abgeben)",
    r"(\d+ )?kommentare?",
    r"kommentieren",
    r"(jetzt )?(anmelden|einloggen)( und mitdiskutieren)?",
    # verwandte Artikel
    r"lesen sie (auch|mehr|hier)",
    r"auch interessant",
    r"das könnte sie auch interessieren",
    r"mehr zum thema( [\w ]{1,30})?",
    r"zum thema",
    r"weiterlesen",
    r"weitere (artikel|nachrichten|meldungen)",
    r"meistgelesen(e artikel)?",
    r"(themen|schlagworte)",
    # Teilen
    r"(diesen )?artikel teilen",
    r"teilen( auf| per)?",
    r"(artikel )?drucken",
    r"per e-?mail (senden|teilen|versenden|verschicken)",
    r"link kopieren",
    r"folgen sie uns( auf)?",
    # Abos und Newsletter
    r"(jetzt )?(newsletter )?abonnieren",
    r"(zum|für unseren) newsletter anmelden",
    r"melden sie sich für unseren [\w ]{0,30}newsletter an",
    r"newsletter",
    # Werbung
    r"anzeige",
    r"werbung",
    r"gesponsert",
    r"(hier|bitte hier) klicken|klicken sie hier",
    # Cookies
    r"(diese|unsere) (website|webseite|seite|internetseite) (verwendet|nutzt) cookies\b.*",
    r"wir (verwenden|nutzen) cookies\b.*",
    r"alle (akzeptieren|ablehnen)",
    r"akzeptieren( und schließen)?",
    r"ablehnen",
    r"cookie-einstellungen|datenschutzeinstellungen",
    # Rechte und Bildnachweise
    r"[^\n]{0,100}alle rechte vorbehalten\.?",
    r"(foto|fotos|bild|bilder|bildquelle|bildnachweis|video)",
    # Seitenelemente
    r"(zur )?startseite",
    r"(veröffentlicht|aktualisiert)( am)? \d[^\n]{0,80}",
    r"lesezeit",
    r"\d+ min(uten)? lesezeit",
    # Mediatheken, Bildnachweise, verwandte Links
    r"video verfügbar bis [^\n]{1,40}",
    r"(zur )?merkliste hinzugefügt!?",
    r"gemerkt auf [^\n]{1,40}",
    r"merken( beendet)?",
    r"bewertet!?|bewertung entfernt",
    r"embed-code kopieren",
    r"(rubriklistenbild|titelbild|artikelbild|bildquelle|quelle|fotos?|bild)",
    r"auch lesen",
    r"mehr themen",
    r"weitere (beiträge|artikel|informationen|themen)[\w ]{0,40}",
    r"sie sind (aktuell )?nicht eingeloggt\.?",
    r"keine kommentare",
    r"kategorie",
    r"bild anzeigen",
    r"(empfohlene|ähnliche|verwandte) (beiträge|artikel)",
    r"lust auf mehr\?",
    r"quellenangaben|quellen",
    r"kontakt|telefon|fax",
    r"veröffentlichung",
    r"(vorschau auf den )?nächsten? (artikel|beitrag)",
]

LINES: list[str] = [
    r"[^\n]{0,120}\b(newsletter|rundbrief)\b[^\n]{0,80}\b(anmelden|abonnieren|erhalten sie|bestellen)\b[^\n]{0,80}",  # noqa: E501
    r"[^\n]{0,80}\b(anmelden|abonnieren|bestellen)\b[^\n]{0,80}\bnewsletter\b[^\n]{0,80}",
    r"mit unserem newsletter [^\n]{0,200}",
    r"mit der registrierung akzeptieren sie [^\n]{0,200}",
    r"[^\n]{0,60}\b(beitrag|artikel) enthält (werbung|affiliate-links)[^\n]{0,120}",
]

SCREENS: list[str] = [
    r"\bcookies?\b",
    r"\b(passwort|registrierung|registrieren|anmeldung|einloggen|eingeloggt|altersprüfung|benutzerkonto)",
    r"\b(einwilligung|zustimmung|datenschutzeinstellungen|widersprechen)\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"lesen sie (auch|mehr|hier)",
    r"auch interessant",
    r"das könnte sie auch interessieren",
    r"mehr zum thema( [\w .]{1,30})?",
    r"weitere (artikel|beiträge|nachrichten|meldungen|themen)( zum thema| aus [\w ]{1,30})?",
    r"(empfohlene|ähnliche|verwandte) (beiträge|artikel)",
    r"mehr themen",
    r"auch lesen",
    r"kommentierte artikel",
]
