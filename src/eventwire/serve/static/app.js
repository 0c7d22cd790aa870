// The eventwire web UI: hash router, shared filters, event table, event drawer, article list.
import { renderArticle } from "./article.js";
import { renderNetwork, renderTimeline } from "./charts.js";
import { renderMap } from "./map.js";
import { QUADS, actorLabel, api, fmtNum, goldColor, h, message, quad } from "./util.js";

const FILTERS = ["text", "actor", "country", "cameo", "type", "since", "until", "place", "min_mentions"];
const PAGE = 50;
const form = document.getElementById("filters");

// -- state in the URL hash: #view=events&country=KEN&offset=50 ------------------------------------
function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  return Object.fromEntries(params.entries());
}

export function go(changes, { keepFilters = true } = {}) {
  const cur = keepFilters ? readHash() : {};
  const next = { ...cur, ...changes };
  for (const k of Object.keys(next)) if (next[k] === "" || next[k] === null) delete next[k];
  location.hash = new URLSearchParams(next).toString();
}

function filters(state) {
  const out = {};
  for (const k of FILTERS) if (state[k]) out[k] = state[k];
  if (out.min_mentions === "1") delete out.min_mentions;
  return out;
}

function syncForm(state) {
  for (const k of FILTERS) {
    const el = form.elements[k];
    if (el) el.value = state[k] || (k === "min_mentions" ? "1" : "");
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const changes = { offset: "" };
  for (const k of FILTERS) changes[k] = form.elements[k].value.trim();
  if (changes.country) changes.country = changes.country.toUpperCase();
  const view = readHash().view;
  if (view === "article" || view === "articles") changes.view = "events";
  go(changes);
});
document.getElementById("reset").addEventListener("click", () => {
  go({ view: readHash().view || "events" }, { keepFilters: false });
});

// -- events table ---------------------------------------------------------------------------------
function typeBadge(ev) {
  const q = quad(ev.quad_class);
  return h("span", { class: "badge", style: `--q:${q.color}`, title: q.name },
    ev.plover_type || `CAMEO ${ev.type.replace(/^[A-Z]:/, "")}`);
}

function flags(ev) {
  return ["negated", "hypothetical", "future", "historical"].filter((f) => ev[f])
    .map((f) => h("span", { class: "flag" }, f));
}

async function renderEvents(state, el) {
  const offset = Number(state.offset || 0);
  el.replaceChildren(message("Loading events…", "loading"));
  const page = await api("/events", { ...filters(state), limit: PAGE, offset });
  const head = h("div", { class: "view-head" },
    h("h1", {}, "Events"),
    h("span", { class: "muted", id: "event-total" },
      `${fmtNum(page.total)} event${page.total === 1 ? "" : "s"} match`));
  if (!page.items.length) {
    el.replaceChildren(head, message("No events match these filters."));
    return;
  }
  const rows = page.items.map((ev) =>
    h("tr", { class: state.event === String(ev.id) ? "selected" : "", dataset: { id: ev.id },
      onclick: () => go({ event: ev.id }) },
      h("td", { class: "nowrap" }, ev.date || "—"),
      h("td", {}, typeBadge(ev), " ", flags(ev)),
      h("td", { class: "mono" }, ev.cameo || ""),
      h("td", {}, actorLabel(ev.source) || h("span", { class: "muted" }, "—")),
      h("td", {}, actorLabel(ev.target) || h("span", { class: "muted" }, "—")),
      h("td", {}, ev.location ? `${ev.location.name}${ev.location.country ? ` (${ev.location.country})` : ""}` : ""),
      h("td", { class: "num" }, ev.num_mentions),
      h("td", { class: "num" }, ev.num_sources),
      h("td", { class: "num gs", style: `color:${goldColor(ev.goldstein)}` },
        ev.goldstein === null ? "" : ev.goldstein.toFixed(1))));
  const table = h("table", { class: "events", id: "events-table" },
    h("thead", {}, h("tr", {}, ...["Date", "Type", "CAMEO", "Source", "Target", "Location",
      "Mentions", "Sources", "Goldstein"].map((c) => h("th", {}, c)))),
    h("tbody", {}, rows));
  const pager = h("div", { class: "pager" },
    h("button", { disabled: offset === 0, onclick: () => go({ offset: Math.max(0, offset - PAGE) }) }, "‹ Newer"),
    h("span", { class: "muted" }, `${fmtNum(offset + 1)}–${fmtNum(offset + page.items.length)} of ${fmtNum(page.total)}`),
    h("button", { disabled: offset + PAGE >= page.total, onclick: () => go({ offset: offset + PAGE }) }, "Older ›"));
  el.replaceChildren(head, h("div", { class: "table-wrap" }, table), pager);
}


// -- event drawer ----------------------------------------------------------------------------------
function highlightExcerpt(m) {
  const ex = m.excerpt;
  const i = ex.indexOf(m.trigger);
  if (i < 0) return h("blockquote", {}, ex);
  return h("blockquote", {}, ex.slice(0, i), h("mark", { class: "trig" }, m.trigger), ex.slice(i + m.trigger.length));
}

