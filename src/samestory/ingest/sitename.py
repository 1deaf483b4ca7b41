"""An outlet's name as readers know it, from what a page or feed calls itself.

"TAZ Verlags- und Vertriebs GmbH" -> "taz", "Handelsblatt_De" -> "Handelsblatt";
never a social-media URL ("https://www.facebook.com/tagesspiegel") nor a section of
the site ("Política" on /politica/...). Failing a usable name, the domain:
"www.zdf.de" -> "zdf.de".
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from .build import domain_of

__all__ = ["clean_outlet", "clean_title", "looks_like_domain", "outlet_from_host", "pick_outlet"]

# Legal forms and publishing-company words, longest first, at the end of a name.
_LEGAL = re.compile(
    r"(?:[\s,]+(?:verlags-?\s+und\s+vertriebs-?\s*)?(?:gmbh\s*&\s*co\.?\s*kg(?:aa)?|gmbh|"
    r"ag|kg|se|e\.\s?v\.|s\.\s?a\.?(?:\s?u\.)?|s\.\s?l\.|sas|sarl|s\.p\.a\.|spa|srl|ltd\.?|"
    r"limited|llc|inc\.?|plc|corp\.?|b\.v\.|n\.v\.|oy|ab|sp\.\s?z\s?o\.\s?o\.|s\.k\.a\.?))+$",
    re.IGNORECASE,
)
_PUBLISHER_WORDS = re.compile(r"\s+(?:verlag|verlags|verlagsgruppe|mediengruppe)$", re.I)
_TLD_SUFFIX = re.compile(r"[\s_.-]+(?:de|com|fr|es|it|pt|pl|fi|nl|at|ch|uk|org|net)$", re.I)
_URL = re.compile(r"^(?:https?://|www\.)|^\S+\.(?:com|de|org|net|fr|es)/", re.IGNORECASE)
# Not a name: a copyright line, an unfilled template, an e-mail address, a sentence.
_NOT_A_NAME = re.compile(r"©|\bcopyright\b|[{}$@]", re.IGNORECASE)
_PLATFORMS = frozenset(
    {"blogger", "blogspot", "wordpress", "wordpress.com", "medium", "tumblr", "substack", "wix"}
)
_SENTENCE = re.compile(r"[.?!]\s+\S")
_SENTENCE_WORDS = 6
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}/?", re.IGNORECASE)
_ARCHIVED = re.compile(r"https?://web\.archive\.org/web/[\w*]+/(https?://.+)")
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ")
# The newsroom named after the site ("LAOLA1Redaktion", "Redaktion XY"): the site.
_NEWSROOM = re.compile(
    r"(?<=\w)[\s-]?(?:online-?)?(?:redaktion|redaction|rédaction|redacción|newsroom)$"
    r"|^(?:die\s+)?(?:online-?)?redaktion\s+(?:von\s+)?",
    re.IGNORECASE,
)
_MAX_NAME = 60


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


def _site_label(url: str | None) -> str:
    """ "https://www.taz.de/x" -> "taz"."""
    host = domain_of(_unwrap(url)) or ""
    parts = host.split(".")
    return parts[-2] if len(parts) >= 2 else host


def clean_outlet(name: str | None, url: str | None = None) -> str:
    """A site's name without legal forms and suffixes; "" when it is no outlet name."""
    if not name:
        return ""
    url = _unwrap(url)
    styled = "_" in name  # "Handelsblatt_De", "SPOE_at": a handle, not a domain
    name = " ".join(name.replace("_", " ").split()).strip(" |-–—:·/")
    name = _without_symbols(name)
    name = _without_domain_parts(name)
    own = _own_domain_in(name, url)
    if own:
        return own
    name = _host_part(name, url)
    name = _NEWSROOM.sub("", name).strip() or name
    if not name or _URL.search(name) or _NOT_A_NAME.search(name) or len(name) > _MAX_NAME:
        return ""
    if name.casefold() in _PLATFORMS:
        return ""  # the blog's host, not the blog ("Blogger")
    if len(name.split()) >= _SENTENCE_WORDS and _SENTENCE.search(name):
        return ""  # a headline or a slogan in the site-name field
    bare = _PUBLISHER_WORDS.sub("", _LEGAL.sub("", name)).strip(" ,-")
    if bare and bare != name:
        label = _site_label(url)
        # A company name reduced to the domain's label: the brand as the domain writes it.
        name = label if label and _fold(bare) == _fold(label) else bare
    host = domain_of(url) or ""
    # A handle ("Handelsblatt_De", "SPOE_at") loses its TLD; a dotted brand keeps it
    # ("Phys.org", "Sports.fr": without it the name is a common word).
    stem = _TLD_SUFFIX.sub("", name)
    if styled and stem != name and (not host or _fold(stem) in _fold(host)):
        name = stem
    if url and _is_section(name, url):
        return ""
    return _without_seat(name, url)


