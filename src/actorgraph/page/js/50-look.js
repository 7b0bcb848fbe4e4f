/* How things look: DOM helpers that insert text only as text, the legend's swatches, and the
 * look of each actor and claim in vis-network.
 *
 * Provides: el(tag, attrs, ...children), $(id), svg(tag, attrs, ...children),
 *   shapeSwatch(type), lineSwatch(color, dashes, directed, width, glyph) (a glyph, if
 *   given, in its middle), relationSwatch(relation, dashes) (its family's colour and glyph,
 *   an arrowhead if directed), glyphSvg(glyph, color, x, y, r) (an SVG group), nodeLook(actor,
 *   dim, restyle), lineLook(line id, dim, restyle) (a line's look in vis-network),
 *   LABEL_EDGES (whether lines carry their relation's name), LABEL_INSIDE (the shapes
 *   holding their actor's name), GLYPH_ROOM_TEXT (the room a
 *   line's label leaves for its glyph at its start, 68-glyphs.js).
 * Uses: 40-data.js, 45-lines.js; tieWidth (25-ties.js); glyphParts, GLYPH_STROKE,
 *   GLYPH_HALO (27-glyphs.js).
 */
"use strict";

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children.filter(c => c != null && c !== false));
  return e;
}
const $ = id => document.getElementById(id);
function svg(tag, attrs, ...children) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function shapeSwatch(type) {
  const t = TYPES[type], fill = t.color, c = 7;
  const star = [...Array(10)].map((_, i) => {
    const r = i % 2 ? 2.8 : 6.8, a = Math.PI / 5 * i - Math.PI / 2;
    return `${c + r * Math.cos(a)},${c + r * Math.sin(a)}`;
  }).join(" ");
  const hex = [...Array(6)].map((_, i) => {
    const a = Math.PI / 3 * i;
    return `${c + 6 * Math.cos(a)},${c + 6 * Math.sin(a)}`;
  }).join(" ");
  const shapes = {
    dot: ["circle", { cx: c, cy: c, r: 6 }], triangle: ["polygon", { points: "7,1 13,13 1,13" }],
    triangleDown: ["polygon", { points: "1,1 13,1 7,13" }],
    square: ["rect", { x: 1.5, y: 1.5, width: 11, height: 11 }],
    diamond: ["polygon", { points: "7,0.5 13.5,7 7,13.5 0.5,7" }],
    star: ["polygon", { points: star }], hexagon: ["polygon", { points: hex }],
    ellipse: ["ellipse", { cx: c, cy: c, rx: 6.5, ry: 4.5 }],
    box: ["rect", { x: 0.5, y: 3, width: 13, height: 8, rx: 2 }],
  };
  const [tag, attrs] = shapes[t.shape] || shapes.dot;
  return svg("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" },
    svg(tag, { ...attrs, fill, stroke: "rgba(0,0,0,.35)", "stroke-width": 0.8 }));
}
// A glyph (27-glyphs.js) as SVG: a group of its parts drawn at r = 1 and scaled to r (its
// strokes with it), its halo under its outline.
function glyphSvg(glyph, color, x, y, r) {
  const parts = glyphParts(glyph, 0, 0, 1) || [];
  const shape = (p, paint) => (p.circle
    ? svg("circle", { cx: 0, cy: 0, r: p.circle, ...paint })
    : svg(p.closed ? "polygon" : "polyline", { points: p.points.map(q => q.join(",")).join(" "),
      ...paint }));
  const halo = { fill: "#fff", stroke: "#fff", "stroke-width": GLYPH_HALO,
    "stroke-linejoin": "round", "stroke-linecap": "round" };
  const ink = { fill: "none", stroke: color, "stroke-width": GLYPH_STROKE };
  return svg("g", { class: "glyph", "data-glyph": glyph,
    transform: `translate(${x} ${y}) scale(${r})` },
  ...parts.map(p => shape(p, p.closed === false ? { ...halo, fill: "none" } : halo)),
  ...parts.map(p => shape(p, ink)));
}
function lineSwatch(color, dashes, directed, width = 2, glyph = null) {
  const h = glyph ? 14 : 12, y = h / 2;
  const line = svg("line", { x1: 1, y1: y, x2: directed ? 22 : 27, y2: y, stroke: color,
    "stroke-width": width, "stroke-dasharray": dashes ? dashes.map(d => d / 2).join(" ") : "none" });
  const parts = [line];
  if (directed) {
    parts.push(svg("polygon", { points: `21,${y - 4} 28,${y} 21,${y + 4}`, fill: color }));
  }
  if (glyph) parts.push(glyphSvg(glyph, color, directed ? 11 : 14, y, 5));
  return svg("svg", { width: 28, height: h, viewBox: `0 0 28 ${h}`, "aria-hidden": "true" },
    ...parts);
}
const relationSwatch = (relation, dashes = false) => {
  const r = RELATIONS[relation], f = FAMILIES[r.family];
  return lineSwatch(f.color, dashes, r.directed, 2, f.glyph);
};

