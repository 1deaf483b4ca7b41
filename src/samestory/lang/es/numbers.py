"""Spanish number conventions: "1.200" groups with dots, "1,5" decimals."""

from __future__ import annotations

from typing import Any

# fmt: off
_WORDS = {
    "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiuno": 21, "veintiún": 21, "veintidós": 22, "veintitrés": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintisiete": 27,
    "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
    "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
    "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
    "ochocientos": 800, "novecientos": 900, "mil": 1000,
}

NUMBERS: dict[str, Any] = {
    "thousands": ". \u00a0\u202f\u2009",
    "decimal": ",",
    "scales": {
        "mil millones": 1e9, "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
        "billón": 1e12, "billones": 1e12, "mdd": 1e6,
    },
    "short_scales": {"k": 1e3, "m": 1e6, "mm": 1e9},
    "currencies": {
        "dólares estadounidenses": "USD", "dólar": "USD", "dólares": "USD",
        "dolares": "USD", "euro": "EUR", "euros": "EUR", "libras esterlinas": "GBP",
        "libras": "GBP", "francos suizos": "CHF", "yenes": "JPY", "yuanes": "CNY",
        "rublos": "RUB", "rupias": "INR", "séqueles": "ILS", "shekels": "ILS",
        "manats": "AZN", "grivnas": "UAH", "liras turcas": "TRY",
        "pesos mexicanos": "MXN", "pesos argentinos": "ARS", "pesos colombianos": "COP",
        "pesos chilenos": "CLP", "reales": "BRL",
    },
    "percent": ("por ciento", "por cien"),
    "approximators": (
        "casi", "casi el", "unos", "unas", "alrededor de", "alrededor del", "más de", "más del",
        "menos de", "menos del", "cerca de", "cerca del", "aproximadamente",
        "aproximadamente el", "al menos", "hasta", "en torno a", "en torno al", "poco más de",
        "poco menos de", "por lo menos", "apenas", "prácticamente", "no menos de",
    ),
    "words": _WORDS,
    "ones": ("un", "una"),
    "connectors": ("y",),
    "prepositions": ("de los", "de las", "del", "de"),
    "stopwords": (
        "a al como con de del el en entre es esta este fue fueron ha han la las lo los más "
        "menos o para pero por que se según sin sobre su sus un una uno unos unas y e ya "
        "desde hasta veces"
    ),
    "labels": (
        "artículo", "número", "núm.", "página", "línea", "vuelo", "capítulo", "resolución",
    ),
    "noun_capitalized": False,
    "year_counts": True,
    "ordinal_dot": False,
}
# fmt: on
