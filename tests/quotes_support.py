"""Helpers for the quotes tests: a pipeline with only the stages quotes depend on (actors,
quotes), fast and isolated from the rest, and one text run through it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from eventwire.extract import actors, quotes
from eventwire.ingest import RawDocument
from eventwire.nlp import Pipeline
from eventwire.schema import DocumentRecord
from eventwire.settings import Settings


def quotes_pipeline(nlp) -> Pipeline:
    """A pipeline of the actors and quotes stages on the loaded model ``nlp``."""
    return Pipeline(Settings(), nlp=nlp, stages=[actors.run, quotes.run])


def extract_with(pipeline: Pipeline, text: str) -> DocumentRecord:
    """The record of one text run through ``pipeline``."""
    result = pipeline.process_one(RawDocument(id="t", text=text, origin="t"))
    assert isinstance(result, DocumentRecord), result
    return result


def quotes_extract(nlp) -> Callable[[str], DocumentRecord]:
    """``extract(text) -> DocumentRecord`` with the quotes pipeline."""
    return partial(extract_with, quotes_pipeline(nlp))
