"""Spanish name resources: titles stripped from name spans, name particles, demonyms.

Demonyms are listed in the masculine singular and inflected by `_inflect`
("israelí" -> "israelíes", "ruso" -> "rusa/rusos/rusas", "francés" -> "francesa").
"""

from __future__ import annotations

from typing import Any

# fmt: off
_TITLES = {
    "sr", "sra", "srta", "señor", "señora", "señorita", "don", "doña", "dr", "dra", "doctor",
    "doctora", "presidente", "presidenta", "vicepresidente", "vicepresidenta", "ministro",
    "ministra", "primer", "primera", "canciller", "secretario", "secretaria", "general",
    "coronel", "teniente", "capitán", "comandante", "almirante", "mariscal", "sargento",
    "senador", "senadora", "diputado", "diputada", "alcalde", "alcaldesa", "gobernador",
    "gobernadora", "embajador", "embajadora", "enviado", "enviada", "rey", "reina",
    "príncipe", "princesa", "papa", "jeque", "emir", "ayatolá", "imán", "rabino", "juez",
    "jueza", "fiscal", "portavoz", "director", "directora", "jefe", "jefa", "líder",
    "consejero", "consejera", "conseller", "consellera", "homólogo", "homóloga",
    "mandatario", "mandataria", "dirigente", "delegado", "delegada", "comisario", "comisaria",
    "expresidente", "expresidenta", "exministro", "exministra", "santo", "san", "padre",
    "monseñor", "profesor", "profesora", "titular", "responsable",
}
_TITLE_WORDS = {
    "defensa", "exteriores", "asuntos", "interior", "hacienda", "economía", "justicia",
    "sanidad", "salud", "educación", "trabajo", "cultura", "agricultura", "energía",
    "transportes", "industria", "comercio", "emergencias", "seguridad", "gobierno", "estado",
    "nacional", "estado mayor", "fronteras", "adjunto", "adjunta", "interino", "interina",
    "saliente", "entrante", "actual", "nuevo", "nueva", "ejecutivo", "ejecutiva", "país",
    "región", "fuerzas", "armadas", "ejército", "policía", "de", "del", "la", "las", "los",
    "e", "y", "general", "ministerio", "vicepresidencia",
}
_FUNCTION_WORDS = {
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "y", "e", "o", "u", "de",
    "del", "a", "al", "en", "por", "para", "con", "sin", "sobre", "entre", "hacia", "hasta",
    "desde", "durante", "tras", "ante", "bajo", "contra", "según", "como", "que", "quien",
    "quienes", "cual", "cuales", "cuyo", "donde", "cuando", "si", "pero", "sino", "aunque",
    "porque", "pues", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "aquel",
    "aquella", "su", "sus", "mi", "mis", "tu", "tus", "nuestro", "nuestra", "él", "ella",
    "ellos", "ellas", "yo", "nosotros", "vosotros", "usted", "ustedes", "le", "les", "se",
    "no", "sí", "ya", "también", "además", "sin embargo", "así", "luego", "entonces", "ayer",
    "hoy", "mañana", "todo", "todos", "toda", "todas", "otro", "otra", "otros", "otras",
    "cada", "varios", "varias", "algunos", "algunas", "ningún", "ninguna", "muy", "más",
    "menos", "mientras", "tanto", "incluso", "asimismo", "finalmente", "posteriormente",
}
_PRONOUNS = {
    "él", "ella", "ellos", "ellas", "yo", "nosotros", "vosotros", "usted", "ustedes", "tú",
}
_NON_NAMES = {
    "estado", "estados", "gobierno", "presidente", "ministro", "república", "parlamento",
    "país", "región", "ciudad", "capital", "nación", "ejército", "mundo", "norte", "sur",
    "este", "oeste", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "dios", "internet",
    "ministerio", "congreso", "senado", "tribunal", "policía", "defensa", "interior",
    "ejecutivo", "administración", "foto", "efe", "afp", "reuters", "europa press",
}
_CONNECTORS = {"de", "del", "la", "las", "los"}
_PARTICLES = {"de", "del", "la", "las", "los", "y", "da", "dos", "das"}
_ORG_CUES = {
    "ministerio", "agencia", "banco", "instituto", "universidad", "organización", "oficina",
    "comisión", "consejo", "asamblea", "partido", "sociedad", "grupo", "compañía",
    "fundación", "asociación", "federación", "unión", "servicio", "dirección", "tribunal",
    "corte", "comité", "fuerzas", "ejército", "policía", "guardia", "escuela", "hospital",
    "centro", "sindicato", "liga", "club", "gobierno", "congreso", "senado",
    "autoridad", "junta", "generalitat", "xunta", "ayuntamiento", "diputación", "cabildo",
    "empresa", "movimiento", "frente", "alianza", "coalición", "unidad", "cuerpo",
    "confederación", "audiencia", "fiscalía", "delegación",
    # Clubs, airports, colleges named after their town are organisations, not places.
    "fc", "cf", "aeropuerto",
}

