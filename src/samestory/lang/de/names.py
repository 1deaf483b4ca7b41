"""German name resources: titles stripped from name spans, name particles, demonyms.

German capitalises every noun, so titles are also recognised by their endings
("Verteidigungsminister", "Staatspräsident"), and demonyms come as declined
adjectives ("israelische", "israelischen") and as nouns ("Israeli", "Russen").
"""

from __future__ import annotations

from typing import Any

# fmt: off
_TITLES = {
    "herr", "herrn", "frau", "fräulein", "dr", "prof", "professor", "professorin",
    "präsident", "präsidentin", "präsidenten", "vizepräsident", "kanzler", "kanzlerin",
    "bundeskanzler", "bundeskanzlerin", "minister", "ministerin", "ministers", "premier",
    "premierminister", "premierministerin", "regierungschef", "regierungschefin",
    "staatschef", "staatschefin", "general", "generals", "generaloberst", "generalmajor",
    "oberst", "major", "hauptmann", "leutnant", "admiral", "marschall", "senator",
    "senatorin", "abgeordnete", "abgeordneter", "abgeordneten", "bürgermeister",
    "bürgermeisterin", "botschafter", "botschafterin", "gesandte", "gesandter", "könig",
    "königin", "prinz", "prinzessin", "papst", "scheich", "emir", "ajatollah", "imam",
    "rabbiner", "richter", "richterin", "staatsanwalt", "staatsanwältin", "gouverneur",
    "gouverneurin", "sprecher", "sprecherin", "chef", "chefin", "direktor", "direktorin",
    "vorsitzende", "vorsitzender", "vorsitzenden", "amtskollege", "amtskollegen",
    "amtskollegin", "kollege", "kollegen", "amtsinhaber", "pfarrer",
    "kommissar", "kommissarin", "beauftragte", "beauftragter", "außenministerin",
}
_TITLE_SUFFIXES = (
    "minister", "ministerin", "ministers", "präsident", "präsidentin", "präsidenten",
    "kanzler", "kanzlerin", "sprecher", "sprecherin", "chef", "chefin", "general",
    "generaloberst", "oberst", "botschafter", "botschafterin", "meister", "meisterin",
    "vorsitzende", "vorsitzender", "vorsitzenden", "kommandeur", "sekretär", "sekretärin",
)
_TITLE_WORDS = {
    "verteidigung", "äußeren", "auswärtigen", "innern", "inneren", "finanzen", "wirtschaft",
    "justiz", "gesundheit", "bildung", "sicherheit", "nationale", "nationalen", "staates",
    "regierung", "landes", "bundes", "amtierende", "amtierenden", "ehemalige", "ehemaligen",
    "frühere", "früheren", "neue", "neuen", "stellvertretende", "stellvertretenden",
    "grenzschutzes", "grenzdienstes", "des", "der", "für",
}
_FUNCTION_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
    "einen", "und", "oder", "aber", "in", "im", "am", "an", "auf", "aus", "bei", "beim",
    "mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "über", "unter", "vor", "hinter",
    "neben", "zwischen", "durch", "gegen", "ohne", "um", "als", "wie", "auch", "nicht", "es",
    "er", "sie", "wir", "ihr", "ich", "du", "sein", "seine", "seiner", "seinen", "seinem",
    "ihre", "ihrer", "ihren", "ihrem", "dies", "diese", "dieser", "dieses", "diesen",
    "diesem", "jedoch", "dass", "wenn", "weil", "denn", "doch", "noch", "schon", "nur",
    "bereits", "laut", "nun", "dann", "danach", "damals", "heute", "gestern", "morgen",
    "so", "da", "dort", "hier", "man", "alle", "viele", "mehr", "wer", "was", "wo", "warum",
    "welche", "welcher", "welches", "zudem", "außerdem", "trotz", "während", "seit", "bis",
    "ab", "kein", "keine", "jeder", "jede", "jedes", "ihm", "ihn", "ihnen", "uns", "euch",
    "mich", "dich", "sich", "hat", "haben", "ist", "sind", "war", "waren", "wird", "werden",
    "wurde", "wurden", "soll", "sollen", "kann", "können", "muss", "müssen", "nachdem",
    "bevor", "sowie", "sondern", "ob", "etwa", "rund", "fast", "mehrere", "einige",
}
_PRONOUNS = {"er", "sie", "es", "wir", "ihr", "ich", "du", "ihm", "ihn", "ihnen", "man"}
# Capitalised nouns that are never an entity on their own; single capitalised German
# words are only kept when known, so this list mainly guards multi-word runs.
_NON_NAMES = {
    "staat", "staaten", "regierung", "präsident", "minister", "republik", "parlament",
    "land", "länder", "region", "stadt", "hauptstadt", "nation", "armee", "welt", "norden",
    "süden", "osten", "westen", "januar", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "gott",
    "internet", "ministerium", "jahr", "jahre", "jahren", "woche", "wochen", "tag", "tage",
    "tagen", "monat", "monate", "monaten", "prozent", "millionen", "milliarden", "euro",
    "dollar", "uhr", "mal", "zeit", "leute", "menschen", "ende", "anfang", "beginn",
    "angaben", "foto", "dpa", "afp", "reuters",
    # Kinds of polity: "im Freistaat" is Bavaria or Saxony, never South Africa's Free State.
    "freistaat", "bundesland", "bundesstaat", "landkreis", "bezirk", "kanton", "provinz",
}
_CONNECTORS = {"von", "van", "der", "de", "del", "zu", "für", "vom", "am", "an", "la"}
_PARTICLES = {"von", "van", "der", "den", "de", "zu", "vom", "zum", "ter", "ten"}
_ORG_CUES = {
    "ministerium", "bundesministerium", "agentur", "bank", "institut", "universität",
    "organisation", "amt", "bundesamt", "kommission", "rat", "versammlung", "partei",
    "gesellschaft", "gruppe", "konzern", "stiftung", "verein", "verband", "bund", "union",
    "dienst", "gericht", "bundesgericht", "ausschuss", "streitkräfte", "armee", "polizei",
    "schule", "krankenhaus", "zentrum", "liga", "klub", "büro", "regierung",
    "bundestag", "bundesrat", "landtag", "behörde", "allianz", "bündnis", "koalition",
    "front", "bewegung", "werke", "ag", "gmbh", "kg", "se", "bundeswehr",
    # Firms and teams named in English ("General Motors", "Alfa Romeo Racing"); not "Team",
    # a German noun too ("das Team von Trainer Marco Rose").
    "motors", "racing", "games", "studios",
    # Clubs, airports, colleges named after their town are organisations, not places.
    "fc", "sv", "flughafen", "hochschule", "klinikum", "verlag",
}

