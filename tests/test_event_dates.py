"""Event dates: a time in the event's sentence, else the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract import event_dates, times
from eventwire.extract.event_dates import event_date_value
from eventwire.ingest.cleanup import normalize
from eventwire.ingest.document import RawDocument
from eventwire.nlp.context import DocContext, Resources
from eventwire.schema import Event, Trigger
from eventwire.settings import Settings


@pytest.fixture()
def context(nlp):
    def _context(text: str, published: dt.date | None) -> DocContext:
        work, omap = normalize(text)
        raw = RawDocument(id="t", text=text, origin="t", published=published)
        ctx = DocContext(
            raw=raw, work=work, omap=omap, doc=nlp(work), resources=Resources(Settings())
        )
        times.run(ctx)
        return ctx

    return _context


def _event(ctx: DocContext, trigger: str) -> Event:
    start = ctx.text.index(trigger)
    return Event(
        id=ctx.next_id("E"),
        trigger=Trigger(text=trigger, span=(start, start + len(trigger))),
        sentence=ctx.sentence_of_original(start),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-03", "2020-01-03"),
        ("2020-01-03TMO", "2020-01-03"),
        ("2020-01-03T17:00", "2020-01-03"),
        ("2020-W01", "2020-W01"),
        ("2020-W01-WE", "2020-W01"),
        ("2019-12", "2019-12"),
        ("2019", "2019"),
        ("P3D", None),
        ("PRESENT_REF", None),
        ("XXXX-XX-XX", None),
        ("2019-Q3", None),
        ("XXXX-WXX-1", None),
    ],
)
def test_event_date_value(value, expected):
    assert event_date_value(value) == expected


def test_time_in_the_sentence_dates_the_event(context):
    ctx = context(
        "Officials said. The general was killed in Baghdad on Friday.", dt.date(2020, 1, 4)
    )
    ev = _event(ctx, "killed")
    ctx.events.append(ev)
    event_dates.run(ctx)
    assert (ev.date, ev.date_text, ev.date_source) == ("2020-01-03", "Friday", "text")


def test_week_expression_gives_an_iso_week(context):
    ctx = context("A crowd this week laid siege to the embassy.", dt.date(2020, 1, 4))
    ev = _event(ctx, "laid")
    ctx.events.append(ev)
    event_dates.run(ctx)
    assert (ev.date, ev.date_source) == ("2020-W01", "text")


def test_without_a_time_the_event_takes_the_publication_date(context):
    ctx = context("Rebels attacked the town. On Friday, police arrived.", dt.date(2020, 1, 4))
    ev = _event(ctx, "attacked")
    ctx.events.append(ev)
    event_dates.run(ctx)
    assert (ev.date, ev.date_text, ev.date_source) == ("2020-01-04", None, "published")


def test_attached_time_beats_a_nearer_one(context):
    ctx = context("Police arrested him on Monday after the riot on Saturday.", dt.date(2020, 1, 8))
    ev = _event(ctx, "arrested")
    ctx.events.append(ev)
    event_dates.run(ctx)
    assert ev.date_text == "Monday"
    assert ev.date == "2020-01-06"


def test_unresolved_times_do_not_date_events(context):
    ctx = context("Rebels attacked the town on Friday.", None)
    ev = _event(ctx, "attacked")
    ctx.events.append(ev)
    event_dates.run(ctx)
    assert (ev.date, ev.date_source) == (None, None)


@pytest.fixture(scope="module")
def seed(shared_dir, pipeline):
    from eventwire.ingest import read_inputs

    path = shared_dir / "examples" / "seed_article.txt"
    items = list(read_inputs([str(path)], pipeline.settings, published=dt.date(2020, 1, 4)))
    (record,) = list(pipeline.process(items))
    return record


def test_seed_tweet_date_and_soleimani_killing(seed):
    assert any(t.text == "January 3, 2020" and t.value == "2020-01-03" for t in seed.times)
    killed = [e for e in seed.events if e.trigger.text == "killed"]
    assert killed and all(e.date == "2020-01-03" and e.date_source == "text" for e in killed)


def test_seed_embassy_siege_is_week_one(seed):
    siege = [e for e in seed.events if e.trigger.text == "laid"]
    assert siege and siege[0].date == "2020-W01"
    assert siege[0].date_text == "this week"
