// Timeline (events per day, stacked by quad class) and actor network (force layout), in SVG.
import { QUADS, api, fmtNum, goldColor, h, hideTooltip, message, quad, s, showTooltip } from "./util.js";

const DAY = 86400000;

function dayRange(first, last) {
  const out = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export async function renderTimeline(params, el) {
  el.replaceChildren(message("Loading timeline…", "loading"));
  const buckets = await api("/stats/timeline", params);
  const head = h("div", { class: "view-head" }, h("h1", {}, "Timeline"),
    h("span", { class: "muted" }, "events per day by quad class (events dated to a day)"));
  if (!buckets.length) { el.replaceChildren(head, message("No dated events match these filters.")); return; }
  const byDay = new Map();
  const byType = new Map();
  for (const b of buckets) {
    const d = byDay.get(b.date) || { 1: 0, 2: 0, 3: 0, 4: 0, 0: 0 };
    d[b.quad_class || 0] += b.events;
    byDay.set(b.date, d);
    const key = b.type || "(CAMEO only)";
    byType.set(key, (byType.get(key) || 0) + b.events);
  }
  let days = dayRange(buckets[0].date, buckets[buckets.length - 1].date);
  if (days.length > 800) days = [...byDay.keys()]; // very long ranges: only days with events
  const totals = days.map((d) => Object.values(byDay.get(d) || {}).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const W = 960, H = 320, L = 44, B = 36, T = 12;
  const slot = (W - L - 10) / days.length;
  const bw = Math.min(slot, 56);
  const x0 = (i) => L + i * slot + (slot - bw) / 2;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", id: "timeline-chart" });
  const y = (v) => H - B - (v / max) * (H - B - T);
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((max * i) / 4);
    svg.append(s("line", { x1: L, x2: W - 10, y1: y(v), y2: y(v), class: "grid" }),
      s("text", { x: L - 6, y: y(v) + 4, class: "axis", "text-anchor": "end" }, fmtNum(v)));
  }
  const labelEvery = Math.ceil(days.length / 12);
  days.forEach((d, i) => {
    const counts = byDay.get(d) || {};
    let acc = 0;
    for (const q of [4, 3, 2, 1, 0]) {
      const n = counts[q] || 0;
      if (!n) continue;
      const rect = s("rect", { x: x0(i) + 0.5, width: Math.max(1, bw - 1), y: y(acc + n), height: y(acc) - y(acc + n),
        fill: quad(q).color, class: "bar", dataset: { date: d, quad: q } });
      rect.addEventListener("mousemove", (e) => showTooltip(e, [d, `${quad(q).name}: ${n}`, `all events: ${totals[i]}`]));
      rect.addEventListener("mouseleave", hideTooltip);
      rect.addEventListener("click", () => { location.hash = new URLSearchParams({ ...params, view: "events", since: d, until: d }).toString(); });
      svg.append(rect);
      acc += n;
    }
    if (i % labelEvery === 0) svg.append(s("text", { x: x0(i) + bw / 2, y: H - B + 16, class: "axis", "text-anchor": "middle" }, d.slice(5)));
  });
  svg.append(s("text", { x: L, y: H - 4, class: "axis" }, `${days[0]} – ${days[days.length - 1]}`));
  const legend = h("div", { class: "chart-legend" }, Object.values(QUADS).map((q) => h("span", {}, h("i", { style: `background:${q.color}` }), q.name)));
  const types = [...byType.entries()].sort((a, b) => b[1] - a[1]);
  const typeTable = h("table", { class: "compact" }, h("thead", {}, h("tr", {}, h("th", {}, "Event type"), h("th", {}, "Events"))),
    h("tbody", {}, types.map(([t, n]) => h("tr", { class: "clickable", onclick: () => {
      if (t.startsWith("(")) return;
      location.hash = new URLSearchParams({ ...params, view: "timeline", type: t }).toString();
    } }, h("td", {}, t), h("td", { class: "num" }, fmtNum(n))))));
  el.replaceChildren(head, h("div", { class: "card" }, svg, legend), h("p", { class: "muted" }, "Click a bar to list that day's events."),
    h("div", { class: "card narrow" }, h("h3", {}, "By event type"), typeTable));
}

// -- network ----------------------------------------------------------------------------------------
function layout(nodes, edges, W, H) {
  // A small force simulation: repulsion between all nodes, springs along edges, gravity.
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const pos = nodes.map((_, i) => ({ x: W / 2 + 200 * Math.cos(i * 2.4), y: H / 2 + 150 * Math.sin(i * 2.4), vx: 0, vy: 0 }));
  const links = edges.map((e) => [idx.get(`${e.source}|${e.source_country || ""}`), idx.get(`${e.target}|${e.target_country || ""}`)])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  for (let it = 0; it < 300; it++) {
    const cool = 1 - it / 300;
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 2400 / d2;
        pos[i].vx += dx * f / Math.sqrt(d2); pos[i].vy += dy * f / Math.sqrt(d2);
        pos[j].vx -= dx * f / Math.sqrt(d2); pos[j].vy -= dy * f / Math.sqrt(d2);
      }
    }
    for (const [a, b] of links) {
      const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 90) * 0.02;
      pos[a].vx += (dx / d) * f; pos[a].vy += (dy / d) * f;
      pos[b].vx -= (dx / d) * f; pos[b].vy -= (dy / d) * f;
    }
    for (const p of pos) {
      p.vx += (W / 2 - p.x) * 0.004; p.vy += (H / 2 - p.y) * 0.004;
      p.x += Math.max(-20, Math.min(20, p.vx)) * cool; p.y += Math.max(-20, Math.min(20, p.vy)) * cool;
      p.vx *= 0.5; p.vy *= 0.5;
      p.x = Math.max(30, Math.min(W - 30, p.x)); p.y = Math.max(20, Math.min(H - 20, p.y));
    }
  }
  return { pos, links };
}

