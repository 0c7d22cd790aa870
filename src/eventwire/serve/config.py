"""Service configuration: the ``[eventwire.serve]`` table of the settings file, plus the API key.

    [eventwire]
    allow_private_urls = false        # POST /documents {"url": ...} refuses private addresses

    [eventwire.serve]
    api_key_file = "/etc/eventwire/api-key"   # used when EVENTWIRE_API_KEY is not set
    require_key_for_reads = false             # true: GET endpoints need the key too
    max_request_bytes = 2000000               # larger request bodies get 413
    max_feed_items = 50                       # POST /feeds processes at most this many items

The key comes from the environment variable ``EVENTWIRE_API_KEY`` first, then from the file
named by ``api_key_file``. Without a key, write endpoints answer 503 (they are never open).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..settings import Settings

API_KEY_ENV = "EVENTWIRE_API_KEY"
API_KEY_HEADER = "X-API-Key"


@dataclass(frozen=True)
class ServeConfig:
    """Resolved service options (frozen; built once by the app factory)."""

    api_key: str | None = None
    require_key_for_reads: bool = False
    max_request_bytes: int = 2_000_000
    max_feed_items: int = 50
    allow_private_urls: bool = False

    def __repr__(self) -> str:  # never show the key in logs
        shown = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        shown["api_key"] = "***" if self.api_key else None
        return f"ServeConfig({shown})"


def _read_key_file(path: str) -> str:
    try:
        key = Path(path).expanduser().read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"cannot read api_key_file {path}: {exc.strerror or exc}") from exc
    if not key:
        raise ConfigError(f"api_key_file {path} is empty")
    return key


def serve_config(settings: Settings, env: Mapping[str, str] | None = None) -> ServeConfig:
    """The service options from ``settings.extras["serve"]`` and the environment ``env``."""
    env = os.environ if env is None else env
    table: dict[str, Any] = dict(settings.extras.get("serve") or {})
    known = {f.name for f in dataclasses.fields(ServeConfig)} | {"api_key_file"}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"unknown [eventwire.serve] setting(s): {', '.join(sorted(unknown))}")
    if "api_key" in table:
        raise ConfigError("put the API key in EVENTWIRE_API_KEY or a file named by api_key_file")
    key = env.get(API_KEY_ENV) or None
    if key is None and table.get("api_key_file"):
        key = _read_key_file(str(table["api_key_file"]))
    for name in ("max_request_bytes", "max_feed_items"):
        if name in table and (not isinstance(table[name], int) or table[name] < 1):
            raise ConfigError(f"[eventwire.serve] {name} must be a positive integer")
    return ServeConfig(
        api_key=key,
        require_key_for_reads=bool(table.get("require_key_for_reads", False)),
        max_request_bytes=int(table.get("max_request_bytes", ServeConfig.max_request_bytes)),
        max_feed_items=int(table.get("max_feed_items", ServeConfig.max_feed_items)),
        allow_private_urls=settings.allow_private_urls,
    )
