"""What the app holds: the store, settings, service config, the pipeline and an HTTP client
factory. Built once by :func:`eventwire.serve.create_app`; endpoints reach it through
``request.app.state.eventwire``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
from fastapi import Request
from sqlalchemy import Connection

from ..nlp import Pipeline
from ..settings import Settings
from ..store import Store, StoreWriter
from .config import ServeConfig

log = logging.getLogger(__name__)


class PipelineProvider:
    """Loads the extraction pipeline once, on first use, and runs one document at a time
    (spaCy pipelines are not meant to be shared between threads)."""

    def __init__(
        self,
        settings: Settings,
        pipeline: Pipeline | None = None,
        factory: Callable[[Settings], Pipeline] | None = None,
    ) -> None:
        self._settings = settings
        self._pipeline = pipeline
        self._factory = factory or (lambda s: Pipeline(s))
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    @contextmanager
    def use(self) -> Iterator[Pipeline]:
        """The pipeline, held exclusively for the ``with`` block."""
        with self._lock:
            if self._pipeline is None:
                log.info("loading the extraction pipeline (%s)", self._settings.model)
                self._pipeline = self._factory(self._settings)
            yield self._pipeline


@dataclass
class AppState:
    store: Store
    settings: Settings
    config: ServeConfig
    pipelines: PipelineProvider
    writer: StoreWriter
    client_factory: Callable[[], httpx.Client]
    extras: dict = field(default_factory=dict)


def get_state(request: Request) -> AppState:
    """FastAPI dependency: the app's state."""
    return request.app.state.eventwire


def read_conn(request: Request) -> Iterator[Connection]:
    """FastAPI dependency: a read connection for the request."""
    with get_state(request).store.read() as conn:
        yield conn
