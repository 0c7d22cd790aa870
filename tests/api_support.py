"""Helpers for the API and UI tests: hand-made records, a fake pipeline, an app factory.

The articles below are written for these tests (invented events between real countries).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.ingest import RawDocument
from eventwire.schema import (
    Actor,
    ActorRef,
    DocumentRecord,
    Event,
    Mention,
    Place,
    PlaceRef,
    Plover,
    Quote,
    TimeExpr,
    Trigger,
)

API_KEY = "test-key-123"

ARTICLES = [
    {
        "id": "kenya-talks",
        "url": "https://news.example.org/kenya-talks",
        "title": "Kenya and Ethiopia agree to joint patrols",
        "published": "2024-03-08",
        "text": (
            "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
            'on Thursday. "We will patrol the border together," Ruto said after the meeting.'
        ),
        "actors": [
            ("William Ruto", "KEN", "GOV", "PERSON"),
            ("Abiy Ahmed", "ETH", "GOV", "PERSON"),
        ],
        "trigger": "met",
        "plover": "CONSULT",
        "cameo": "040",
        "goldstein": 1.0,
        "quad": 1,
        "place": ("Nairobi", -1.28333, 36.81667, "KEN", 184745),
        "quote": ("We will patrol the border together,", "Ruto"),
        "time": ("Thursday", "2024-03-07"),
    },
    {
        "id": "sahel-strike",
        "url": "https://news.example.org/sahel-strike",
        "title": "Army strikes rebel camp near Gao",
        "published": "2024-03-10",
        "text": (
            "The Malian army attacked a rebel camp near Gao on Saturday, officials said. "
            'Colonel Assimi Goita called the raid "a necessary step".'
        ),
        "actors": [("Malian army", "MLI", "MIL", "ORG"), ("rebel camp", "MLI", "REB", "GROUP")],
        "trigger": "attacked",
        "plover": "ASSAULT",
        "cameo": "190",
        "goldstein": -10.0,
        "quad": 4,
        "place": ("Gao", 16.27167, -0.04472, "MLI", 2457163),
        "quote": ("a necessary step", "Assimi Goita"),
        "time": ("Saturday", "2024-03-09"),
    },
    {
        "id": "paris-protest",
        "url": "https://news.example.org/paris-protest",
        "title": "French unions protest pension plan",
        "published": "2024-03-12",
        "text": (
            "French unions protested against the government in Paris on Tuesday. "
            "Union leader Sophie Binet accused Prime Minister Gabriel Attal of ignoring workers."
        ),
        "actors": [
            ("French unions", "FRA", "LAB", "ORG"),
            ("Gabriel Attal", "FRA", "GOV", "PERSON"),
        ],
        "trigger": "protested",
        "plover": "PROTEST",
        "cameo": "141",
        "goldstein": -6.5,
        "quad": 3,
        "place": ("Paris", 48.85341, 2.3488, "FRA", 2988507),
        "quote": None,
        "time": ("Tuesday", "2024-03-12"),
    },
]


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_record(spec: dict) -> DocumentRecord:
    """A record with actors, one event, a quote, a date and a place, spans into the text."""
    text = spec["text"]
    actors = []
    refs = []
    for n, (name, country, sector, kind) in enumerate(spec["actors"], start=1):
        span = _span(text, name)
        actors.append(
            Actor(
                id=f"A{n}", name=name, type=kind, country=country, sector=sector,
                code=f"{country}{sector}", mentions=[Mention(text=name, span=span, sentence=0)],
            )
        )  # fmt: skip
        refs.append(
            ActorRef(actor_id=f"A{n}", name=name, country=country, sector=sector,
                     code=f"{country}{sector}", span=span)
        )  # fmt: skip
    pname, lat, lon, pcountry, gid = spec["place"]
    pspan = _span(text, pname)
    time_text, time_value = spec["time"]
    event = Event(
        id="E1",
        cameo=spec["cameo"],
        cameo_name=spec["plover"].title(),
        goldstein=spec["goldstein"],
        quad_class=spec["quad"],
        plover=Plover(type=spec["plover"]),
        source=[refs[0]],
        target=[refs[1]],
        trigger=Trigger(text=spec["trigger"], span=_span(text, spec["trigger"])),
        sentence=0,
        date=time_value,
        date_text=time_text,
        date_source="text",
        location=PlaceRef(name=pname, geonameid=gid, lat=lat, lon=lon, country=pcountry,
                          span=pspan),
        confidence=0.8,
    )  # fmt: skip
    quotes = []
    if spec["quote"]:
        qtext, speaker = spec["quote"]
        quotes.append(
            Quote(id="Q1", text=qtext, span=_span(text, qtext), speaker=speaker,
                  speaker_span=_span(text, speaker), speaker_actor_id="A1", cue="said",
                  sentence=1, confidence=0.9)
        )  # fmt: skip
    return DocumentRecord(
        id=spec["id"],
        url=spec["url"],
        source="Example News",
        title=spec["title"],
        published=dt.date.fromisoformat(spec["published"]),
        language="en",
        text=text,
        actors=actors,
        events=[event],
        quotes=quotes,
        times=[TimeExpr(id="T1", text=time_text, span=_span(text, time_text), type="DATE",
                        value=time_value, sentence=0)],
        places=[Place(id="P1", text=pname, span=pspan, geonameid=gid, name=pname, lat=lat,
                      lon=lon, country=pcountry, feature="PPLC", sentence=0)],
    )  # fmt: skip


@dataclass
class FakePipeline:
    """Stands in for :class:`eventwire.nlp.Pipeline`: records without a model.

    The record of a raw document is the ARTICLES entry whose text it contains, else a record
    with no events. ``calls`` counts processed documents.
    """

    calls: int = 0

    def _one(self, raw: RawDocument) -> DocumentRecord:
        self.calls += 1
        for spec in ARTICLES:
            if spec["text"] in raw.text:
                rec = make_record(spec)
                update = {
                    "id": raw.id,
                    "url": raw.url,
                    "text": raw.text,
                    "title": raw.title or rec.title,
                }
                return rec.model_copy(update=update)
        return DocumentRecord(id=raw.id, url=raw.url, title=raw.title, text=raw.text,
                              published=raw.published)  # fmt: skip

    def process_one(self, raw: RawDocument) -> DocumentRecord:
        return self._one(raw)

    def process(self, items):  # type: ignore[no-untyped-def]
        for item in items:
            yield self._one(item) if isinstance(item, RawDocument) else item