_DEMONYM_BASES = {
    "AF": "afgano", "AL": "albanés", "DE": "alemán", "DZ": "argelino", "AR": "argentino",
    "AM": "armenio", "AU": "australiano", "AT": ("austriaco", "austríaco"),
    "AZ": ("azerbaiyano", "azerí"), "BD": "bangladesí", "BE": "belga", "BY": "bielorruso",
    "MM": "birmano", "BO": "boliviano", "BA": "bosnio", "BR": "brasileño",
    "GB": ("británico", "inglés", "escocés", "galés"), "BG": "búlgaro", "KH": "camboyano",
    "CM": "camerunés", "CA": "canadiense", "QA": "catarí", "CZ": "checo", "CL": "chileno",
    "CN": "chino", "CY": "chipriota", "CO": "colombiano", "CD": "congoleño",
    "KR": ("surcoreano", "coreano"), "KP": "norcoreano", "CI": "marfileño",
    "CR": "costarricense", "HR": "croata", "CU": "cubano", "DK": "danés",
    "DO": "dominicano", "EC": "ecuatoriano", "EG": "egipcio", "SV": "salvadoreño",
    "AE": "emiratí", "ER": "eritreo", "SK": "eslovaco", "SI": "esloveno", "ES": "español",
    "US": ("estadounidense", "norteamericano"), "EE": "estonio", "ET": "etíope",
    "PH": "filipino", "FI": "finlandés", "FR": "francés", "GE": "georgiano", "GH": "ghanés",
    "GR": "griego", "GT": "guatemalteco", "HT": "haitiano", "HN": "hondureño",
    "HU": "húngaro", "IN": "indio", "ID": "indonesio", "IQ": "iraquí", "IR": "iraní",
    "IE": "irlandés", "IS": "islandés", "IL": "israelí", "IT": "italiano", "JP": "japonés",
    "JO": "jordano", "KZ": "kazajo", "KE": "keniano", "KG": "kirguís", "XK": "kosovar",
    "KW": "kuwaití", "LV": "letón", "LB": "libanés", "LY": "libio", "LT": "lituano",
    "LU": "luxemburgués", "MK": "macedonio", "MY": "malasio", "ML": "maliense",
    "MA": "marroquí", "MX": "mexicano", "MD": "moldavo", "MN": "mongol", "ME": "montenegrino",
    "NP": "nepalí", "NI": "nicaragüense", "NG": "nigeriano", "NO": "noruego",
    "NZ": "neozelandés", "NL": ("neerlandés", "holandés"), "PK": ("pakistaní", "paquistaní"),
    "PS": "palestino", "PA": "panameño", "PY": "paraguayo", "PE": "peruano", "PL": "polaco",
    "PT": "portugués", "PR": "puertorriqueño", "RO": "rumano", "RU": "ruso", "RW": "ruandés",
    "SA": "saudí", "SN": "senegalés", "RS": "serbio", "SG": "singapurense", "SY": "sirio",
    "SO": "somalí", "ZA": "sudafricano", "SD": "sudanés", "SE": "sueco", "CH": "suizo",
    "TH": "tailandés", "TW": "taiwanés", "TZ": "tanzano", "TJ": "tayiko", "TN": "tunecino",
    "TM": "turkmeno", "TR": "turco", "UA": "ucraniano", "UG": "ugandés", "UY": "uruguayo",
    "UZ": "uzbeko", "VE": "venezolano", "VN": "vietnamita", "YE": "yemení",
}
_COUNTRY_NAMES = {
    "Rusia": "RU", "Corea del Sur": "KR", "Corea del Norte": "KP", "Gran Bretaña": "GB",
    "Inglaterra": "GB", "Escocia": "GB", "EE.UU.": "US", "EEUU": "US", "EE UU": "US",
    "Bosnia": "BA",
    "Estados Unidos": "US", "Holanda": "NL", "Chequia": "CZ", "República Checa": "CZ",
    "Birmania": "MM", "Bielorrusia": "BY", "Moldavia": "MD", "Siria": "SY", "Irán": "IR",
    "Vaticano": "VA", "Palestina": "PS", "Kosovo": "XK", "Taiwán": "TW",
    "Emiratos Árabes Unidos": "AE", "Arabia Saudí": "SA", "Arabia Saudita": "SA",
    "Sudáfrica": "ZA", "Costa de Marfil": "CI", "Macedonia del Norte": "MK", "Turquía": "TR",
    "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "RDC": "CD",
}
_CITY_NAMES = {
    "Pekín": "Beijing", "Varsovia": "Warsaw", "Kiev": "Kyiv", "El Cairo": "Cairo",
    "Argel": "Algiers", "Tiflis": "Tbilisi", "La Haya": "The Hague", "Ginebra": "Geneva",
    "Amberes": "Antwerp", "Maguncia": "Mainz", "Aquisgrán": "Aachen",
    "Ciudad del Cabo": "Cape Town", "Nueva Delhi": "New Delhi", "Yeda": "Jeddah",
    "La Meca": "Makkah", "Ereván": "Yerevan", "Colonia": "Köln",
    "Fráncfort": "Frankfurt am Main", "Cracovia": "Kraków", "Estambul": "Istanbul",
    "Járkov": "Kharkiv", "Estocolmo": "Stockholm", "Ciudad de México": "Mexico City",
    "La Habana": "Havana", "Yakarta": "Jakarta", "Bombay": "Mumbai", "Leópolis": "Lviv",
    "Nueva York": "New York City", "Roma": "Rome", "Londres": "London",
}
_REGION_NAMES = {
    "Europa": "Europe", "Asia": "Asia", "África": "Africa", "Norteamérica": "North America",
    "América del Norte": "North America", "Sudamérica": "South America",
    "América del Sur": "South America", "América Latina": "Latin America",
    "Latinoamérica": "Latin America", "Oriente Medio": "Middle East",
    "Oriente Próximo": "Middle East", "Cáucaso": "Caucasus", "Cáucaso Sur": "South Caucasus",
    "Balcanes": "Balkans", "Mediterráneo": "Mediterranean", "mar Mediterráneo": "Mediterranean",
    "mar Negro": "Black Sea", "mar Caspio": "Caspian Sea", "mar Rojo": "Red Sea",
    "mar Báltico": "Baltic Sea", "mar del Norte": "North Sea", "Atlántico": "Atlantic Ocean",
    "océano Atlántico": "Atlantic Ocean", "Pacífico": "Pacific Ocean",
    "océano Pacífico": "Pacific Ocean", "océano Índico": "Indian Ocean", "Ártico": "Arctic",
    "Franja de Gaza": "Gaza Strip", "Cisjordania": "West Bank", "Crimea": "Crimea",
    "Donbás": "Donbas", "Alto Karabaj": "Nagorno-Karabakh", "Nagorno Karabaj": "Nagorno-Karabakh",
    "Cachemira": "Kashmir", "Sahel": "Sahel", "golfo Pérsico": "Persian Gulf",
    "Escandinavia": "Scandinavia", "Siberia": "Siberia", "Kurdistán": "Kurdistan",
    "Tigray": "Tigray", "Darfur": "Darfur", "Altos del Golán": "Golan Heights",
}
# fmt: on

