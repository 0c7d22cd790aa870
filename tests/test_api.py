"""The REST API with FastAPI's test client: every endpoint, keys, bad input, limits, SSRF."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from api_support import API_KEY, ARTICLES, FakePipeline, make_record
from eventwire.serve import ServeConfig, create_app, serve_config
from eventwire.settings import Settings, load_settings
from eventwire.store import StoreWriter, open_store

KEY = {"X-API-Key": API_KEY}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = open_store(tmp_path_factory.mktemp("api") / "api.db")
    writer = StoreWriter(st)
    for spec in ARTICLES:
        writer.add(make_record(spec))
    yield st
    st.close()


@pytest.fixture()
def pipeline():
    return FakePipeline()


def _client(store, pipeline, **config) -> TestClient:
    cfg = ServeConfig(**{"api_key": API_KEY, **config})
    return TestClient(create_app(store=store, config=cfg, pipeline=pipeline))


@pytest.fixture()
def client(store, pipeline):
    with _client(store, pipeline) as c:
        yield c


# -- reads ----------------------------------------------------------------------------------------
def test_events_list_has_actor_names_and_total(client):
    body = client.get("/events").json()
    assert body["total"] == 3
    names = {(e["source"]["name"], e["target"]["name"]) for e in body["items"]}
    assert ("William Ruto", "Abiy Ahmed") in names
    # newest event date first
    dates = [e["date"] for e in body["items"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "assault"}, {"ASSAULT"}),
        ({"country": "fra"}, {"PROTEST"}),
        ({"cameo": "19"}, {"ASSAULT"}),
        ({"actor": "ruto"}, {"CONSULT"}),
        ({"actor": "MLIMIL"}, {"ASSAULT"}),
        ({"place": "nairobi"}, {"CONSULT"}),
        ({"since": "2024-03-09", "until": "2024-03-10"}, {"ASSAULT"}),
        ({"text": "pension"}, {"PROTEST"}),
        ({"min_mentions": 2}, set()),
    ],
)
def test_events_filters(client, params, expected):
    body = client.get("/events", params=params).json()
    assert {e["plover_type"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_events_pagination(client):
    first = client.get("/events", params={"limit": 2}).json()
    second = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])


def test_event_detail_has_mentions_and_evidence(client):
    ev = client.get("/events", params={"type": "ASSAULT"}).json()["items"][0]
    detail = client.get(f"/events/{ev['id']}").json()
    (mention,) = detail["mentions"]
    assert "attacked a rebel camp" in mention["excerpt"]
    assert mention["document"]["title"] == "Army strikes rebel camp near Gao"
    assert mention["event"]["trigger"]["text"] == "attacked"


def test_events_with_mentions_flag(client):
    items = client.get("/events", params={"mentions": True}).json()["items"]
    assert all(len(e["mentions"]) == 1 for e in items)


def test_documents_list_and_record(client):
    docs = client.get("/documents").json()["items"]
    assert len(docs) == 3
    doc_id = next(d["document"]["id"] for d in docs if d["document"]["doc_id"] == "kenya-talks")
    record = client.get(f"/documents/{doc_id}").json()
    assert record["actors"][0]["name"] == "William Ruto"
    start, end = record["events"][0]["trigger"]["span"]
    assert record["text"][start:end] == "met"
    assert client.get("/documents", params={"text": "rebel"}).json()["items"][0]["quotes"] == 1


def test_actors_quotes_places(client):
    actors = client.get("/actors", params={"country": "KEN"}).json()["items"]
    assert [a["name"] for a in actors] == ["William Ruto"]
    quotes = client.get("/quotes", params={"speaker": "goita"}).json()["items"]
    assert quotes[0]["text"] == "a necessary step"
    places = client.get("/places", params={"name": "gao"}).json()["items"]
    assert places[0]["country"] == "MLI" and places[0]["lat"] == pytest.approx(16.27167)


def test_stats(client):
    tl = client.get("/stats/timeline").json()
    assert {(b["date"], b["quad_class"], b["type"]) for b in tl} == {
        ("2024-03-07", 1, "CONSULT"),
        ("2024-03-09", 4, "ASSAULT"),
        ("2024-03-12", 3, "PROTEST"),
    }
    net = client.get("/stats/network").json()
    edge = next(e for e in net["edges"] if e["source"] == "Malian army")
    assert edge["events"] == 1 and edge["mean_goldstein"] == -10.0
    assert len(net["nodes"]) == 6
    countries = client.get("/stats/countries", params={"role": "source"}).json()
    assert {c["country"] for c in countries} == {"KEN", "MLI", "FRA"}
    locs = client.get("/stats/locations", params={"country": "KEN"}).json()
    assert locs == [
        {"name": "Nairobi", "country": "KEN", "lat": -1.28333, "lon": 36.81667, "events": 1,
         "quad_counts": {"1": 1, "2": 0, "3": 0, "4": 0}}
    ]  # fmt: skip
    assert client.get("/stats/counts").json()["events"] == 3


def test_health_openapi_docs_ui_are_local(client):
    assert client.get("/health").json()["counts"]["documents"] == 3
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/documents", "/feeds", "/stats/network"} <= set(
        spec["paths"]
    )
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.split("<body>")[0].lower()
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    page = client.get("/")
    assert (
        page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    )


# -- writes ---------------------------------------------------------------------------------------
NEW_TEXT = ARTICLES[0]["text"]


@pytest.fixture()
def empty_client(tmp_path, pipeline):
    st = open_store(tmp_path / "empty.db")
    with _client(st, pipeline) as c:
        yield c
    st.close()


def test_post_document_text_is_extracted_stored_then_duplicate(empty_client, pipeline):
    body = {"text": NEW_TEXT, "title": "Talks", "published": "2024-03-08"}
    first = empty_client.post("/documents", json=body, headers=KEY)
    assert first.status_code == 201, first.text
    got = first.json()
    assert got["status"] == "stored" and got["new_events"] == 1
    assert got["record"]["events"][0]["plover"]["type"] == "CONSULT"
    again = empty_client.post("/documents", json=body, headers=KEY)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert again.json()["document_id"] == got["document_id"]
    assert pipeline.calls == 1  # the duplicate was not extracted again
    assert empty_client.get("/events").json()["total"] == 1


def test_post_document_html(empty_client):
    html = f"<html><head><title>T</title></head><body><article><p>{NEW_TEXT}</p></article></body></html>"
    r = empty_client.post("/documents", json={"html": html}, headers=KEY)
    assert r.status_code == 201, r.text
    assert "Ruto" in r.json()["record"]["text"]


def test_post_document_needs_key(empty_client):
    r = empty_client.post("/documents", json={"text": NEW_TEXT})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = empty_client.post("/documents", json={"text": NEW_TEXT}, headers={"X-API-Key": "nope"})
    assert r.status_code == 401 and "wrong" in r.json()["error"]["message"]
    assert empty_client.get("/events").json()["total"] == 0


def test_writes_disabled_without_configured_key(tmp_path, pipeline):
    st = open_store(tmp_path / "nokey.db")
    with _client(st, pipeline, api_key=None) as c:
        r = c.post("/documents", json={"text": NEW_TEXT}, headers={"X-API-Key": ""})
        assert r.status_code == 503 and r.json()["error"]["code"] == "no_api_key_configured"
        assert c.get("/events").status_code == 200
    st.close()


def test_reads_can_require_key(store, pipeline):
    with _client(store, pipeline, require_key_for_reads=True) as c:
        assert c.get("/events").status_code == 401
        assert c.get("/stats/timeline", headers={"X-API-Key": "x"}).status_code == 401
        assert c.get("/events", headers=KEY).status_code == 200
        assert c.get("/health", headers=KEY).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": "   "},
        {"text": "a", "html": "<p>b</p>"},
        {"url": "ftp://example.org/x"},
        {"text": "a", "published": "yesterday"},
        {"text": "a", "colour": "red"},
        {"text": 42},
    ],
)
def test_post_document_bad_input(empty_client, body):
    r = empty_client.post("/documents", json=body, headers=KEY)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_request"


def test_post_document_not_json(empty_client):
    r = empty_client.post(
        "/documents", content=b"{not json", headers={**KEY, "Content-Type": "application/json"}
    )
    assert r.status_code == 422


def test_post_document_rejected_by_reader(empty_client):
    r = empty_client.post("/documents", json={"html": "<html><body></body></html>"}, headers=KEY)
    assert r.status_code == 422
    assert r.json()["error"]["code"].startswith("E1")


def test_request_size_limit(store, pipeline):
    with _client(store, pipeline, max_request_bytes=1000) as c:
        r = c.post("/documents", json={"text": "x" * 2000}, headers=KEY)
        assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"

        def chunks():
            yield b'{"text": "'
            yield b"y" * 3000
            yield b'"}'

        r = c.post(
            "/documents", content=chunks(), headers={**KEY, "Content-Type": "application/json"}
        )
        assert r.status_code == 413


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/a", "http://localhost:8000/", "http://10.0.0.5/x", "http://[::1]/",
     "http://169.254.169.254/latest/meta-data", "http://2130706433/"],
)  # fmt: skip
def test_url_fetch_refuses_private_addresses(empty_client, url):
    r = empty_client.post("/documents", json={"url": url}, headers=KEY)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "E109"


def _mock_factory(handler):
    return lambda: httpx.Client(transport=httpx.MockTransport(handler))


def test_url_fetch_with_injected_client(tmp_path, pipeline):
    def handler(request: httpx.Request) -> httpx.Response:
        page = f"<html><body><article><p>{NEW_TEXT}</p></article></body></html>"
        return httpx.Response(200, html=page)

    st = open_store(tmp_path / "url.db")
    app = create_app(
        store=st,
        config=ServeConfig(api_key=API_KEY, allow_private_urls=True),
        pipeline=pipeline,
        client_factory=_mock_factory(handler),
    )
    with TestClient(app) as c:
        r = c.post(
            "/documents",
            json={"url": "https://news.example.org/a", "title": "Given title"},
            headers=KEY,
        )
        assert r.status_code == 201, r.text
        assert r.json()["record"]["title"] == "Given title"
        assert r.json()["record"]["url"] == "https://news.example.org/a"
    st.close()


def test_redirect_to_private_address_is_refused():
    from eventwire.errors import InputError
    from eventwire.ingest.fetch import fetch_url
    from eventwire.serve.fetching import host_is_public, make_safe_client

    assert not host_is_public("127.0.0.1") and not host_is_public("192.168.1.1")
    assert host_is_public("8.8.8.8")
    client = make_safe_client(Settings(), allow_private=False)
    with client, pytest.raises(InputError, match="refusing"):
        # the first hop is public, the hook refuses the (simulated) redirect target
        client.event_hooks["request"][0](httpx.Request("GET", "http://127.0.0.1/secret"))
    with pytest.raises(InputError):
        fetch_url("http://127.0.0.1/", client=httpx.Client(), max_bytes=10)


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Talks</title><link>https://wire.example.org/1</link>
<description>{}</description><pubDate>Fri, 08 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Strike</title><link>https://wire.example.org/2</link>
<description>{}</description><pubDate>Sun, 10 Mar 2024 10:00:00 GMT</pubDate></item>
</channel></rss>""".format(
    ARTICLES[0]["text"].replace('"', "&quot;"), ARTICLES[1]["text"].replace('"', "&quot;")
)


