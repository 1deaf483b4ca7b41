"""A watch's events as an Atom feed (RFC 4287), and the signature of a webhook body.

The feed is built with ElementTree, so titles from articles are escaped as XML text;
each entry's id is the event's key under the watch, the same in every rendering, so a
feed reader shows an event once however often it polls.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree import ElementTree as ET

__all__ = ["SIGNATURE_HEADER", "atom_feed", "event_title", "sign", "webhook_body"]

ATOM = "http://www.w3.org/2005/Atom"
SIGNATURE_HEADER = "X-Samestory-Signature"
_TITLES = {
    "new": "New story",
    "grown": "Story grew to {detail}",
    "language": "Story reached a new language: {detail}",
    "country": "Story reached a new country: {detail}",
    "conflict": "New conflict: {detail}",
}


def event_title(event: Mapping[str, Any]) -> str:
    head = _TITLES.get(str(event["kind"]), str(event["kind"])).format(detail=event["detail"])
    title = event.get("data", {}).get("title") or ""
    return f"{head} — {title}" if title and event["kind"] != "new" else f"{head}: {title}"


def sign(secret: str, body: bytes) -> str:
    """The header value a receiver recomputes with the shared secret to trust a body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_body(watch: Mapping[str, Any], event: Mapping[str, Any], base_url: str) -> bytes:
    """The JSON POSTed for one event; `id` is unique and stable (receivers dedupe on it)."""
    return json.dumps(
        {
            "id": f"{watch['id']}:{event['key']}",
            "watch": {"id": watch["id"], "name": watch["name"]},
            "kind": event["kind"],
            "detail": event["detail"],
            "title": event_title(event),
            "story": {
                "id": event["story"],
                "url": f"{base_url.rstrip('/')}/stories/{event['story']}" if base_url else None,
                **event.get("data", {}),
            },
            "at": event["at"],
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def atom_feed(
    watch: Mapping[str, Any], events: Sequence[Mapping[str, Any]], base_url: str
) -> bytes:
    """The feed of `events` (newest first) of `watch`; `base_url` makes links absolute."""
    base = base_url.rstrip("/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"urn:samestory:watch:{watch['id']}")
    _sub(feed, "title", f"samestory watch: {watch['name']}")
    _sub(feed, "updated", events[0]["at"] if events else str(watch["created"]))
    _sub(feed, "link", rel="self", href=f"{base}/watches/{watch['id']}.atom")
    _sub(feed, "link", rel="alternate", href=f"{base}/watches/{watch['id']}")
    author = _sub(feed, "author")
    _sub(author, "name", "samestory")
    _sub(feed, "generator", "samestory")
    for e in events:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:samestory:watch:{watch['id']}:{e['key']}")
        _sub(entry, "title", event_title(e))
        _sub(entry, "updated", str(e["at"]))
        _sub(entry, "link", rel="alternate", href=f"{base}/stories/{e['story']}")
        _sub(entry, "category", term=str(e["kind"]))
        size = e.get("data", {}).get("size")
        summary = f"{e['kind']}: {e['detail']}" + (f" ({size} articles)" if size else "")
        _sub(entry, "summary", summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
