"""Generate ``src/eventwire/data/actors/countries.tsv`` from public country facts.

Sources: ISO 3166-1 codes and names from pycountry (a project dependency); capitals,
demonyms and alternative English spellings from the ``countryinfo`` package (MIT), a
generator-time tool only: ``pip install countryinfo==1.0.1`` before running::

    python scripts/gen_countries.py > src/eventwire/data/actors/countries.tsv

Hand-written corrections and additions live in ``countries_extra.tsv`` and are merged at
load time, so re-running this script never loses them.
"""

from __future__ import annotations

import re
import sys

import pycountry

try:
    from countryinfo import all_countries
except ImportError:  # the script still works, with names only
    all_countries = None

HEADER = ("iso3", "name", "aliases", "adjectives", "capital")


def _english(text: str) -> bool:
    """Plain ASCII spellings of at least 4 characters, not inverted ("Korea, Republic of")."""
    return bool(re.fullmatch(r"[A-Za-z .'\-]{4,}", text)) and "," not in text


def _extra_info() -> dict[str, dict]:
    if all_countries is None:
        return {}
    out: dict[str, dict] = {}
    for country in all_countries():
        info = country.info()
        iso = (info.get("ISO") or {}).get("alpha3")
        if iso and iso not in out:  # the first record per code is the fuller one
            out[iso] = info
    return out


def rows() -> list[tuple[str, ...]]:
    """One row per ISO 3166-1 country."""
    extra = _extra_info()
    out = []
    for country in pycountry.countries:
        iso3 = country.alpha_3
        info = extra.get(iso3, {})
        name = getattr(country, "common_name", None) or country.name
        if "," in name and info.get("name") and _english(info["name"]):
            name = info["name"]
        aliases = [country.name, getattr(country, "official_name", ""), info.get("name", "")]
        aliases += info.get("altSpellings") or []
        aliases = [a for a in dict.fromkeys(aliases) if a and a != name and _english(a)]
        demonym = info.get("demonym") or ""
        adjectives = [demonym] if demonym and _english(demonym) else []
        capital = info.get("capital") or ""
        if isinstance(capital, list):  # a few countries list several seats
            capital = capital[0] if capital else ""
        capital = re.sub(r"\s+D\.C\.$", "", capital)
        out.append((iso3, name, "|".join(aliases), "|".join(adjectives), capital))
    return sorted(out)


def main() -> None:
    """Write the TSV to standard output."""
    sys.stdout.write("\t".join(HEADER) + "\n")
    for row in rows():
        sys.stdout.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
