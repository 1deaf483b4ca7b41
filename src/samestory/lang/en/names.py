"""English name resources: titles stripped from name spans, name particles, demonyms.

English demonyms are capitalised ("Israeli", "Polish"), and only match capitalised
words, so the verb "polish" or the bird "turkey" never become a country.
"""

from __future__ import annotations

from typing import Any

# fmt: off
_TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice-president", "vice", "prime", "minister", "premier", "chancellor",
    "secretary", "undersecretary", "general", "gen", "colonel", "col", "lieutenant", "lt",
    "major", "maj", "captain", "capt", "commander", "admiral", "adm", "marshal", "sergeant",
    "sgt", "brigadier", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "governor", "gov", "mayor", "ambassador", "envoy", "king", "queen",
    "prince", "princess", "pope", "sheikh", "emir", "ayatollah", "imam", "rabbi", "judge",
    "justice", "chief", "spokesman", "spokeswoman", "spokesperson", "director", "ceo",
    "chairman", "chairwoman", "chair", "leader", "head", "counterpart", "officer", "official",
    "deputy", "acting", "former", "late", "rev", "reverend", "father", "brother",
    "sister", "mp", "mep", "attorney", "prosecutor", "commissioner", "presidential",
    "executive", "cfo", "coo", "cto", "founder", "co-founder", "runner", "striker", "coach",
}
_TITLE_WORDS = {
    "defence", "defense", "foreign", "affairs", "interior", "home", "finance", "economy",
    "health", "education", "security", "national", "state", "trade", "energy", "transport",
    "agriculture", "environment", "culture", "labour", "labor", "treasury", "border",
    "service", "staff", "of", "the", "for", "and", "general", "armed", "forces", "army",
    "navy", "minister", "ministry", "government", "new", "incoming", "outgoing", "country",
}
_FUNCTION_WORDS = {
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "but", "if", "when", "while", "after", "before", "since", "during", "this", "that",
    "these", "those", "his", "her", "its", "their", "our", "your", "my", "he", "she", "it",
    "they", "we", "you", "i", "him", "them", "us", "who", "whom", "which", "what", "where",
    "why", "how", "according", "also", "however", "meanwhile", "yet", "so", "then", "there",
    "here", "not", "no", "yes", "all", "some", "any", "each", "every", "both", "other",
    "another", "such", "about", "over", "under", "between", "against", "into", "through",
    "last", "next", "'s", "’s", "officially", "still", "even", "only", "just", "now",
    "today", "yesterday", "tomorrow", "is", "was", "are", "were", "has", "had", "have",
}
_PRONOUNS = {"he", "she", "it", "they", "we", "you", "i", "him", "her", "them", "us", "me"}
_NON_NAMES = {
    "state", "states", "government", "president", "minister", "republic", "parliament",
    "country", "region", "city", "capital", "nation", "army", "world", "north", "south",
    "east", "west", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "god", "internet", "covid", "ministry",
    "congress", "senate", "court", "police", "defence", "defense", "reuters", "afp", "ap",
    "photo", "read", "more", "advertisement", "today", "yesterday", "tomorrow", "gmt", "utc",
    "bst", "cet", "est", "pst", "celsius", "fahrenheit",
}
_CONNECTORS = {"of", "the", "for", "de", "van", "von", "der", "del", "la", "al", "bin"}
_PARTICLES = {"van", "von", "der", "den", "de", "del", "da", "di", "bin", "ibn", "al", "el"}
_ORG_CUES = {
    "ministry", "agency", "bank", "institute", "university", "organisation", "organization",
    "office", "commission", "council", "assembly", "party", "company", "group", "corp",
    "corporation", "foundation", "association", "federation", "union", "service", "department",
    "court", "committee", "forces", "army", "police", "school", "hospital", "center", "centre",
    "league", "club", "bureau", "government", "parliament", "senate", "authority", "board",
    "fund", "network", "news", "times", "post", "airlines", "airways", "motors", "industries",
    "holdings", "systems", "technologies", "movement", "front", "alliance", "coalition",
    "guard", "navy", "command", "administration", "publishing", "media",
    # Studios and teams: "Warner Bros.", "Epic Games", "Alfa Romeo Racing", "Red Bull Team".
    "bros", "games", "studios", "pictures", "entertainment", "racing", "team",
    # Clubs, airports, colleges named after their town are organisations, not places.
    "fc", "airport", "college",
}

