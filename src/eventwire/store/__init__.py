"""The event database: store document records, deduplicate events, query and export.

Library first: the CLI commands (``ingest``, ``events``, ``actors``, ``quotes``, ``export``)
and a web API are thin layers over these functions.

    store = open_store("eventwire.db")            # or "postgresql://…"; migrates at open
    writer = StoreWriter(store, DedupParams.from_settings(settings))
    writer.add(record)                            # idempotent, one transaction per document
    with store.read() as conn:
        search_events(conn, EventFilter(type="ASSAULT", country="IRQ"))
        get_event(conn, 42)                       # with all its mentions
        get_document(conn, 7)                     # the stored DocumentRecord
"""

from .dedup import DedupParams
from .engine import Store, database_url, migrate, open_store
from .export import FORMATS, GDELT_COLUMNS, export, gdelt_rows, plover_events
from .queries import (
    ActorFilter,
    DocumentFilter,
    EventFilter,
    QuoteFilter,
    count_events,
    get_document,
    get_event,
    iter_events,
    search_actors,
    search_documents,
    search_events,
    search_quotes,
    table_counts,
)
from .results import (
    ActorSummary,
    DocumentRef,
    DocumentSummary,
    Participant,
    StoredEvent,
    StoredMention,
    StoredQuote,
)
from .writer import StoreWriter, WriteResult

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "ActorFilter",
    "ActorSummary",
    "DedupParams",
    "DocumentFilter",
    "DocumentRef",
    "DocumentSummary",
    "EventFilter",
    "Participant",
    "QuoteFilter",
    "Store",
    "StoreWriter",
    "StoredEvent",
    "StoredMention",
    "StoredQuote",
    "WriteResult",
    "count_events",
    "database_url",
    "export",
    "gdelt_rows",
    "get_document",
    "get_event",
    "iter_events",
    "migrate",
    "open_store",
    "plover_events",
    "search_actors",
    "search_documents",
    "search_events",
    "search_quotes",
    "table_counts",
]