async function renderDrawer(state) {
  const drawer = document.getElementById("drawer");
  if (!state.event || (state.view || "events") !== "events") {
    drawer.hidden = true;
    return;
  }
  drawer.hidden = false;
  drawer.replaceChildren(message("Loading…", "loading"));
  let ev;
  try {
    ev = await api(`/events/${encodeURIComponent(state.event)}`);
  } catch (err) {
    drawer.replaceChildren(message(err.message, "error"));
    return;
  }
  const q = quad(ev.quad_class);
  const facts = [
    ["Date", ev.date ? `${ev.date}${ev.date_precision ? ` (${ev.date_precision})` : ""}` : "undated"],
    ["CAMEO", ev.cameo || "—"],
    ["Goldstein", ev.goldstein ?? "—"],
    ["Quad class", q.name],
    ["Source", actorLabel(ev.source) || "—"],
    ["Target", actorLabel(ev.target) || "—"],
    ["Location", ev.location ? `${ev.location.name} ${ev.location.country || ""}` : "—"],
    ["Reported", `${ev.num_mentions} mention(s), ${ev.num_articles} article(s), ${ev.num_sources} source(s)`],
  ];
  drawer.replaceChildren(
    h("button", { class: "close", title: "Close", onclick: () => go({ event: "" }) }, "×"),
    h("h2", {}, h("span", { class: "badge", style: `--q:${q.color}` }, ev.plover_type || ev.type), ` event #${ev.id}`),
    h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])),
    h("h3", {}, "Evidence"),
    ...(ev.mentions || []).map((m) => h("div", { class: "mention" },
      highlightExcerpt(m),
      h("div", { class: "meta" },
        h("a", { href: `#view=article&doc=${m.document.id}&hl=${m.event.id}`, class: "open-article" },
          m.document.title || m.document.doc_id),
        ` · ${m.document.source || ""} ${m.document.published || ""} · confidence ${m.confidence.toFixed(2)}`))),
  );
}

// -- articles list -----------------------------------------------------------------------------------
async function renderArticles(state, el) {
  el.replaceChildren(message("Loading articles…", "loading"));
  const offset = Number(state.offset || 0);
  const page = await api("/documents", { text: state.text, since: state.since, until: state.until, limit: PAGE, offset });
  const items = page.items.map((d) => h("li", {},
    h("a", { href: `#view=article&doc=${d.document.id}` }, d.document.title || d.document.doc_id),
    h("div", { class: "meta" }, [d.document.source, d.document.published,
      `${d.events} event mention(s)`, `${d.quotes} quote(s)`].filter(Boolean).join(" · "))));
  el.replaceChildren(
    h("div", { class: "view-head" }, h("h1", {}, "Articles"), h("span", { class: "muted" }, state.text ? `matching “${state.text}”` : "newest first")),
    items.length ? h("ul", { class: "articles" }, items) : message("No articles."),
    h("div", { class: "pager" },
      h("button", { disabled: offset === 0, onclick: () => go({ offset: Math.max(0, offset - PAGE) }) }, "‹ Newer"),
      h("button", { disabled: items.length < PAGE, onclick: () => go({ offset: offset + PAGE }) }, "Older ›")));
}

// -- shell ----------------------------------------------------------------------------------------
const VIEWS = {
  events: renderEvents,
  timeline: (st, el) => renderTimeline(filters(st), el),
  network: (st, el) => renderNetwork(filters(st), el),
  map: (st, el) => renderMap(filters(st), el),
  articles: renderArticles,
  article: (st, el) => renderArticle(st.doc, st.hl, el),
};

async function route() {
  const state = readHash();
  const view = VIEWS[state.view] ? state.view : "events";
  delete document.body.dataset.ready;
  syncForm(state);
  document.querySelectorAll("#tabs a").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  document.querySelectorAll(".view").forEach((v) => { v.hidden = v.id !== `view-${view}`; });
  document.body.dataset.view = view;
  for (const a of document.querySelectorAll("#tabs a")) {
    const keep = new URLSearchParams(filters(state));
    keep.set("view", a.dataset.view);
    a.href = `#${keep}`;
  }
  const el = document.getElementById(`view-${view}`);
  try {
    await Promise.all([VIEWS[view](state, el), renderDrawer(state)]);
  } catch (err) {
    el.replaceChildren(message(`Could not load: ${err.message}`, "error"));
  }
  document.body.dataset.ready = view;
}

async function init() {
  const legend = document.getElementById("quad-legend");
  legend.replaceChildren(h("h4", {}, "Quad class"), ...Object.values(QUADS).map((q) =>
    h("div", {}, h("i", { style: `background:${q.color}` }), q.name)));
  try {
    const [counts, tl, countries] = await Promise.all([api("/stats/counts"), api("/stats/timeline"),
      api("/stats/countries", { role: "source" })]);
    document.getElementById("counts").textContent =
      `${fmtNum(counts.documents)} articles · ${fmtNum(counts.events)} events · ${fmtNum(counts.quotes)} quotes`;
    const types = [...new Set(tl.map((b) => b.type).filter(Boolean))].sort();
    document.getElementById("type-select").append(...types.map((t) => h("option", { value: t }, t)));
    document.getElementById("country-list").append(...countries.map((c) => h("option", { value: c.country })));
  } catch (err) {
    document.getElementById("counts").textContent = err.message;
  }
  window.addEventListener("hashchange", route);
  await route();
}

init();
