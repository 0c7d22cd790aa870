"""Schemathesis fuzzes every operation of the OpenAPI spec: no input may cause a 5xx, and
responses must match their documented schemas (bounded: a few examples per operation)."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import HealthCheck, settings

from api_support import API_KEY, ARTICLES, FakePipeline, make_record

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error, response_schema_conformance  # noqa: E402

from eventwire.serve import ServeConfig, create_app  # noqa: E402
from eventwire.store import StoreWriter, open_store  # noqa: E402


def _app(tmp_dir):
    store = open_store(tmp_dir / "fuzz.db")
    writer = StoreWriter(store)
    for spec in ARTICLES:
        writer.add(make_record(spec))

    def offline_client() -> httpx.Client:  # URLs never leave the process
        return httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(404)))

    return create_app(
        store=store,
        config=ServeConfig(api_key=API_KEY, allow_private_urls=True, max_request_bytes=200_000),
        pipeline=FakePipeline(),
        client_factory=offline_client,
    )


@pytest.fixture(scope="module")
def api_app(tmp_path_factory):
    return _app(tmp_path_factory.mktemp("fuzz"))


def _fuzz_all(api_app, examples: int) -> None:
    from hypothesis import given

    schema = schemathesis.openapi.from_asgi("/openapi.json", api_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    checked = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
        def fuzz(case):  # type: ignore[no-untyped-def]
            case.headers = {**(case.headers or {}), "X-API-Key": API_KEY}
            response = case.call()
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )

        fuzz()
        checked.append(operation.label)
    assert "POST /documents" in checked and "GET /events" in checked


def test_no_server_errors(api_app):
    _fuzz_all(api_app, examples=4)


@pytest.mark.slow
def test_no_server_errors_thorough(api_app):
    _fuzz_all(api_app, examples=40)