# Words that tie a place into the name itself ("Voice of America", "Diario de Cuba").
_NAME_LINKS = frozenset({"of", "de", "del", "di", "du", "des", "von", "der", "la", "el", "do"})


def _without_seat(name: str, url: str | None) -> str:
    """ "La República Perú" on larepublica.pe -> "La República": the site's name as its
    domain spells it, with the seat or country added after it (a city or country the
    gazetteer knows by that name). A place that is part of the brand stays ("Rough
    Draft Atlanta" on reporternewspapers.net, "Radio Bremen", "Voice of America")."""
    words = name.split()
    if len(words) < 2 or words[-2].lower() in _NAME_LINKS or not words[-1][:1].isupper():
        return name
    label = _fold(_site_label(url))
    if len(label) < 4 or _fold(" ".join(words[:-1])) != label:
        return name
    from ..analyse.gazetteer import fold, gazetteer  # only for such names: a rare load

    g = gazetteer()
    key = fold(words[-1])
    top = next(iter(g.lookup(key)), None)
    seat = top is not None and top.kind in ("city", "country") and key not in g.weak
    return " ".join(words[:-1]) if seat else name


def pick_outlet(names: list[str], url: str | None) -> str:
    """The first candidate that reads as a name ("PC Gamer" over "pcgamer", "tdg.ch/"),
    else the first usable one; "" when none is."""
    cleaned = [c for c in (clean_outlet(n, url) for n in names) if c]
    cleaned = [c for c in cleaned if not _abbreviated(c, url)]
    for name in cleaned:
        if not looks_like_domain(name, url):
            return name
    return cleaned[0] if cleaned else ""


def _abbreviated(name: str, url: str | None) -> bool:
    """A social-media handle that drops letters of the site's name ("VPFlsh" on
    vipflash.de): the domain, spelled as the page writes it, is the better name."""
    short, label = _fold(name), _fold(_site_label(url))
    if " " in name or name.isupper() or not short or len(short) >= len(label):
        return False
    rest = iter(label)
    return all(c in rest for c in short) and not label.startswith(short)


def looks_like_domain(name: str, url: str | None) -> bool:
    """ "tdg.ch", "pcgamer" (the host's label in lower case): a domain, not a name."""
    if _DOMAIN.fullmatch(name):
        return True
    return name == name.lower() and " " not in name and _fold(name) == _fold(_site_label(url))


def _without_domain_parts(name: str) -> str:
    """ "Fischerhütte | hejfish.com" -> "Fischerhütte"; "Boxen1.com - News" -> "Boxen1.com"."""
    for sep in _SEPARATORS:
        parts = [p.strip() for p in name.split(sep)]
        if len(parts) > 1 and _DOMAIN.fullmatch(parts[0]):
            return parts[0]  # the domain first, a slogan after it: the domain is the name
        kept = [p for p in parts if p and not _DOMAIN.fullmatch(p)]
        if len(parts) > 1 and kept and len(kept) < len(parts):
            return sep.join(kept)
    return name


