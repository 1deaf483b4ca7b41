"""French name resources: titles stripped from name spans, name particles, demonyms.

Demonyms are listed in the masculine singular and inflected by `_inflect`, so
"israélien" also yields "israélienne", "israéliens", "israéliennes".
"""

from __future__ import annotations

from typing import Any

# fmt: off
_TITLES = {
    "m", "mm", "mme", "mmes", "mlle", "monsieur", "madame", "mademoiselle", "dr", "docteur",
    "docteure", "pr", "professeur", "professeure", "me", "maître", "président", "présidente",
    "vice-président", "vice-présidente", "ministre", "premier", "première", "chef", "cheffe",
    "porte-parole", "secrétaire", "sous-secrétaire", "général", "générale", "colonel",
    "lieutenant-colonel", "commandant", "capitaine", "lieutenant", "sergent", "caporal",
    "amiral", "vice-amiral", "contre-amiral", "maréchal", "brigadier", "major", "sénateur",
    "sénatrice", "député", "députée", "maire", "ambassadeur", "ambassadrice", "roi", "reine",
    "prince", "princesse", "pape", "cheikh", "émir", "ayatollah", "imam", "rabbin", "juge",
    "procureur", "procureure", "gouverneur", "gouverneure", "chancelier", "chancelière",
    "directeur", "directrice", "patron", "patronne", "homologue", "dirigeant", "dirigeante",
    "leader", "commissaire", "conseiller", "conseillère", "délégué", "déléguée", "envoyé",
    "envoyée", "émissaire", "responsable", "sieur", "feu", "lord", "sir", "mgr", "monseigneur",
    "abbé", "père", "frère", "sœur", "chef d'état-major", "président-directeur", "pdg",
}
# Portfolio and office words: stripped only after a title ("ministre de la Défense
# Benny Gantz"), and a span made only of them ("Défense") is not a name.
_TITLE_WORDS = {
    "défense", "armées", "armée", "finances", "affaires", "étrangères", "intérieur",
    "économie", "justice", "santé", "éducation", "sécurité", "nationale", "national",
    "extérieur", "budget", "travail", "culture", "agriculture", "environnement", "énergie",
    "transports", "commerce", "industrie", "numérique", "logement", "outre-mer", "sports",
    "état-major", "gouvernement", "état", "république", "diplomatie", "renseignement",
    "police", "gendarmerie", "frontières", "adjoint", "adjointe", "délégué", "déléguée",
    "intérim", "exécutif", "sortant", "sortante", "ancien", "ancienne", "nouveau", "nouvelle",
    "actuel", "actuelle", "futur", "future", "pays", "région", "parlement", "fédéral",
    "fédérale", "vice", "premier", "chef", "ministère", "conseil",
}
_FUNCTION_WORDS = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "en", "et",
    "ou", "à", "a", "pour", "par", "sur", "dans", "avec", "sans", "ce", "cet", "cette", "ces",
    "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
    "qui", "que", "qu'", "quoi", "dont", "où", "selon", "lors", "après", "avant", "depuis",
    "pendant", "mais", "donc", "or", "ni", "car", "comme", "si", "s'", "il", "elle", "ils",
    "elles", "on", "nous", "vous", "je", "j'", "tu", "lui", "eux", "ceci", "cela", "ça",
    "tout", "tous", "toute", "toutes", "chez", "entre", "vers", "contre", "sous", "cependant",
    "toutefois", "ainsi", "alors", "puis", "enfin", "aussi", "déjà", "encore", "très", "plus",
    "moins", "non", "oui", "y", "n'", "ne", "pas", "c'", "ici", "là", "quand", "lorsque",
    "puisque", "parce", "malgré", "outre", "dès", "jusqu'", "jusque", "certes", "pourtant",
    "officiellement", "mme.", "hier", "aujourd'hui", "demain", "celui", "celle",
    "ceux", "celles", "autre", "autres", "même", "mêmes", "quel", "quelle", "quels",
    "quelles", "chaque", "plusieurs", "certains", "certaines", "aucun", "aucune", "voici",
    "voilà", "d’", "l’", "qu’", "s’", "n’", "c’", "j’",
}
_PRONOUNS = {
    "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "lui", "eux", "celui-ci",
    "celle-ci", "ceux-ci", "lequel", "laquelle",
}
# Capitalised common nouns that are never an entity on their own.
_NON_NAMES = {
    "état", "états", "etat", "etats", "gouvernement", "président", "présidente", "ministre",
    "république", "parlement", "pays", "région", "ville", "capitale", "nation", "armée",
    "monde", "premier", "première", "nord", "sud", "est", "ouest", "centre", "occident",
    "orient", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "dieu", "internet", "web", "covid", "ministère",
    "conseil", "assemblée", "sénat", "cour", "tribunal", "justice", "police", "défense",
    "selon", "mais", "ainsi", "officiellement", "puis", "laisser", "lire", "photo", "crédit",
    "afp", "reuters", "ap",
}
_CONNECTORS = {"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"}
_PARTICLES = {"de", "du", "des", "d'", "d’", "le", "la"}
_ORG_CUES = {
    "ministère", "agence", "banque", "chu", "institut", "université", "organisation", "office",
    "commission", "conseil", "assemblée", "parti", "société", "groupe", "compagnie",
    "fondation", "association", "fédération", "union", "service", "direction", "tribunal",
    "cour", "comité", "forces", "armée", "police", "gendarmerie", "sa", "sas", "sarl",
    "école", "hôpital", "centre", "syndicat", "ligue", "club", "bureau", "gouvernement",
    "parlement", "sénat", "observatoire", "autorité", "haut-commissariat", "cabinet",
    "entreprise", "holding", "consortium", "mouvement", "front", "alliance", "coalition",
    # Clubs, airports, colleges named after their town are organisations, not places.
    "fc", "aéroport", "lycée", "collège",
}

