"""Word lists and number parsing for :mod:`storyline.extract.figures`.

Units follow ``evaldata/figures/GUIDELINES.md``: ISO 4217 codes for money,
``percent`` (value 0–100), ``pp`` for percentage points, ``fraction`` (value
0–1, four decimals), unit symbols for quantities and the counted noun's lemma
for counts. Vague plurals are ranges: "dozens of" 24–99, "hundreds of"
200–999, "thousands of" 2,000–9,999, "tens of thousands of" 20,000–99,999,
"hundreds of thousands of" 200,000–999,999, "millions of" 2e6–999,999,999.

>>> parse_number("1,800")
1800.0
>>> parse_number("twenty-five")
25.0
"""

from __future__ import annotations

import re

__all__ = [
    "APPROX",
    "CURRENCY_SIGNS",
    "CURRENCY_WORDS",
    "FRACTIONS",
    "HUNDREDTHS",
    "NUMBER_WORDS",
    "SCALES",
    "TIME_NOUNS",
    "UNIT_WORDS",
    "VAGUE",
    "parse_number",
]

NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "one": 1,
}  # fmt: skip
_ONES = {w: n for w, n in NUMBER_WORDS.items() if n < 10}

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
    # Indian numbering: "Rs 500 crore" (5e9), "3 lakh rupees" (3e5), "₹45 lakh crore"
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "lakh crore": 1e12,
}  # fmt: skip

# Approximation / bound words kept as written, longest first for the regex.
APPROX = sorted(
    [
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "some",
        "approximately",
        "over",
        "under",
        "more than",
        "less than",
        "fewer than",
        "up to",
        "at least",
        "at most",
        "an estimated",
        "just over",
        "just under",
        "close to",
        "as many as",
        "as much as",
        "as few as",
        "well over",
        "upwards of",
        "in excess of",
        "below",
        "above",
    ],
    key=len,
    reverse=True,
)

CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "c$": "CAD", "a$": "AUD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "₹": "INR", "rs": "INR", "rs.": "INR",
    # ISO codes written before the amount: "EUR 3 million", "CHF 2m"
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "jpy": "JPY", "cny": "CNY",
    "inr": "INR", "cad": "CAD", "aud": "AUD",
}  # fmt: skip
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "swiss francs": "CHF", "francs": "CHF", "pence": "GBP", "p": "GBP",
    "won": "KRW", "pesos": "MXN", "usd": "USD", "gbp": "GBP", "eur": "EUR",
    "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "rand": "ZAR", "naira": "NGN",
    "shekels": "ILS", "zlotys": "PLN", "zloty": "PLN", "hryvnia": "UAH",
    "dirhams": "AED", "riyals": "SAR", "lira": "TRY", "kronor": "SEK",
    "chf": "CHF", "jpy": "JPY", "cny": "CNY", "inr": "INR",
    # dollars named by their country: "100 Canadian dollars" is CAD, not USD
    "us dollars": "USD", "us dollar": "USD", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "australian dollars": "AUD", "australian dollar": "AUD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "taiwan dollars": "TWD",
    "zimbabwe dollars": "ZWD", "zimbabwean dollars": "ZWD",
    # hundredths, scaled like pence: "8.5 cents" → 0.085
    "cents": "USD", "euro cents": "EUR",
}  # fmt: skip
# currency words that name a hundredth of the unit
HUNDREDTHS = {"p", "pence", "cents", "euro cents"}

