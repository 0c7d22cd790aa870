"""The web UI in real headless Chromium (Debian's ``chromium``, driven by Playwright).

An ingested sample (our own articles in ``tests/data/ui_articles.jsonl``, extracted by the real
pipeline) is served by uvicorn on a loopback port. Screenshots go to ``$EVENTWIRE_SCREENSHOTS``
(default: the test's temporary directory).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DATA = Path(__file__).parent / "data" / "ui_articles.jsonl"

if not Path(CHROMIUM).exists():
    pytest.skip(
        "no chromium browser: install Debian's chromium (apt-get install chromium) to run the UI tests",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    import uvicorn

    from eventwire.ingest import read_inputs
    from eventwire.schema import DocumentRecord
    from eventwire.serve import ServeConfig, create_app
    from eventwire.settings import Settings
    from eventwire.store import StoreWriter, open_store

    store = open_store(tmp_path_factory.mktemp("ui") / "ui.db")
    writer = StoreWriter(store)
    records = list(pipeline.process(read_inputs([str(DATA)], Settings())))
    assert all(isinstance(r, DocumentRecord) for r in records), records
    for rec in records:
        writer.add(rec)
    app = create_app(store=store, config=ServeConfig(api_key="ui-key"), pipeline=pipeline)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    foreign: list[str] = []
    errors: list[str] = []
    pg.on(
        "request",
        lambda r: foreign.append(r.url) if urlsplit(r.url).hostname != "127.0.0.1" else None,
    )
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not foreign, f"the UI loaded something from elsewhere: {foreign}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    out = os.environ.get("EVENTWIRE_SCREENSHOTS")
    path = Path(out) if out else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _ready(page, view: str) -> None:
    page.wait_for_selector(f"body[data-ready={view}]")


def test_event_table_and_filters(page, server, shots):
    page.goto(server + "/")
    _ready(page, "events")
    rows = page.locator("#events-table tbody tr")
    total = rows.count()
    assert total >= 4
    page.screenshot(path=str(shots / "events.png"), full_page=True)
    page.fill("input[name=country]", "mli")
    page.click("button[type=submit]")
    page.wait_for_url("**country=MLI**")
    _ready(page, "events")
    filtered = page.locator("#events-table tbody tr").count()
    assert 0 < filtered < total
    assert "MLI" in page.locator("#events-table").inner_text()
    rows = page.locator("#events-table tbody tr")
    rows.first.click()
    page.wait_for_selector("#drawer .mention blockquote mark.trig")
    page.screenshot(path=str(shots / "event-drawer.png"), full_page=False)


def test_text_search_filter(page, server):
    page.goto(server + "/#view=events&text=pension")
    _ready(page, "events")
    text = page.locator("#events-table").inner_text()
    assert "FRA" in text and "MLI" not in text


def test_article_view_highlights(page, server, shots):
    page.goto(server + "/#view=articles")
    _ready(page, "articles")
    page.click("text=Malian troops attack rebel positions near Gao")
    _ready(page, "article")
    for kind in ("actor", "trigger", "place", "date", "quote"):
        assert page.locator(f"#doc-text mark.hl.{kind}").count() > 0, kind
    assert page.locator(".event-card").count() > 0
    assert page.locator("#doc-text mark.hl.trigger .tag").first.inner_text().strip()
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    page.uncheck(".toggle.actor input")
    assert page.locator(".article-view").evaluate(
        "el => el.closest('.view').classList.contains('hide-actor')"
    )


def test_timeline_network_map(page, server, shots):
    page.goto(server + "/#view=timeline")
    _ready(page, "timeline")
    assert page.locator("#timeline-chart rect.bar").count() >= 3
    page.screenshot(path=str(shots / "timeline.png"), full_page=True)
    page.goto(server + "/#view=network")
    _ready(page, "network")
    assert page.locator("#network-chart g.node").count() >= 2
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    page.goto(server + "/#view=map")
    _ready(page, "map")
    assert page.locator("#map-chart circle.dot").count() >= 2
    if page.locator("#map-chart path.country").count() == 0:
        pytest.skip("world outline not installed (npm ci in serve/static/vendor)")
    page.screenshot(path=str(shots / "map.png"), full_page=True)