export async function renderNetwork(params, el) {
  el.replaceChildren(message("Loading network…", "loading"));
  const net = await api("/stats/network", { ...params, limit: 120 });
  const head = h("div", { class: "view-head" }, h("h1", {}, "Actor network"),
    h("span", { class: "muted" }, "who acts on whom: line width = events, colour = mean Goldstein score"));
  if (!net.edges.length) { el.replaceChildren(head, message("No events with both a source and a target match these filters.")); return; }
  const W = 960, H = 600;
  const { pos } = layout(net.nodes, net.edges, W, H);
  const idx = new Map(net.nodes.map((n, i) => [n.id, i]));
  const maxEdge = Math.max(...net.edges.map((e) => e.events));
  const maxNode = Math.max(...net.nodes.map((n) => n.events));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", id: "network-chart" });
  svg.append(s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    s("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8795a1" }))));
  for (const e of net.edges) {
    const a = pos[idx.get(`${e.source}|${e.source_country || ""}`)], b = pos[idx.get(`${e.target}|${e.target_country || ""}`)];
    if (!a || !b || a === b) continue;
    const tn = net.nodes[idx.get(`${e.target}|${e.target_country || ""}`)];
    const rt = 7 + 5 + 14 * Math.sqrt(tn.events / maxNode);
    const dist = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const x2 = b.x - ((b.x - a.x) / dist) * rt, y2 = b.y - ((b.y - a.y) / dist) * rt;
    const line = s("line", { x1: a.x, y1: a.y, x2, y2, class: "edge", "marker-end": "url(#arrow)",
      stroke: goldColor(e.mean_goldstein) === "inherit" ? "#8795a1" : goldColor(e.mean_goldstein),
      "stroke-width": 1 + 5 * (e.events / maxEdge) });
    line.addEventListener("mousemove", (ev) => showTooltip(ev, [`${e.source} → ${e.target}`, `${e.events} event(s)`, `mean Goldstein ${e.mean_goldstein ?? "—"}`]));
    line.addEventListener("mouseleave", hideTooltip);
    svg.append(line);
  }
  net.nodes.forEach((n, i) => {
    const r = 5 + 14 * Math.sqrt(n.events / maxNode);
    const g = s("g", { class: "node", transform: `translate(${pos[i].x},${pos[i].y})` },
      s("circle", { r }), s("text", { y: -r - 4, "text-anchor": "middle" }, n.name));
    g.addEventListener("mousemove", (ev) => showTooltip(ev, [n.name, n.country || "no country", `${n.events} event(s)`, "click: filter events by this actor"]));
    g.addEventListener("mouseleave", hideTooltip);
    g.addEventListener("click", () => { hideTooltip(); location.hash = new URLSearchParams({ ...params, view: "events", actor: n.name }).toString(); });
    svg.append(g);
  });
  el.replaceChildren(head, h("div", { class: "card" }, svg));
}
