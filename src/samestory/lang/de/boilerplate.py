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
]