_ADJECTIVE_STEMS = {
    "afghanisch": "AF", "albanisch": "AL", "algerisch": "DZ", "amerikanisch": "US",
    "us-amerikanisch": "US", "argentinisch": "AR", "armenisch": "AM", "aserbaidschanisch": "AZ",
    "aserbeidschanisch": "AZ", "äthiopisch": "ET", "australisch": "AU", "bangladeschisch": "BD",
    "belgisch": "BE", "belarussisch": "BY", "weißrussisch": "BY", "bolivianisch": "BO",
    "bosnisch": "BA", "brasilianisch": "BR", "britisch": "GB", "englisch": "GB",
    "schottisch": "GB", "bulgarisch": "BG", "chilenisch": "CL", "chinesisch": "CN",
    "dänisch": "DK", "deutsch": "DE", "estnisch": "EE", "finnisch": "FI", "französisch": "FR",
    "georgisch": "GE", "griechisch": "GR", "indisch": "IN", "indonesisch": "ID",
    "irakisch": "IQ", "iranisch": "IR", "irisch": "IE", "isländisch": "IS",
    "israelisch": "IL", "italienisch": "IT", "japanisch": "JP", "jemenitisch": "YE",
    "jordanisch": "JO", "kanadisch": "CA", "kasachisch": "KZ", "katarisch": "QA",
    "kenianisch": "KE", "kirgisisch": "KG", "kolumbianisch": "CO", "kongolesisch": "CD",
    "koreanisch": "KR", "südkoreanisch": "KR", "nordkoreanisch": "KP", "kosovarisch": "XK",
    "kroatisch": "HR", "kubanisch": "CU", "kuwaitisch": "KW", "lettisch": "LV",
    "libanesisch": "LB", "libysch": "LY", "litauisch": "LT", "luxemburgisch": "LU",
    "malaysisch": "MY", "malisch": "ML", "marokkanisch": "MA", "mexikanisch": "MX",
    "moldauisch": "MD", "mongolisch": "MN", "nepalesisch": "NP", "neuseeländisch": "NZ",
    "niederländisch": "NL", "holländisch": "NL", "nigerianisch": "NG", "norwegisch": "NO",
    "österreichisch": "AT", "pakistanisch": "PK", "palästinensisch": "PS", "peruanisch": "PE",
    "philippinisch": "PH", "polnisch": "PL", "portugiesisch": "PT", "rumänisch": "RO",
    "russisch": "RU", "saudisch": "SA", "saudi-arabisch": "SA", "schwedisch": "SE",
    "schweizerisch": "CH", "senegalesisch": "SN", "serbisch": "RS", "slowakisch": "SK",
    "slowenisch": "SI", "somalisch": "SO", "spanisch": "ES", "südafrikanisch": "ZA",
    "sudanesisch": "SD", "syrisch": "SY", "tadschikisch": "TJ", "taiwanisch": "TW",
    "thailändisch": "TH", "tschechisch": "CZ", "tunesisch": "TN", "türkisch": "TR",
    "turkmenisch": "TM", "ukrainisch": "UA", "ungarisch": "HU", "usbekisch": "UZ",
    "venezolanisch": "VE", "vietnamesisch": "VN", "zyprisch": "CY", "emiratisch": "AE",
    "ägyptisch": "EG", "ivorisch": "CI", "ghanaisch": "GH", "ugandisch": "UG",
    "tansanisch": "TZ", "kambodschanisch": "KH", "myanmarisch": "MM", "singapurisch": "SG",
    "montenegrinisch": "ME", "mazedonisch": "MK", "nordmazedonisch": "MK", "irländisch": "IE",
}
_NOUNS = {
    "Afghane": "AF", "Albaner": "AL", "Algerier": "DZ", "Amerikaner": "US",
    "US-Amerikaner": "US", "Argentinier": "AR", "Armenier": "AM", "Aserbaidschaner": "AZ",
    "Äthiopier": "ET", "Australier": "AU", "Belgier": "BE", "Belarusse": "BY",
    "Brasilianer": "BR", "Brite": "GB", "Engländer": "GB", "Schotte": "GB", "Bulgare": "BG",
    "Chilene": "CL", "Chinese": "CN", "Däne": "DK", "Finne": "FI",
    "Franzose": "FR", "Georgier": "GE", "Grieche": "GR", "Inder": "IN", "Indonesier": "ID",
    "Iraker": "IQ", "Iraner": "IR", "Israeli": "IL", "Italiener": "IT",
    "Japaner": "JP", "Jemenit": "YE", "Jordanier": "JO", "Kanadier": "CA", "Kasache": "KZ",
    "Katarer": "QA", "Kenianer": "KE", "Kolumbianer": "CO", "Koreaner": "KR",
    "Südkoreaner": "KR", "Nordkoreaner": "KP", "Kosovare": "XK", "Kroate": "HR",
    "Kubaner": "CU", "Lette": "LV", "Libanese": "LB", "Libyer": "LY", "Litauer": "LT",
    "Marokkaner": "MA", "Mexikaner": "MX", "Niederländer": "NL", "Holländer": "NL",
    "Nigerianer": "NG", "Norweger": "NO", "Österreicher": "AT", "Pakistaner": "PK",
    "Palästinenser": "PS", "Peruaner": "PE", "Philippiner": "PH", "Pole": "PL",
    "Portugiese": "PT", "Rumäne": "RO", "Russe": "RU", "Saudi": "SA", "Schwede": "SE",
    "Schweizer": "CH", "Serbe": "RS", "Slowake": "SK", "Slowene": "SI", "Somalier": "SO",
    "Spanier": "ES", "Südafrikaner": "ZA", "Sudanese": "SD", "Syrer": "SY", "Tadschike": "TJ",
    "Taiwaner": "TW", "Thailänder": "TH", "Tscheche": "CZ", "Tunesier": "TN", "Türke": "TR",
    "Ukrainer": "UA", "Ungar": "HU", "Usbeke": "UZ", "Venezolaner": "VE",
    "Vietnamese": "VN", "Zyprer": "CY", "Ägypter": "EG", "Emirati": "AE", "Deutscher": "DE",
}
_COUNTRY_NAMES = {
    "Russland": "RU", "Südkorea": "KR", "Nordkorea": "KP", "Großbritannien": "GB",
    "England": "GB", "Schottland": "GB", "USA": "US", "Amerika": "US", "Holland": "NL",
    "Tschechien": "CZ", "Weißrussland": "BY", "Belarus": "BY", "Moldau": "MD",
    "Syrien": "SY", "Iran": "IR", "Vatikan": "VA", "Palästina": "PS", "Kosovo": "XK",
    "Taiwan": "TW", "Emirate": "AE", "Vereinigte Arabische Emirate": "AE",
    "Saudi-Arabien": "SA", "Südafrika": "ZA", "Elfenbeinküste": "CI", "Birma": "MM",
    "Nordmazedonien": "MK", "Türkei": "TR", "Kongo": "CD", "Bolivien": "BO",
    # The short form news writes for a country whose official name is longer.
    "Bosnien": "BA",
}
_CITY_NAMES = {
    "Peking": "Beijing", "Kiew": "Kyiv", "Kairo": "Cairo", "Tiflis": "Tbilisi",
    "Den Haag": "The Hague", "Saragossa": "Zaragoza", "Kopenhagen": "Copenhagen",
    "Wien": "Vienna", "Kapstadt": "Cape Town", "Dschidda": "Jeddah", "Mekka": "Makkah",
    "Eriwan": "Yerevan", "Neapel": "Naples", "Rom": "Rome", "Danzig": "Gdańsk",
    "Charkiw": "Kharkiv", "Charkow": "Kharkiv", "Wilna": "Vilnius", "Preßburg": "Bratislava",
    "Mexiko-Stadt": "Mexico City", "Dschakarta": "Jakarta", "Bombay": "Mumbai",
    "Maskat": "Muscat", "Saporischschja": "Zaporizhzhya", "Lemberg": "Lviv", "Lwiw": "Lviv",
    "Genf": "Geneva", "Algier": "Algiers", "Neu-Delhi": "New Delhi", "Köln": "Köln",
    # Abbreviations German news writes for the country.
    "BRD": "Germany", "Bundesrepublik": "Germany",
}
_REGION_NAMES = {
    "Europa": "Europe", "Asien": "Asia", "Afrika": "Africa", "Nordamerika": "North America",
    "Südamerika": "South America", "Lateinamerika": "Latin America", "Nahost": "Middle East",
    "Naher Osten": "Middle East", "Nahen Osten": "Middle East", "Kaukasus": "Caucasus",
    "Südkaukasus": "South Caucasus", "Balkan": "Balkans", "Mittelmeer": "Mediterranean",
    "Schwarzes Meer": "Black Sea", "Schwarzen Meer": "Black Sea",
    "Kaspisches Meer": "Caspian Sea", "Rotes Meer": "Red Sea", "Roten Meer": "Red Sea",
    "Ostsee": "Baltic Sea", "Nordsee": "North Sea", "Atlantik": "Atlantic Ocean",
    "Pazifik": "Pacific Ocean", "Indischer Ozean": "Indian Ocean", "Arktis": "Arctic",
    "Gazastreifen": "Gaza Strip", "Westjordanland": "West Bank", "Krim": "Crimea",
    "Donbass": "Donbas", "Bergkarabach": "Nagorno-Karabakh", "Kaschmir": "Kashmir",
    "Sahel": "Sahel", "Persischer Golf": "Persian Gulf", "Skandinavien": "Scandinavia",
    "Sibirien": "Siberia", "Kurdistan": "Kurdistan", "Tigray": "Tigray", "Darfur": "Darfur",
    "Golanhöhen": "Golan Heights",
    # Bavaria's administrative regions not named after their seat (ISO 3166-2 stops at
    # the Länder); Schwaben is left out: also the Swabians.
    "Oberbayern": "Upper Bavaria", "Niederbayern": "Lower Bavaria",
    "Oberpfalz": "Upper Palatinate", "Oberfranken": "Upper Franconia",
    "Mittelfranken": "Middle Franconia", "Unterfranken": "Lower Franconia",
    # Landscapes and rivers of one word that is no common word (not "Main", "Inn",
    # "Oder", "Harz"), and the former GDR.
    "Allgäu": "Allgäu", "Spessart": "Spessart", "Vogelsberg": "Vogelsberg",
    "Schwarzwald": "Black Forest", "Odenwald": "Odenwald", "Eifel": "Eifel",
    "Sauerland": "Sauerland", "Erzgebirge": "Ore Mountains", "Ruhrgebiet": "Ruhr",
    "Rhein": "Rhine", "Elbe": "Elbe", "Donau": "Danube", "Spree": "Spree", "Weser": "Weser",
    "Mosel": "Moselle", "Neckar": "Neckar", "Isar": "Isar", "Trentino": "Trentino",
    "DDR": "East Germany", "NRW": "North Rhine-Westphalia",
}
# fmt: on