def test_post_feed_content(empty_client):
    r = empty_client.post("/feeds", json={"content": FEED}, headers=KEY)
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["stored"] == 2 and got["rejected"] == 0
    again = empty_client.post("/feeds", json={"content": FEED}, headers=KEY).json()
    assert again["duplicates"] == 2 and again["stored"] == 0
    assert empty_client.get("/events").json()["total"] == 2


def test_post_feed_errors(empty_client, store, pipeline):
    assert empty_client.post("/feeds", json={"content": FEED}).status_code == 401
    assert empty_client.post("/feeds", json={}, headers=KEY).status_code == 422
    r = empty_client.post("/feeds", json={"content": "just words"}, headers=KEY)
    assert r.status_code == 422 and r.json()["error"]["code"] == "E106"
    r = empty_client.post("/feeds", json={"url": "http://127.0.0.1/feed"}, headers=KEY)
    assert r.status_code == 422 and r.json()["error"]["code"] == "E109"
    with _client(store, pipeline, max_feed_items=1) as c:
        got = c.post("/feeds", json={"content": FEED}, headers=KEY).json()
        assert got["truncated"] is True and len(got["items"]) == 1


# -- configuration --------------------------------------------------------------------------------
def test_serve_config_key_from_env_then_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("from-file\n")
    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text(
        f'[eventwire]\nallow_private_urls = true\n[eventwire.serve]\napi_key_file = "{key_file}"\n'
        "require_key_for_reads = true\nmax_request_bytes = 5000\n"
    )
    settings = load_settings(cfg_file)
    cfg = serve_config(settings, env={})
    assert cfg.api_key == "from-file" and cfg.require_key_for_reads and cfg.allow_private_urls
    assert cfg.max_request_bytes == 5000
    assert "from-file" not in repr(cfg)
    assert serve_config(settings, env={"EVENTWIRE_API_KEY": "env"}).api_key == "env"
    assert serve_config(Settings(), env={}).api_key is None