def _own_domain_in(name: str, url: str | None) -> str:
    """ "Belize News and Opinion on www.breakingbelizenews.com" -> "breakingbelizenews.com":
    a description that ends in the site's own domain names the site by that domain."""
    host = domain_of(url) or ""
    if not host or " " not in name or _DOMAIN.fullmatch(name.split()[0]):
        return ""  # "Boxen1.com - News": the domain opens the name (`_without_domain_parts`)
    for word in name.split():
        bare = word.strip("()[],;:").rstrip("/")
        bare = bare[4:] if bare.lower().startswith("www.") else bare
        # A dotted word only: "News" in "Kinzig News" is kinzig.news's TLD, not its domain.
        if "." in bare and (bare.lower() == host or host.endswith("." + bare.lower())):
            return bare
    return ""


def _without_symbols(name: str) -> str:
    """ "✂ Uniqz®" -> "Uniqz": marks and ornaments around a name are not part of it."""
    start, end = 0, len(name)
    while start < end and _is_mark(name[start]):
        start += 1
    while end > start and _is_mark(name[end - 1]):
        end -= 1
    return name[start:end].strip()


def _is_mark(char: str) -> bool:
    # Symbols (So, Sk, Sm: "✂", "®", "™", "★") but not "©", which marks a copyright
    # line and is refused with it; currency signs are rare in a name's edge too.
    return char != "©" and (char.isspace() or unicodedata.category(char) in ("So", "Sk", "Sm"))


def _host_part(name: str, url: str | None) -> str:
    """ "BioBioChile - La Red de Prensa Más Grande de Chile" -> "BioBioChile", "SPIEGEL
    ONLINE - Schlagzeilen" -> "SPIEGEL ONLINE": of a name with a slogan or a section,
    the part the domain names (the whole label, else the one part starting with it)."""
    label = _fold(_site_label(url))
    if len(label) < 4:
        return name
    for sep in _SEPARATORS:
        parts = [p.strip() for p in name.split(sep)]
        if len(parts) > 1:
            named = [p for p in parts if _fold(p) == label]
            starting = [p for p in parts if _fold(p).startswith(label)]
            if named or len(starting) == 1:
                return (named or starting)[0]
    return name


def _unwrap(url: str | None) -> str | None:
    """An archived page's original URL (web.archive.org/web/<time>/<url>)."""
    if url:
        m = _ARCHIVED.match(url)
        if m:
            return m.group(1)
    return url


def _is_section(name: str, url: str) -> bool:
    """Whether `name` is a path segment of `url` but not part of its host ("Política")."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    folded = _fold(name)
    if not folded or folded in _fold(parts.hostname or ""):
        return False
    segments = {_fold(s) for s in re.split(r"[/_.-]", parts.path) if s}
    return folded in segments


def _same_name(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))


def outlet_from_host(url: str | None) -> str:
    """The domain, without "www.", as the outlet of last resort."""
    url = _unwrap(url)
    if not url:
        return ""
    if "://" not in url:
        url = f"http://{url}"
    return domain_of(url) or ""


def clean_title(title: str, outlet: str | None, url: str | None) -> str:
    """`title` without " | Site" / " - Site" (or "Site | ") naming the outlet or its domain."""
    names = {_fold(n) for n in (outlet or "", _site_label(url)) if n and _fold(n)}
    if not names:
        return title
    for _ in range(2):  # "Story - Section | site.com": the site, then what named it
        stripped = _strip_site(title, names)
        if stripped == title:
            break
        title = stripped
    return title


def _strip_site(title: str, names: set[str]) -> str:
    for sep in _SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and len(head) >= 10 and _names_site(tail, names):
            return head.strip()
        first, found, rest = title.partition(sep)
        if found and len(rest) >= 10 and _names_site(first, names):
            return rest.strip()
    return title


def _names_site(part: str, names: set[str]) -> bool:
    folded = _fold(part)
    return bool(folded) and any(_same_name(folded, n) for n in names)