UNIT_WORDS: dict[str, str] = {
    "mile": "mi", "miles": "mi", "mi": "mi", "km": "km", "kilometre": "km", "kilometres": "km",
    "kilometer": "km", "kilometers": "km", "metre": "m", "metres": "m", "meter": "m",
    "meters": "m", "cm": "cm", "mm": "mm", "foot": "ft", "feet": "ft", "ft": "ft",
    "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "acre": "acre",
    "acres": "acre", "hectare": "ha", "hectares": "ha", "tonne": "t", "tonnes": "t",
    "ton": "t", "tons": "t", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg",
    "kilos": "kg", "gram": "g", "grams": "g", "lb": "lb", "lbs": "lb", "ounce": "oz",
    "ounces": "oz", "oz": "oz", "litre": "l", "litres": "l", "liter": "l", "liters": "l",
    "gallon": "gal", "gallons": "gal", "barrel": "bbl", "barrels": "bbl", "bpd": "bbl/d",
    "mph": "mph", "kph": "km/h", "megawatt": "MW", "megawatts": "MW", "mw": "MW",
    "gigawatt": "GW", "gigawatts": "GW", "gw": "GW", "kwh": "kWh", "gb": "GB",
    "mb": "MB", "kb": "KB", "tb": "TB", "megabyte": "MB", "megabytes": "MB",
    "gigabyte": "GB", "gigabytes": "GB", "terabyte": "TB", "terabytes": "TB",
    "square miles": "sq mi", "square mile": "sq mi", "square kilometres": "sq km",
    "square feet": "sq ft", "degrees": "deg", "points": "pt", "point": "pt",
    "sq km": "sq km", "sq miles": "sq mi", "sq mi": "sq mi", "sq ft": "sq ft",
    "square kilometre": "sq km", "square kilometers": "sq km", "square kilometer": "sq km",
    "square metres": "sq m", "square meters": "sq m", "stone": "st",
    "°c": "°C", "°f": "°F", "degrees celsius": "°C", "degrees centigrade": "°C",
    "degrees fahrenheit": "°F", "celsius": "°C", "fahrenheit": "°F",
    "microgram": "µg", "micrograms": "µg", "milligram": "mg", "milligrams": "mg",
    # rates written as one unit: "120km/h", "1m b/d", "8 Mbps"
    "km/h": "km/h", "m/s": "m/s", "b/d": "bbl/d", "mbps": "Mbit/s", "megabits per second": "Mbit/s",
    "megabits": "Mbit", "megabit": "Mbit",
}  # fmt: skip

FRACTIONS: dict[str, float] = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 0.3333, "one third": 0.3333,
    "one-third": 0.3333, "two-thirds": 0.6667, "two thirds": 0.6667, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three-quarters": 0.75,
    "three quarters": 0.75, "a fifth": 0.2, "one-fifth": 0.2, "one fifth": 0.2,
    "two-fifths": 0.4, "a tenth": 0.1, "one-tenth": 0.1, "a sixth": 0.1667,
}  # fmt: skip
_DENOMINATOR = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10, "half": 2}

# "hundreds of thousands of" etc.: the longest phrase first.
VAGUE: dict[str, tuple[float, float]] = {
    "hundreds of thousands": (2e5, 999_999),
    "tens of thousands": (2e4, 99_999),
    "hundreds of billions": (2e11, 999_999_999_999),
    "tens of billions": (2e10, 99_999_999_999),
    "hundreds of millions": (2e8, 999_999_999),
    "tens of millions": (2e7, 99_999_999),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2e6, 999_999_999),
    "billions": (2e9, 9.99e11),
    "trillions": (2e12, 9.99e14),
}

TIME_NOUNS = {
    "second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
    "decade", "century", "quarter", "season", "term", "am", "pm", "a.m.", "p.m.",
    "o'clock", "year-old", "time",
}  # fmt: skip

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d*\.?\d+$")


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words, or None.

    >>> parse_number("a dozen")
    12.0
    """
    t = text.lower().strip().replace("\u2009", "")
    if _DIGITS.match(t):
        return float(t.replace(",", ""))
    if t in ("a dozen", "dozen"):
        return 12.0
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    tens, _, ones = t.partition("-")
    if tens in NUMBER_WORDS and ones in _ONES and NUMBER_WORDS[tens] >= 20:
        return float(NUMBER_WORDS[tens] + _ONES[ones])
    return None


def fraction_value(text: str) -> float | None:
    """A fraction written in words ("two-thirds", "three in four"), in [0, 1].

    >>> fraction_value("three in four")
    0.75
    """
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in FRACTIONS:
        return FRACTIONS[t]
    m = re.match(r"^(\w+) (?:[a-z]+ )?(?:in|out of) (\w+)$", t)  # "one household in three"
    if m:
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        if a is not None and b:
            return round(a / b, 4)
    m = re.match(r"^(\w+)[- ](third|quarter|fifth|tenth)s?$", t)
    if m:
        n = parse_number(m.group(1))
        if n is not None:
            return round(n / _DENOMINATOR[m.group(2)], 4)
    return None
