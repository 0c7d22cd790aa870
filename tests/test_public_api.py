"""The public API is small and explicit (checked against a saved list)."""

from __future__ import annotations

import eventwire

EXPECTED = {
    "SCHEMA_VERSION",
    "Actor",
    "ConfigError",
    "DocumentRecord",
    "Event",
    "EventwireError",
    "InputError",
    "Pipeline",
    "Place",
    "Quote",
    "RawDocument",
    "Rejection",
    "ResourceError",
    "Settings",
    "TimeExpr",
    "Tone",
    "__version__",
    "extract_text",
    "load_settings",
    "read_inputs",
}


def test_all_is_the_saved_list():
    assert set(eventwire.__all__) == EXPECTED


def test_every_public_name_resolves():
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None


def test_extract_text_with_injected_pipeline(pipeline):
    record = eventwire.extract_text(
        "President Jane Doe met Prime Minister John Roe in Oslo.",
        published="2024-03-08",
        pipeline=pipeline,
    )
    assert record.published.isoformat() == "2024-03-08"
    assert {"Jane Doe", "John Roe"} <= {a.name for a in record.actors}


def test_settings_reject_unknown_and_invalid_values():
    import pytest

    with pytest.raises(eventwire.ConfigError):
        eventwire.Settings().replace(no_such_setting=1)
    with pytest.raises(eventwire.ConfigError):
        eventwire.Settings().replace(workers=0)


def test_settings_file_overrides_defaults(tmp_path):
    cfg = tmp_path / "eventwire.toml"
    cfg.write_text("[eventwire]\nbatch_size = 8\nmax_chars = 1000\n")
    s = eventwire.load_settings(cfg, batch_size=4)
    assert s.batch_size == 4 and s.max_chars == 1000
