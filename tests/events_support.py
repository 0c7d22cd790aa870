"""Helpers for the event tests that read events by trigger and their countries."""

from __future__ import annotations


def event_by_trigger(record, trigger):
    found = [e for e in record.events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.cameo) for e in record.events]
    return found[0]


def countries(refs):
    return {r.country for r in refs}