_DEMONYMS_BY_CODE = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AO": "Angolan",
    "AR": ("Argentine", "Argentinian"), "AM": "Armenian", "AU": "Australian", "AT": "Austrian",
    "AZ": ("Azerbaijani", "Azeri"), "BH": "Bahraini", "BD": "Bangladeshi",
    "BY": ("Belarusian", "Belarussian"), "BE": "Belgian", "BO": "Bolivian", "BA": "Bosnian",
    "BR": "Brazilian", "BG": "Bulgarian", "KH": "Cambodian", "CM": "Cameroonian",
    "CA": "Canadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "CD": "Congolese",
    "HR": ("Croatian", "Croat"), "CU": "Cuban", "CY": "Cypriot", "CZ": ("Czech", "Czechs"),
    "DK": ("Danish", "Dane"), "EG": "Egyptian", "EE": "Estonian", "ET": "Ethiopian",
    "ER": "Eritrean", "FI": ("Finnish", "Finn"), "FR": ("French", "Frenchman", "Frenchmen",
    "Frenchwoman"), "GE": "Georgian", "DE": "German", "GH": "Ghanaian", "GR": "Greek",
    "HT": "Haitian", "HU": "Hungarian", "IS": ("Icelandic", "Icelander"), "IN": "Indian",
    "ID": "Indonesian", "IR": "Iranian", "IQ": "Iraqi", "IE": ("Irish", "Irishman"),
    "IL": "Israeli", "IT": "Italian", "CI": "Ivorian", "JP": "Japanese", "JO": "Jordanian",
    "KZ": ("Kazakh", "Kazakhstani"), "KE": "Kenyan", "KP": "North Korean",
    "KR": ("South Korean", "Korean"), "XK": ("Kosovar", "Kosovan"), "KW": "Kuwaiti",
    "KG": "Kyrgyz", "LA": "Laotian", "LV": "Latvian", "LB": "Lebanese", "LY": "Libyan",
    "LT": "Lithuanian", "MK": "Macedonian", "MY": "Malaysian", "ML": "Malian", "MT": "Maltese",
    "MX": "Mexican", "MD": "Moldovan", "MN": "Mongolian", "ME": "Montenegrin",
    "MA": "Moroccan", "MM": "Burmese", "NP": "Nepali", "NL": ("Dutch", "Dutchman", "Dutchmen"),
    "NZ": "New Zealander", "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian",
    "NO": "Norwegian", "OM": "Omani", "PK": "Pakistani", "PS": "Palestinian",
    "PA": "Panamanian", "PY": "Paraguayan", "PE": "Peruvian", "PH": ("Filipino", "Philippine"),
    "PL": ("Polish", "Pole"), "PT": "Portuguese", "QA": "Qatari", "RO": "Romanian",
    "RU": "Russian", "RW": "Rwandan", "SA": ("Saudi", "Saudi Arabian"), "SN": "Senegalese",
    "RS": ("Serbian", "Serb"), "SG": "Singaporean", "SK": "Slovak", "SI": ("Slovenian",
    "Slovene"), "SO": "Somali", "ZA": "South African", "SS": "South Sudanese",
    "ES": ("Spanish", "Spaniard"), "LK": "Sri Lankan", "SD": "Sudanese",
    "SE": ("Swedish", "Swede"), "CH": "Swiss", "SY": "Syrian", "TW": "Taiwanese",
    "TJ": "Tajik", "TZ": "Tanzanian", "TH": "Thai", "TN": "Tunisian", "TR": ("Turkish", "Turk"),
    "TM": "Turkmen", "UG": "Ugandan", "UA": "Ukrainian", "AE": "Emirati",
    "GB": ("British", "Briton", "English", "Scottish", "Welsh", "Brit"),
    "US": "American", "UY": "Uruguayan", "UZ": "Uzbek", "VE": "Venezuelan",
    "VN": "Vietnamese", "YE": "Yemeni", "ZW": "Zimbabwean",
}
_COUNTRY_NAMES = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US",
    "United States of America": "US", "UK": "GB", "U.K.": "GB", "Britain": "GB",
    "Great Britain": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "UAE": "AE", "Emirates": "AE", "DRC": "CD", "DR Congo": "CD", "Holland": "NL",
    "Bosnia": "BA",
    "Czech Republic": "CZ", "Burma": "MM", "Türkiye": "TR", "Ivory Coast": "CI",
    "South Korea": "KR", "North Korea": "KP", "Russia": "RU", "Syria": "SY", "Iran": "IR",
    "Vatican": "VA", "Palestine": "PS", "Kosovo": "XK", "Taiwan": "TW",
}
_CITY_NAMES = {
    "Peking": "Beijing", "Kiev": "Kyiv", "Bombay": "Mumbai", "Calcutta": "Kolkata",
    "Madras": "Chennai", "Rangoon": "Yangon", "Saigon": "Ho Chi Minh City",
    "Canton": "Guangzhou", "Mecca": "Makkah", "Cologne": "Köln", "Saragossa": "Zaragoza",
    "Lvov": "Lviv", "New York": "New York City", "Kharkov": "Kharkiv",
}
_REGION_NAMES = {
    name: name
    for name in (
        "Europe", "Asia", "Africa", "North America", "South America", "Latin America",
        "Middle East", "Caucasus", "South Caucasus", "Balkans", "Mediterranean", "Black Sea",
        "Caspian Sea", "Red Sea", "Baltic Sea", "North Sea", "Atlantic Ocean",
        "Pacific Ocean", "Indian Ocean", "Arctic", "Gaza Strip", "West Bank", "Crimea",
        "Donbas", "Nagorno-Karabakh", "Kashmir", "Sahel", "Persian Gulf", "Scandinavia",
        "Siberia", "Kurdistan", "Tigray", "Darfur", "Golan Heights",
    )
} | {
    "Near East": "Middle East", "Mediterranean Sea": "Mediterranean", "Baltic": "Baltic Sea",
    "Atlantic": "Atlantic Ocean", "Pacific": "Pacific Ocean", "Donbass": "Donbas",
    "Karabakh": "Nagorno-Karabakh", "Golan": "Golan Heights",
}
# fmt: on


