"""Italian boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes; see `samestory.ingest.clean` for how `BOILERPLATE` (short
lines and glued phrases) and `LINES` (whole lines only) apply, and
`samestory.ingest.screens` for `SCREENS` (consent and login screens).
"""

BOILERPLATE: list[str] = [
    # commenti
    r"(lascia|scrivi|aggiungi) un commento",
    r"(\d+ )?commenti",
    r"(accedi|effettua il login)( per commentare)?",
    # articoli correlati
    r"leggi (anche|di più|tutto|l'articolo)",
    r"potrebbe (anche )?interessarti",
    r"articoli correlati",
    r"(ti potrebbero|potrebbero) interessare( anche)?",
    r"(i )?più letti",
    r"(argomenti|tag)",
    r"continua a leggere",
    # condivisione
    r"condividi( su| questo articolo)?",
    r"stampa( l'articolo)?",
    r"invia per e-?mail",
    r"seguici( su)?",
    # abbonamenti
    r"iscriviti( alla [\w ]{0,30}newsletter)?",
    r"abbonati( ora)?",
    # pubblicità
    r"pubblicità",
    r"contenuto sponsorizzato",
    r"clicca qui",
    # crediti
    r"[^\n]{0,100}tutti i diritti riservati\.?",
    r"(foto|immagine|credito fotografico)",
    # pagina
    r"(pubblicato|aggiornato)( il)? \d[^\n]{0,80}",
    r"tempo di lettura",
]

LINES: list[str] = [
    r"[^\n]{0,120}\biscriviti\b[^\n]{0,80}\bnewsletter\b[^\n]{0,80}",
    r"[^\n]{0,80}\bnewsletter\b[^\n]{0,80}\biscriviti\b[^\n]{0,80}",
]

SCREENS: list[str] = [
    r"\bcookie\b",
    r"\b(password|registrazione|accedi|effettua il login|iscriviti)\b",
    r"\bconsenso\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"leggi anche",
    r"articoli correlati",
    r"potrebbe (anche )?interessarti",
    r"(i )?più letti",
]