_DEMONYM_BASES = {
    "AF": "afghan", "ZA": "sud-africain", "AL": "albanais", "DZ": "algérien", "DE": "allemand",
    "US": ("américain", "états-unien", "étatsunien"), "SA": "saoudien", "AR": "argentin",
    "AM": "arménien", "AU": "australien", "AT": "autrichien",
    "AZ": ("azerbaïdjanais", "azéri"), "BH": "bahreïni", "BD": "bangladais", "BE": "belge",
    "BY": "biélorusse", "MM": "birman", "BO": "bolivien", "BA": "bosnien", "BR": "brésilien",
    "GB": ("britannique", "anglais", "écossais", "gallois"), "BG": "bulgare",
    "KH": "cambodgien", "CM": "camerounais", "CA": "canadien", "CL": "chilien",
    "CN": "chinois", "CY": "chypriote", "CO": "colombien", "CD": "congolais",
    "KR": ("sud-coréen", "coréen"), "KP": "nord-coréen", "CI": "ivoirien", "HR": "croate",
    "CU": "cubain", "DK": "danois", "EG": "égyptien", "AE": "émirati", "EC": "équatorien",
    "ER": "érythréen", "ES": "espagnol", "EE": "estonien", "ET": "éthiopien",
    "FI": "finlandais", "FR": "français", "GE": "géorgien", "GH": "ghanéen", "HT": "haïtien",
    "HU": "hongrois", "IN": "indien", "ID": "indonésien", "IQ": "irakien", "IR": "iranien",
    "IE": "irlandais", "IS": "islandais", "IL": "israélien", "IT": "italien",
    "JP": "japonais", "JO": "jordanien", "KZ": "kazakh", "KE": "kényan", "KG": "kirghize",
    "KW": "koweïtien", "LA": "laotien", "LV": "letton", "LB": "libanais", "LY": "libyen",
    "LT": "lituanien", "LU": "luxembourgeois", "MK": "macédonien", "MY": "malaisien",
    "ML": "malien", "MT": "maltais", "MA": "marocain", "MX": "mexicain", "MD": "moldave",
    "MN": "mongol", "ME": "monténégrin", "NP": "népalais", "NI": "nicaraguayen",
    "NE": "nigérien", "NG": "nigérian", "NO": "norvégien", "NZ": "néo-zélandais",
    "OM": "omanais", "UG": "ougandais", "UZ": "ouzbek", "PK": "pakistanais",
    "PS": "palestinien", "PA": "panaméen", "PY": "paraguayen", "NL": ("néerlandais",
    "hollandais"), "PE": "péruvien", "PH": "philippin", "PL": "polonais", "PT": "portugais",
    "QA": "qatari", "RO": "roumain", "RU": "russe", "RW": "rwandais", "SN": "sénégalais",
    "RS": "serbe", "SG": "singapourien", "SK": "slovaque", "SI": "slovène", "SO": "somalien",
    "SD": "soudanais", "SS": "sud-soudanais", "LK": "sri-lankais", "SE": "suédois",
    "CH": "suisse", "SY": "syrien", "TJ": "tadjik", "TW": "taïwanais", "TZ": "tanzanien",
    "TD": "tchadien", "CZ": "tchèque", "TH": "thaïlandais", "TN": "tunisien",
    "TM": "turkmène", "UA": "ukrainien", "UY": "uruguayen", "VE": "vénézuélien",
    "VN": "vietnamien", "YE": "yéménite", "XK": "kosovar", "GR": "grec", "TR": "turc",
}
_IRREGULAR = {
    "grecque": "GR", "grecques": "GR", "turque": "TR", "turques": "TR", "turcs": "TR",
    "grecs": "GR", "mongole": "MN", "mongoles": "MN", "mongols": "MN", "thaï": "TH",
    "thaïe": "TH", "thaïs": "TH", "kosovars": "XK", "kosovare": "XK",
}
_COUNTRY_NAMES = {
    "Corée du Sud": "KR", "Corée du Nord": "KP", "Grande-Bretagne": "GB", "Angleterre": "GB",
    "Écosse": "GB", "Hollande": "NL", "Tchéquie": "CZ", "République tchèque": "CZ",
    "Bosnie": "BA",
    "Birmanie": "MM", "Biélorussie": "BY", "Moldavie": "MD", "Syrie": "SY", "Russie": "RU",
    "Vatican": "VA", "Palestine": "PS", "Taïwan": "TW", "Kosovo": "XK", "Iran": "IR",
    "Laos": "LA", "Bolivie": "BO", "Venezuela": "VE", "Tanzanie": "TZ", "Macédoine": "MK",
    "Macédoine du Nord": "MK", "Émirats": "AE", "Émirats arabes unis": "AE",
    "Arabie saoudite": "SA", "Afrique du Sud": "ZA", "RDC": "CD", "Congo-Kinshasa": "CD",
    "Turkménistan": "TM", "Viêt Nam": "VN", "Vietnam": "VN", "Côte d'Ivoire": "CI",
}
_CITY_NAMES = {
    "Pékin": "Beijing", "Varsovie": "Warsaw", "Kiev": "Kyiv", "Le Caire": "Cairo",
    "Tiflis": "Tbilisi", "La Haye": "The Hague", "Bâle": "Basel", "Anvers": "Antwerp",
    "Mayence": "Mainz", "Aix-la-Chapelle": "Aachen", "Saragosse": "Zaragoza",
    "Le Cap": "Cape Town", "Nouvelle-Delhi": "New Delhi", "New Delhi": "New Delhi",
    "Djeddah": "Jeddah", "La Mecque": "Makkah", "Beyrouth": "Beirut", "Erevan": "Yerevan",
    "Cologne": "Köln", "Francfort": "Frankfurt am Main", "Cracovie": "Kraków",
    "Dantzig": "Gdańsk", "Smyrne": "İzmir", "La Havane": "Havana", "Djakarta": "Jakarta",
    "Bombay": "Mumbai", "Calcutta": "Kolkata", "Abou Dhabi": "Abu Dhabi", "Lvov": "Lviv",
    "Kichinev": "Chisinau", "Alger": "Algiers", "Rome": "Rome",
}
_REGION_NAMES = {
    "Europe": "Europe", "Asie": "Asia", "Afrique": "Africa",
    "Amérique du Nord": "North America", "Amérique du Sud": "South America",
    "Amérique latine": "Latin America", "Moyen-Orient": "Middle East",
    "Proche-Orient": "Middle East", "Caucase": "Caucasus", "Caucase du Sud": "South Caucasus",
    "Balkans": "Balkans", "Méditerranée": "Mediterranean", "mer Méditerranée": "Mediterranean",
    "mer Noire": "Black Sea", "mer Caspienne": "Caspian Sea", "mer Rouge": "Red Sea",
    "mer Baltique": "Baltic Sea", "mer du Nord": "North Sea", "Atlantique": "Atlantic Ocean",
    "océan Atlantique": "Atlantic Ocean", "Pacifique": "Pacific Ocean",
    "océan Pacifique": "Pacific Ocean", "océan Indien": "Indian Ocean", "Arctique": "Arctic",
    "bande de Gaza": "Gaza Strip", "Cisjordanie": "West Bank", "Crimée": "Crimea",
    "Donbass": "Donbas", "Haut-Karabakh": "Nagorno-Karabakh", "Karabakh": "Nagorno-Karabakh",
    "Cachemire": "Kashmir", "Sahel": "Sahel", "golfe Persique": "Persian Gulf",
    "Scandinavie": "Scandinavia", "Sibérie": "Siberia", "Kurdistan": "Kurdistan",
    "Tigré": "Tigray", "Darfour": "Darfur", "plateau du Golan": "Golan Heights",
    "Golan": "Golan Heights",
}
# fmt: on