def _plural(form: str) -> str | None:
    """ "Israeli" -> "Israelis"; adjective-only forms ("Swiss", "Polish", "Chinese") have none."""
    if form.endswith(("s", "sh", "ch", "ese", "z", "x", "men")):
        return None
    return form + "s"


def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, forms in _DEMONYMS_BY_CODE.items():
        for form in (forms,) if isinstance(forms, str) else forms:
            out.setdefault(form, code)
            plural = _plural(form)
            if plural:
                out.setdefault(plural, code)
    return out


NAMES: dict[str, Any] = {
    "titles": _TITLES,
    "title_suffixes": (),
    "title_words": _TITLE_WORDS,
    "function_words": _FUNCTION_WORDS,
    "pronouns": _PRONOUNS,
    "non_names": _NON_NAMES,
    "connectors": _CONNECTORS,
    "particles": _PARTICLES,
    "org_cues": _ORG_CUES,
    "org_suffixes": ("inc", "ltd", "llc", "plc", "corp", "co"),
    "demonyms": _demonyms(),
    "demonyms_capitalised": True,
    "country_names": _COUNTRY_NAMES,
    "city_names": _CITY_NAMES,  # exonyms unlike the English name -> English name
    "region_names": _REGION_NAMES,  # continents, seas, disputed regions -> English name
}