function tint(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const mix = v => Math.round(v + (255 - v) * amount);
  return `rgb(${mix(n >> 16)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
}
const DIM_NODE = { background: "#eceef1", border: "#d8dce2" };
// Per item only what differs between items: vis-network spends most of its start-up
// merging per-item options (shared ones are set once, in the network's options).
// vis-network's shapes that hold their actor's name inside (as large as it), the others
// write it below.
const LABEL_INSIDE = new Set(["box", "ellipse", "database", "circle"]);
function nodeLook(a, dim, restyle = false) {
  const t = TYPES[a.type], inside = LABEL_INSIDE.has(t.shape);
  const bg = dim ? DIM_NODE.background : inside ? tint(t.color, 0.72) : t.color;
  const border = dim ? DIM_NODE.border : t.color;
  const lit = { background: bg, border: "#1d2430" };
  const look = { shape: t.shape, color: { background: bg, border, highlight: lit, hover: lit } };
  if (inside) Object.assign(look, { borderWidth: 1.5, margin: 7 });
  else look.size = Math.min(34, 10 + 2.6 * Math.sqrt(claimsOf.get(a.id).length));
  if (dim || inside || restyle) {
    look.font = { color: dim ? "#b4bac3" : "#1d2430", strokeWidth: inside ? 0 : 3 };
  }
  return look;
}
const LABEL_EDGES = ties.length <= 150;
// A line's label starts with this much room (two em spaces): its glyph is drawn there, on
// the line (68-glyphs.js).
const GLYPH_ROOM_TEXT = "\u2003\u2003";
// A line: a claim drawn on its own, or a tie of several claims drawn as one (45-lines.js),
// as wide as it has claims shown, dashed as its strongest affirming one.
function lineLook(id, dim, restyle = false) {
  const t = lineTie(id), c = t ? null : claimById.get(id), what = t || c;
  const shownNow = t && look.get(t.index);
  const certainty = t ? (shownNow ? V.certainties[shownNow.strongest].name : t.strongest)
    : c.certainty;
  const style = { color: dim ? "#e3e6ea" : relationColor(what) };
  const dashes = CERTAINTIES[certainty].dashes;
  if (dashes) style.dashes = dashes;
  if (RELATIONS[what.relation].directed) style.arrows = "to";
  if (curves.has(id)) style.smooth = curves.get(id);
  if (t) style.width = tieWidth(shownNow ? shownNow.count : t.claims.length);
  if (LABEL_EDGES) {
    style.label = GLYPH_ROOM_TEXT + (c && denies(c) ? "denies: " : "") +
      RELATIONS[what.relation].label +
      (t ? ` ×${shownNow ? shownNow.count : t.claims.length}` : "");
  }
  if (dim || restyle) style.font = { color: dim ? "#c9ced5" : "#5b6472" };
  if (restyle && !curves.has(id)) style.smooth = false;
  return style;
}