def _inflect(base: str) -> list[str]:
    """Masculine singular -> the four forms (israélien/ne/s/nes, russe/s, français/e/es)."""
    if base.endswith(("en", "on")):
        return [base, base + "ne", base + "s", base + "nes"]
    if base.endswith(("s", "x")):
        return [base, base + "e", base + "es"]
    if base.endswith("e"):
        return [base, base + "s"]
    return [base, base + "e", base + "s", base + "es"]


def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, bases in _DEMONYM_BASES.items():
        for base in (bases,) if isinstance(bases, str) else bases:
            for form in _inflect(base):
                out.setdefault(form, code)
    out.update(_IRREGULAR)
    return out


# Common words that are also (alternate) place names: never a place on their own.
_COMMON_WORDS = {"tour", "lime"}

NAMES: dict[str, Any] = {
    "titles": _TITLES,
    "title_suffixes": (),
    "title_words": _TITLE_WORDS,
    "function_words": _FUNCTION_WORDS,
    "pronouns": _PRONOUNS,
    "non_names": _NON_NAMES,
    "common_words": _COMMON_WORDS,
    "connectors": _CONNECTORS,
    "particles": _PARTICLES,
    "org_cues": _ORG_CUES,
    "org_suffixes": ("sa", "sas", "sarl", "se"),
    "demonyms": _demonyms(),
    "demonyms_capitalised": False,
    "country_names": _COUNTRY_NAMES,
    "city_names": _CITY_NAMES,  # exonyms unlike the English name -> English name
    "region_names": _REGION_NAMES,  # continents, seas, disputed regions -> English name
}
