"""Timing of the feed watcher: poll intervals (``15m``), bounded exponential back-off, options.

Options come from the ``[eventwire.watch]`` table of the settings file (``settings.extras``),
then from command-line flags; they are resolved once into a frozen :class:`WatchOptions`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..settings import Settings

_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", re.IGNORECASE)


def parse_interval(value: str | float | int) -> float:
    """Seconds in an interval such as ``15m``, ``1h30m``, ``90s``, ``2d`` or a bare ``300``.

    Raises :class:`ConfigError` for anything else, or for an interval that is not positive.
    """
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        text = value.strip().replace(" ", "")
        pos, seconds = 0, 0.0
        while pos < len(text):
            m = _PART.match(text, pos)
            if m is None or m.end() == pos:
                break
            seconds += float(m[1]) * _UNITS[(m[2] or "s").lower()]
            pos = m.end()
        if not text or pos != len(text):
            raise ConfigError(f"not an interval: {value!r} (use e.g. 90s, 15m, 1h30m, 2d)")
    if seconds <= 0:
        raise ConfigError(f"an interval must be positive, got {value!r}")
    return seconds


def backoff_delay(failures: int, base_s: float, max_s: float) -> float:
    """Seconds to wait after ``failures`` consecutive failures: ``base * 2**(failures-1)``,
    capped at ``max_s`` (so a long outage is retried at a steady, bounded pace)."""
    if failures < 1:
        return 0.0
    # min() on the exponent first: 2**failures overflows a float after ~1000 failures.
    return min(max_s, base_s * 2.0 ** min(failures - 1, 60))


@dataclass(frozen=True)
class WatchOptions:
    """How often feeds are polled and how failures are retried.

    ``page_attempts``: attempts to fetch an article page that fails with a transient error
    (timeout, connection error, HTTP 5xx/429) before the item's own feed content is used.
    ``item_attempts``: attempts to process an item that fails unexpectedly (database busy …)
    before it is given up as ``failed``. ``fetch_pages``: fetch article pages at all.
    """

    every_s: float = 900.0
    retry_base_s: float = 60.0
    retry_max_s: float = 3600.0
    page_attempts: int = 3
    item_attempts: int = 6
    fetch_pages: bool = True

    def __post_init__(self) -> None:
        for name in ("every_s", "retry_base_s", "retry_max_s"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"watch.{name} must be positive, got {getattr(self, name)!r}")
        for name in ("page_attempts", "item_attempts"):
            if int(getattr(self, name)) < 1:
                raise ConfigError(f"watch.{name} must be >= 1, got {getattr(self, name)!r}")

    @classmethod
    def from_settings(cls, settings: Settings | None, **overrides: Any) -> WatchOptions:
        """Defaults, then ``settings.extras["watch"]`` (a ``[eventwire.watch]`` table), then
        ``overrides`` (``None`` values ignored). Intervals may be written as ``"15m"``."""
        table = dict((settings.extras if settings else {}).get("watch", {}) or {})
        table.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in dataclasses.fields(cls)}
        aliases = {"every": "every_s", "retry_base": "retry_base_s", "retry_max": "retry_max_s"}
        clean: dict[str, Any] = {}
        for key, value in table.items():
            name = aliases.get(key, key)
            if name not in known:
                raise ConfigError(f"unknown watch setting {key!r} (known: {sorted(known)})")
            clean[name] = parse_interval(value) if name.endswith("_s") else value
        return cls(**clean)

    def feed_retry(self, failures: int) -> float:
        """Delay before polling a feed again after ``failures`` consecutive failed polls."""
        return backoff_delay(failures, self.retry_base_s, self.retry_max_s)

    def item_retry(self, attempts: int) -> float:
        """Delay before trying an item again after ``attempts`` failed attempts."""
        return backoff_delay(attempts, self.retry_base_s, self.retry_max_s)