@pytest.mark.parametrize(
    "table",
    [
        'api_key = "inline"',
        "max_request_bytes = 0",
        "colour = 1",
        'api_key_file = "/nonexistent/k"',
    ],
)
def test_serve_config_errors(tmp_path, table):
    from eventwire.errors import ConfigError

    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text(f"[eventwire.serve]\n{table}\n")
    with pytest.raises(ConfigError):
        serve_config(load_settings(cfg_file), env={})


def test_pipeline_loaded_once_lazily(store):
    built = []

    def factory(settings):
        built.append(settings)
        return FakePipeline()

    app = create_app(store=store, config=ServeConfig(api_key=API_KEY), pipeline_factory=factory)
    with TestClient(app) as c:
        assert c.get("/health").json()["pipeline_loaded"] is False
        for n in range(2):
            r = c.post(
                "/documents", json={"text": f"Article number {n} about nothing."}, headers=KEY
            )
            assert r.status_code == 201, r.text
        assert c.get("/health").json()["pipeline_loaded"] is True
    assert len(built) == 1


def test_cli_serve_parser():
    from eventwire.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "9000"])
    assert args.host == "127.0.0.1" and args.port == 9000 and args.db == "x.db"


@pytest.mark.parametrize("url", ["http://\x1f.example.org/", "https://+\x84/"])
def test_url_that_httpx_refuses_is_a_clear_4xx(tmp_path, pipeline, url):
    # found by the schemathesis run: these URLs once gave a 500
    st = open_store(tmp_path / "badurl.db")
    cfg = ServeConfig(api_key=API_KEY, allow_private_urls=True)
    app = create_app(store=st, config=cfg, pipeline=pipeline,
                     client_factory=_mock_factory(lambda r: httpx.Response(404)))  # fmt: skip
    with TestClient(app) as c:
        for path, body in (("/documents", {"url": url}), ("/feeds", {"url": url})):
            r = c.post(path, json=body, headers=KEY)
            assert r.status_code == 422 and r.json()["error"]["code"] == "E109", r.text
    st.close()
