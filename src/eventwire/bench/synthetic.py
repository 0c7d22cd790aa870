"""A synthetic benchmark set: template-generated political news articles.

Used by ``eventwire bench`` when the real corpus (``../shared/corpus/allsides_10k.jsonl.gz``)
is absent. Every sentence comes from the templates below, filled with invented people and
public facts (country names, capitals, generic offices), so the set carries no third-party
text. Generation is deterministic for a given seed: the bundled file
``eventwire/data/bench/synthetic.jsonl.gz`` is ``generate_articles(200, seed=7)``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path

BUNDLED_COUNT = 200
BUNDLED_SEED = 7

# (country, adjective, capital)
_COUNTRIES = (
    ("the United States", "American", "Washington"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Iran", "Iranian", "Tehran"),
    ("India", "Indian", "New Delhi"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Japan", "Japanese", "Tokyo"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"),
)
_FIRST = (
    "Maren",
    "Tobias",
    "Aylin",
    "Rafael",
    "Nadia",
    "Osric",
    "Lena",
    "Kofi",
    "Priya",
    "Hugo",
    "Sana",
    "Dmitri",
    "Ines",
    "Jonah",
    "Yara",
    "Emeka",
    "Clara",
    "Ravi",
)
_LAST = (
    "Holloway",
    "Okafor",
    "Brandt",
    "Castellan",
    "Mirza",
    "Vance",
    "Ekholm",
    "Tanaka",
    "Duarte",
    "Quist",
    "Farrow",
    "Lindqvist",
    "Aziz",
    "Moreau",
    "Kestrel",
    "Abara",
)
_TITLES = (
    "Foreign Minister",
    "Defense Minister",
    "Prime Minister",
    "President",
    "Interior Minister",
    "army chief",
    "Senator",
    "opposition leader",
    "central bank governor",
    "ambassador",
)
_GROUPS = (
    "protesters",
    "police",
    "rebels",
    "farmers",
    "the ruling party",
    "the opposition",
    "striking teachers",
    "the army",
    "border guards",
    "election officials",
)
_TOPICS = (
    "trade tariffs",
    "a disputed border",
    "fuel prices",
    "a water-sharing treaty",
    "refugee returns",
    "a delayed election",
    "military exercises",
    "sanctions relief",
    "a pipeline project",
    "press freedom",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_SENTENCES = (
    "{adj} {title} {person} telephoned {adj2} {title2} {person2} on {day} to discuss {topic}.",
    "{person} urged {country2} to show restraint after {groups} clashed near {capital2}.",
    "{Groups} gathered outside the {adj2} embassy in {capital} on {day}, chanting slogans "
    "against {topic}.",
    "The {adj} foreign office said in a statement that it was deeply concerned about {topic}.",
    "\u201cWe will not accept any decision on {topic} taken without us,\u201d {person} told "
    "reporters in {capital}.",
    "{country} imposed new sanctions on {country2} on {day}, citing {topic}.",
    "Officials in {capital} said {groups} had detained at least {n} people overnight.",
    "{person} accused {country2} of violating the agreement on {topic} signed on {month} {d}.",
    "According to the ministry, {n} people were killed when {groups} attacked a convoy near "
    "{capital2} last week.",
    "{adj} and {adj2} delegations met in {capital} on {month} {d}, {year} and agreed to resume "
    "talks on {topic}.",
    "{title2} {person2} did not attend the summit, and aides said {pronoun} would travel to "
    "{capital} next month instead.",
    "The {adj} parliament voted {n} to {n2} to approve a bill on {topic} on {day}.",
    "{Groups} in {capital2} demanded that the government reverse its position on {topic}.",
    "{person} praised {country2} for its cooperation on {topic}, calling it \u201ca step in "
    "the right direction.\u201d",
    "If the talks on {topic} fail, {person} said, {country} would consider recalling its "
    "ambassador.",
    "The {adj} army said it had evacuated {n} civilians from villages near the border on {day}.",
    "Analysts in {capital} said the dispute over {topic} was unlikely to be settled before "
    "{month}.",
    "{person2} denied the accusations on {day} and called them \u201cbaseless and "
    "provocative.\u201d",
)


def _fill(rng: random.Random, template: str, cast: dict[str, str]) -> str:
    values = dict(cast)
    values.update(
        topic=rng.choice(_TOPICS),
        groups=rng.choice(_GROUPS),
        day=rng.choice(_DAYS),
        month=rng.choice(_MONTHS),
        d=str(rng.randint(1, 28)),
        year=str(rng.randint(2015, 2021)),
        n=str(rng.randint(2, 300)),
        n2=str(rng.randint(2, 300)),
    )
    values["Groups"] = values["groups"][0].upper() + values["groups"][1:]
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _article(rng: random.Random, number: int) -> dict[str, object]:
    (c1, a1, cap1), (c2, a2, cap2) = rng.sample(_COUNTRIES, 2)
    cast = {
        "country": c1,
        "adj": a1,
        "capital": cap1,
        "country2": c2,
        "adj2": a2,
        "capital2": cap2,
        "person": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        "person2": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        "title": rng.choice(_TITLES),
        "title2": rng.choice(_TITLES),
        "pronoun": rng.choice(("she", "he")),
    }
    paragraphs = []
    for _ in range(rng.randint(8, 20)):
        templates = rng.sample(_SENTENCES, rng.randint(2, 4))
        sentences = [_fill(rng, t, cast) for t in templates]
        paragraphs.append(" ".join(sentences))
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    topic = rng.choice(_TOPICS)
    return {
        "id": f"synthetic-{number:04d}",
        "source": "eventwire synthetic",
        "title": f"{c1[0].upper() + c1[1:]} and {c2} at odds over {topic}",
        "published": published.isoformat(),
        "text": "\n\n".join(paragraphs),
    }


def generate_articles(count: int, seed: int = BUNDLED_SEED) -> Iterator[dict[str, object]]:
    """``count`` synthetic articles (JSON objects with id, source, title, published, text)."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        yield _article(rng, number)


def write_articles(path: Path, count: int = BUNDLED_COUNT, seed: int = BUNDLED_SEED) -> None:
    """Write a synthetic set as gzipped JSONL (reproducible: fixed gzip mtime)."""
    lines = "".join(
        json.dumps(a, ensure_ascii=False) + "\n" for a in generate_articles(count, seed)
    )
    with path.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(lines.encode("utf-8"))
