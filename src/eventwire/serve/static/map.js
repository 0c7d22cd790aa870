// The map: event locations as circles over a world outline (world-atlas TopoJSON from npm,
// served by eventwire itself), equirectangular projection, zoom with the wheel, drag to pan.
import { api, fmtNum, h, hideTooltip, message, quad, s, showTooltip } from "./util.js";

const W = 960, H = 480;
const px = (lon) => ((lon + 180) / 360) * W;
const py = (lat) => ((90 - lat) / 180) * H;
let worldCache = null;

async function world() {
  if (worldCache) return worldCache;
  if (!window.topojson) return null;
  const res = await fetch("/vendor/world-atlas/countries-110m.json");
  if (!res.ok) return null;
  const topo = await res.json();
  worldCache = window.topojson.feature(topo, topo.objects.countries);
  return worldCache;
}

function ringPath(ring) {
  // Break the line where it jumps across the antimeridian.
  let d = "";
  let prev = null;
  for (const [lon, lat] of ring) {
    const jump = prev !== null && Math.abs(lon - prev) > 180;
    d += `${d && !jump ? "L" : "M"}${px(lon).toFixed(1)},${py(lat).toFixed(1)}`;
    prev = lon;
  }
  return `${d}Z`;
}

function featurePath(geom) {
  if (!geom) return "";
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
  return polys.map((poly) => poly.map(ringPath).join("")).join("");
}

function dominant(qc) {
  let best = 0, n = -1;
  for (const [q, c] of Object.entries(qc)) if (c > n) { best = Number(q); n = c; }
  return n > 0 ? best : 0;
}

function enablePanZoom(svg) {
  let vb = { x: 0, y: 0, w: W, h: H };
  const apply = () => svg.setAttribute("viewBox", `${vb.x} ${vb.y} ${vb.w} ${vb.h}`);
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    const mx = vb.x + ((e.clientX - r.left) / r.width) * vb.w, my = vb.y + ((e.clientY - r.top) / r.height) * vb.h;
    const k = e.deltaY < 0 ? 0.8 : 1.25;
    const w = Math.min(W, Math.max(W / 20, vb.w * k)), hh = (w / W) * H;
    vb = { x: mx - ((mx - vb.x) * w) / vb.w, y: my - ((my - vb.y) * hh) / vb.h, w, h: hh };
    apply();
    svg.style.setProperty("--k", String(vb.w / W));
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY, vb: { ...vb } }; });
  window.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    vb.x = drag.vb.x - ((e.clientX - drag.x) / r.width) * vb.w;
    vb.y = drag.vb.y - ((e.clientY - drag.y) / r.height) * vb.h;
    apply();
  });
}

export async function renderMap(params, el) {
  el.replaceChildren(message("Loading map…", "loading"));
  const [points, outline] = await Promise.all([api("/stats/locations", params), world().catch(() => null)]);
  const head = h("div", { class: "view-head" }, h("h1", {}, "Map"),
    h("span", { class: "muted" }, `${fmtNum(points.length)} located place(s); circle area = events, colour = most frequent quad class`));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart map", id: "map-chart" });
  svg.append(s("rect", { x: -W, y: -H, width: 3 * W, height: 3 * H, class: "sea" }));
  for (let lon = -150; lon <= 150; lon += 30) svg.append(s("line", { x1: px(lon), x2: px(lon), y1: 0, y2: H, class: "graticule" }));
  for (let lat = -60; lat <= 60; lat += 30) svg.append(s("line", { x1: 0, x2: W, y1: py(lat), y2: py(lat), class: "graticule" }));
  if (outline) {
    const g = s("g", { class: "countries" });
    for (const f of outline.features) {
      const p = s("path", { d: featurePath(f.geometry), class: "country" });
      p.append(s("title", {}, f.properties?.name || ""));
      g.append(p);
    }
    svg.append(g);
  }
  const max = Math.max(1, ...points.map((p) => p.events));
  const dots = s("g", { class: "dots" });
  for (const p of [...points].sort((a, b) => b.events - a.events)) {
    const q = quad(dominant(p.quad_counts));
    const c = s("circle", { cx: px(p.lon), cy: py(p.lat), r: 3 + 15 * Math.sqrt(p.events / max), fill: q.color, class: "dot" });
    c.addEventListener("mousemove", (e) => showTooltip(e, [`${p.name}${p.country ? ` (${p.country})` : ""}`, `${p.events} event(s)`,
      ...Object.entries(p.quad_counts).filter(([, n]) => n).map(([qq, n]) => `${quad(Number(qq)).name}: ${n}`), "click: list these events"]));
    c.addEventListener("mouseleave", hideTooltip);
    c.addEventListener("click", () => { hideTooltip(); location.hash = new URLSearchParams({ ...params, view: "events", place: p.name }).toString(); });
    dots.append(c);
  }
  svg.append(dots);
  enablePanZoom(svg);
  const note = outline ? h("p", { class: "muted" }, "Scroll to zoom, drag to pan. Outline: Natural Earth via world-atlas.")
    : message("World outline not installed (run `npm ci` in src/eventwire/serve/static/vendor); showing a graticule only.", "warn");
  el.replaceChildren(head, h("div", { class: "card" }, svg), note);
}