_ACCENT_DROP = str.maketrans("áéíóú", "aeiou")


def _inflect(base: str) -> list[str]:
    """Masculine singular -> the four forms; stressed final syllables lose their accent."""
    if base.endswith("o"):
        stem = base[:-1]
        return [base, stem + "a", stem + "os", stem + "as"]
    if base.endswith(("í", "ú")):
        return [base, base + "es", base + "s"]
    if base.endswith(("e", "a")):
        return [base, base + "s"]
    if base.endswith(("és", "án", "ón", "ín", "ís")):
        stem = base[:-2] + base[-2:].translate(_ACCENT_DROP)
        return [base, stem + "a", stem + "es", stem + "as"]
    return [base, base + "a", base + "es", base + "as"]


def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, bases in _DEMONYM_BASES.items():
        for base in (bases,) if isinstance(bases, str) else bases:
            for form in _inflect(base):
                out.setdefault(form, code)
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
    "org_suffixes": ("sa", "s.a.", "sl", "s.l.", "sau"),
    "demonyms": _demonyms(),
    "demonyms_capitalised": False,
    "country_names": _COUNTRY_NAMES,
    "city_names": _CITY_NAMES,  # exonyms unlike the English name -> English name
    "region_names": _REGION_NAMES,  # continents, seas, disputed regions -> English name
}
