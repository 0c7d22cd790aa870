"""Ingestion: turn files, directories, stdin, URLs, feeds and JSONL batches into raw documents."""

from .document import RawDocument
from .readers import read_inputs

__all__ = ["RawDocument", "read_inputs"]
