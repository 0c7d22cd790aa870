"""Shared fixtures. Most tests need no model; those that parse share one loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow test: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: third-party data not available")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp.model import load_model
    from eventwire.settings import DEFAULT_MODEL

    return load_model(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def pipeline(nlp):
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings(), nlp=nlp)


@pytest.fixture()
def extract(pipeline):
    """Extract one text: ``extract(text, published="2020-01-04")`` -> DocumentRecord."""
    import datetime as dt

    from eventwire.ingest import RawDocument
    from eventwire.schema import DocumentRecord

    def _extract(text: str, published: str | None = None, doc_id: str = "t") -> DocumentRecord:
        raw = RawDocument(
            id=doc_id,
            text=text,
            origin=doc_id,
            published=dt.date.fromisoformat(published) if published else None,
        )
        result = pipeline.process_one(raw)
        assert isinstance(result, DocumentRecord), result
        return result

    return _extract


@pytest.fixture(scope="module")
def located_pipeline(nlp):
    """Events with the places stage before them (resolved places give countries)."""
    from eventwire.extract import actors, events, places, quotes, times
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    return Pipeline(
        Settings(), nlp=nlp, stages=(actors.run, times.run, places.run, quotes.run, events.run)
    )


@pytest.fixture()
def run(located_pipeline):
    """Run actors, times, places, quotes and events on one text."""
    from eventwire.ingest import RawDocument
    from eventwire.schema import DocumentRecord

    def _run(text: str):
        result = located_pipeline.process_one(RawDocument(id="t", text=text, origin="t"))
        assert isinstance(result, DocumentRecord), result
        return result

    return _run