def _nouns(noun: str) -> list[str]:
    """Noun demonym -> singular, plural and feminine forms (Russe/Russen/Russin)."""
    if noun.endswith("er"):
        return [noun, noun + "n", noun + "in", noun + "innen"]
    if noun.endswith("e"):
        return [noun, noun + "n", noun[:-1] + "in", noun[:-1] + "innen"]
    if noun.endswith("i"):
        return [noun, noun + "s"]
    return [noun, noun + "en", noun + "in", noun + "innen"]


def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for stem, code in _ADJECTIVE_STEMS.items():
        for ending in ("", "e", "en", "er", "es", "em"):
            out.setdefault(stem + ending, code)
    for noun, code in _NOUNS.items():
        for form in _nouns(noun):
            out.setdefault(form, code)
    out.update({"Deutsche": "DE", "Deutschen": "DE"})
    return out


# Common words that are also (alternate) place names: never a place on their own.
# "Corona" is the pandemic in German news since 2020, not Corona, California.
_COMMON_WORDS = {"namen", "name", "lage", "pest", "tour", "touren", "mitte", "corona"}

NAMES: dict[str, Any] = {
    "titles": _TITLES,
    "title_suffixes": _TITLE_SUFFIXES,
    "title_words": _TITLE_WORDS,
    "function_words": _FUNCTION_WORDS,
    "pronouns": _PRONOUNS,
    "non_names": _NON_NAMES,
    "common_words": _COMMON_WORDS,
    "connectors": _CONNECTORS,
    "particles": _PARTICLES,
    "org_cues": _ORG_CUES,
    "org_suffixes": ("ag", "gmbh", "kg", "se", "ev", "e.v."),
    "demonyms": _demonyms(),
    "demonyms_capitalised": False,
    "country_names": _COUNTRY_NAMES,
    "city_names": _CITY_NAMES,  # exonyms unlike the English name -> English name
    "region_names": _REGION_NAMES,  # continents, seas, disputed regions -> English name
}
