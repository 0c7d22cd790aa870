// Small helpers shared by the views: DOM building, API calls, quad-class colours, tooltip.

export const QUADS = {
  1: { name: "Verbal cooperation", color: "#5fa8d3" },
  2: { name: "Material cooperation", color: "#2a7f62" },
  3: { name: "Verbal conflict", color: "#f2a541" },
  4: { name: "Material conflict", color: "#c8553d" },
};
export const NO_QUAD = { name: "Uncoded", color: "#9aa5b1" };
export const SVG_NS = "http://www.w3.org/2000/svg";

export function quad(q) {
  return QUADS[q] || NO_QUAD;
}

// h("div", {class: "x", onclick: fn}, "text", child) -> element; text is never parsed as HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code;
  }
}

export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== "" && v !== null && v !== undefined) qs.set(k, v);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export function fmtNum(n) {
  return n === null || n === undefined ? "" : Number(n).toLocaleString("en");
}

export function actorLabel(p) {
  if (!p || !p.name) return "";
  const coding = [p.country, p.sector].filter(Boolean).join(" ");
  return coding ? `${p.name} (${coding})` : p.name;
}

export function showTooltip(evt, lines) {
  const tip = document.getElementById("tooltip");
  tip.replaceChildren(...lines.map((l, i) => h(i ? "div" : "strong", {}, l)));
  tip.hidden = false;
  const x = Math.min(evt.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  tip.style.left = `${x}px`;
  tip.style.top = `${evt.clientY + 14}px`;
}

export function hideTooltip() {
  document.getElementById("tooltip").hidden = true;
}

export function message(text, cls = "empty") {
  return h("p", { class: cls }, text);
}

export function goldColor(g) {
  if (g === null || g === undefined) return "inherit";
  if (g <= -5) return QUADS[4].color;
  if (g < 0) return "#d0823a";
  if (g >= 5) return QUADS[2].color;
  return g > 0 ? "#3f86b5" : "inherit";
}
