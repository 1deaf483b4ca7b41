"""Number words for 'pt': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ".\u00a0",
    "decimal": ",",
    "scales": {
        "mil milhões": 1e9,
        "mil": 1e3,
        "milhão": 1e6,
        "milhões": 1e6,
        "bilhão": 1e9,
        "bilhões": 1e9,
    },
    "currencies": {
        "dólares": "USD",
        "dólar": "USD",
        "euro": "EUR",
        "euros": "EUR",
        "reais": "BRL",
        "rublos": "RUB",
    },
    "percent": ("por cento",),
    "approximators": ("cerca de", "quase", "mais de", "pelo menos"),
}
NUMBERS["words"] = {
    "duas": 2,
    "dois": 2,
    "três": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
    "dez": 10,
    "doze": 12,
}
NUMBERS["durations"] = {
    "dias": 86400.0,
    "dia": 86400.0,
    "horas": 3600.0,
    "hora": 3600.0,
    "minutos": 60.0,
}
NUMBERS["prepositions"] = ("de",)
