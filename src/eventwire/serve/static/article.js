// The article view: the text with actors, triggers, quotes, places and dates highlighted
// (displaCy-like labels), and the coded events beside it.
import { actorLabel, api, h, message, quad } from "./util.js";

const KINDS = {
  actor: "Actors",
  trigger: "Event triggers",
  quote: "Quotes",
  place: "Places",
  date: "Dates",
};

// Every annotation: {start, end, kind, label, title, key}
function annotations(rec) {
  const out = [];
  for (const a of rec.actors) {
    const label = [a.country, a.sector].filter(Boolean).join(" ") || a.type;
    for (const m of a.mentions) {
      out.push({ start: m.span[0], end: m.span[1], kind: "actor", label, key: `actor-${a.id}`,
        title: `${a.name} · ${a.type}${a.code ? ` · ${a.code}` : ""}` });
    }
  }
  for (const e of rec.events) {
    out.push({ start: e.trigger.span[0], end: e.trigger.span[1], kind: "trigger",
      label: e.plover?.type || e.cameo || "EVENT", key: `event-${e.id}`, quad: e.quad_class,
      title: `${e.cameo || ""} ${e.cameo_name || ""}`.trim() });
  }
  for (const q of rec.quotes) {
    out.push({ start: q.span[0], end: q.span[1], kind: "quote", label: q.speaker ? `“” ${q.speaker}` : "QUOTE",
      key: `quote-${q.id}`, title: `${q.kind} quote${q.speaker ? ` by ${q.speaker}` : ""}` });
  }
  for (const p of rec.places) {
    out.push({ start: p.span[0], end: p.span[1], kind: "place", label: p.country || "PLACE",
      key: `place-${p.id}`,
      title: `${p.name || p.text}${p.feature ? ` · ${p.feature}` : ""}${p.form === "demonym" ? " · demonym" : ""}` });
  }
  for (const t of rec.times) {
    out.push({ start: t.span[0], end: t.span[1], kind: "date", label: t.value, key: `time-${t.id}`,
      title: `${t.type} ${t.value}` });
  }
  return out.filter((a) => a.end > a.start && a.start >= 0 && a.end <= rec.text.length);
}

// Cut the text at every annotation boundary; each piece carries the annotations covering it.
function pieces(text, anns) {
  const cuts = new Set([0, text.length]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [s, e] = [points[i], points[i + 1]];
    out.push({ s, e, covering: anns.filter((a) => a.start <= s && a.end >= e) });
  }
  return out;
}

function renderText(text, anns) {
  const container = h("div", { class: "doc-text", id: "doc-text" });
  for (const p of pieces(text, anns)) {
    const chunk = text.slice(p.s, p.e);
    if (!p.covering.length) { container.append(chunk); continue; }
    // Innermost (shortest) annotation outside-in: quotes wrap entities.
    const sorted = [...p.covering].sort((a, b) => (b.end - b.start) - (a.end - a.start));
    let node = document.createTextNode(chunk);
    for (const a of sorted.reverse()) {
      const wrap = h("mark", { class: `hl ${a.kind}`, title: a.title, dataset: { key: a.key } }, node);
      if (a.quad) wrap.style.setProperty("--q", quad(a.quad).color);
      if (a.end === p.e && a.kind !== "quote") wrap.append(h("span", { class: "tag" }, a.label));
      node = wrap;
    }
    container.append(node);
  }
  return container;
}

function eventCard(e) {
  const q = quad(e.quad_class);
  const src = e.source.map(actorLabel).join(", ") || "—";
  const tgt = e.target.map(actorLabel).join(", ") || "—";
  const flags = ["negated", "hypothetical", "future", "historical"].filter((f) => e[f]);
  return h("div", { class: "event-card", style: `--q:${q.color}`, dataset: { key: `event-${e.id}` } },
    h("div", { class: "card-head" },
      h("span", { class: "badge", style: `--q:${q.color}` }, e.plover?.type || "EVENT"),
      h("span", { class: "mono" }, e.cameo ? ` ${e.cameo}` : ""),
      h("span", { class: "muted" }, e.cameo_name ? ` ${e.cameo_name}` : "")),
    h("div", { class: "who" }, h("b", {}, src), " → ", h("b", {}, tgt)),
    h("div", { class: "meta" },
      `“${e.trigger.text}” · ${e.date || "undated"}${e.location ? ` · ${e.location.name}` : ""}`
      + ` · Goldstein ${e.goldstein ?? "—"} · conf. ${e.confidence.toFixed(2)}`),
    flags.length ? h("div", {}, flags.map((f) => h("span", { class: "flag" }, f))) : null);
}

function linkHover(root) {
  const on = (key, yes) => root.querySelectorAll(`[data-key="${key}"]`).forEach((n) => n.classList.toggle("focus", yes));
  root.addEventListener("mouseover", (e) => {
    const t = e.target.closest("[data-key]");
    if (t) on(t.dataset.key, true);
  });
  root.addEventListener("mouseout", (e) => {
    const t = e.target.closest("[data-key]");
    if (t) on(t.dataset.key, false);
  });
  root.addEventListener("click", (e) => {
    const card = e.target.closest(".event-card");
    if (!card) return;
    const mark = root.querySelector(`.doc-text [data-key="${card.dataset.key}"]`);
    if (mark) mark.scrollIntoView({ behavior: "smooth", block: "center" });
  });
}

export async function renderArticle(docId, highlight, el) {
  if (!docId) { el.replaceChildren(message("No article selected.")); return; }
  el.replaceChildren(message("Loading article…", "loading"));
  const rec = await api(`/documents/${encodeURIComponent(docId)}`);
  const anns = annotations(rec);
  const toggles = h("div", { class: "toggles" }, Object.entries(KINDS).map(([kind, name]) => {
    const n = anns.filter((a) => a.kind === kind).length;
    const box = h("input", { type: "checkbox", checked: true, onchange: (e) => {
      el.classList.toggle(`hide-${kind}`, !e.target.checked);
    } });
    return h("label", { class: `toggle ${kind}` }, box, h("span", { class: "swatch" }), `${name} (${n})`);
  }));
  const meta = [rec.source, rec.published, rec.author, rec.url ? h("a", { href: rec.url, rel: "noreferrer", target: "_blank" }, "original") : null]
    .filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x]));
  const textCol = h("article", { class: "doc" },
    h("h1", {}, rec.title || rec.id), h("div", { class: "meta" }, meta), toggles, renderText(rec.text, anns));
  const side = h("aside", { class: "doc-side" },
    h("h3", {}, `Coded events (${rec.events.length})`),
    rec.events.length ? rec.events.map(eventCard) : message("No events coded in this article."),
    rec.quotes.length ? h("h3", {}, `Quotes (${rec.quotes.length})`) : null,
    rec.quotes.map((q) => h("div", { class: "quote-card", dataset: { key: `quote-${q.id}` } },
      h("q", {}, q.text), h("div", { class: "meta" }, `${q.speaker || "unknown speaker"}${q.medium ? ` · ${q.medium}` : ""}`))));
  const wrap = h("div", { class: "article-view" }, textCol, side);
  el.replaceChildren(h("a", { class: "back", href: "#view=events", onclick: (e) => { e.preventDefault(); history.back(); } }, "‹ back"), wrap);
  linkHover(wrap);
  if (highlight) {
    const target = wrap.querySelector(`.doc-text [data-key="event-${highlight}"]`);
    if (target) { target.classList.add("focus"); target.scrollIntoView({ block: "center" }); }
  }
}
