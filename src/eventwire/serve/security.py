"""API keys: write endpoints always need one; reads need one when the config says so.

The key travels in the ``X-API-Key`` header and is compared in constant time.
"""

from __future__ import annotations

import secrets

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from .config import API_KEY_ENV, API_KEY_HEADER, ServeConfig
from .errors import ApiError

_header = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, description="the service's API key")


def _config(request: Request) -> ServeConfig:
    return request.app.state.eventwire.config


def check_key(config: ServeConfig, given: str | None) -> None:
    """Raise :class:`ApiError` (401, or 503 when no key is configured) unless ``given`` is right."""
    if config.api_key is None:
        raise ApiError(
            503,
            f"this endpoint needs an API key, and none is configured: set {API_KEY_ENV} "
            "or api_key_file in [eventwire.serve]",
            "no_api_key_configured",
        )
    if given is None:
        raise ApiError(
            401,
            f"missing API key: send it in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": API_KEY_HEADER},
        )
    if not secrets.compare_digest(given.encode("utf-8"), config.api_key.encode("utf-8")):
        raise ApiError(401, "wrong API key", headers={"WWW-Authenticate": API_KEY_HEADER})


def require_write_key(request: Request, key: str | None = Depends(_header)) -> None:
    """Dependency of every write endpoint."""
    check_key(_config(request), key)


def require_read_key(request: Request, key: str | None = Depends(_header)) -> None:
    """Dependency of every read endpoint: a no-op unless ``require_key_for_reads``."""
    config = _config(request)
    if config.require_key_for_reads:
        check_key(config, key)
