"""``eventwire schema``: print the JSON Schema of the document record."""

from __future__ import annotations

import argparse
import json

from ..schema import json_schema


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the document record")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2))
    return 0
