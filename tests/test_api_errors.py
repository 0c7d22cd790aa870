"""One JSON error shape for the whole API: every failing request, whatever fails, answers
``{"error": {"status", "code", "message"[, "details"]}}`` with a matching HTTP status."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import API_KEY, FakePipeline
from eventwire.serve import ServeConfig, create_app
from eventwire.serve.errors import ErrorResponse
from eventwire.store import open_store

KEY = {"X-API-Key": API_KEY}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("errors") / "e.db")
    app = create_app(
        store=store,
        config=ServeConfig(api_key=API_KEY, max_request_bytes=500),
        pipeline=FakePipeline(),
    )

    @app.get("/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("kaboom")

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    store.close()


CASES = [
    ("get", "/nowhere", {}, 404, "not_found"),
    ("get", "/events/999", {}, 404, "not_found"),
    ("get", "/events/abc", {}, 422, "invalid_request"),
    ("get", "/events/0", {}, 422, "invalid_request"),
    ("get", "/documents/77", {}, 404, "not_found"),
    ("get", "/events?limit=100000", {}, 422, "invalid_request"),
    ("get", "/events?since=not-a-date", {}, 422, "invalid_request"),
    ("get", "/events?cameo=abc", {}, 422, "invalid_request"),
    ("get", "/actors?type=ALIEN", {}, 422, "invalid_request"),
    ("get", "/stats/countries?role=moon", {}, 422, "invalid_request"),
    ("delete", "/events", {}, 405, "method_not_allowed"),
    ("post", "/documents", {"json": {"text": "x"}}, 401, "unauthorized"),
    ("post", "/feeds", {"json": {"content": "x"}, "headers": {"X-API-Key": "bad"}}, 401, "unauthorized"),
    ("post", "/documents", {"json": {"text": "x" * 600}, "headers": KEY}, 413, "payload_too_large"),
    ("post", "/documents", {"json": {"html": "<p>x</p>", "text": "y"}, "headers": KEY}, 422, "invalid_request"),
    ("post", "/documents", {"json": {"url": "http://127.0.0.1/"}, "headers": KEY}, 422, "E109"),
    ("post", "/feeds", {"json": {"content": "plain words"}, "headers": KEY}, 422, "E106"),
    ("get", "/boom", {}, 500, "internal_error"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), CASES)
def test_one_error_shape(client, method, path, kwargs, status, code):
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = ErrorResponse.model_validate(r.json())
    assert set(r.json()) == {"error"}
    assert body.error.status == status and body.error.code == code
    assert body.error.message.strip()
    if code == "invalid_request":
        assert body.error.details, "validation errors name their fields"
    assert "kaboom" not in r.text  # internal details stay in the log


def test_openapi_documents_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    assert "ErrorResponse" in spec["components"]["schemas"]
    responses = spec["paths"]["/documents"]["post"]["responses"]
    assert {"401", "413", "422"} <= set(responses)
