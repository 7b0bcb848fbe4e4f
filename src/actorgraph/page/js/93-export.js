/* Pictures of the view to keep: "Save SVG" and "Save PNG" draw the whole of what is shown
 * (every shown actor and line, fitted, not only the part on screen; each line with its marks
 * and its family's glyph, where it has room, as on the page) with the page's title,
 * a legend of what it uses, the sources cited and the active filters as a caption. The
 * SVG is built as elements with text nodes (names and titles stay text); the PNG is that
 * SVG drawn at twice its size.
 *
 * Provides: exportSvg() (the SVG element), savePng(), saveSvg(), exportCaption().
 * Uses: 40-data.js, 45-lines.js, 50-look.js, 60-network.js, 67-marks.js; controlPoint,
 *   bendOf, pointAlong (30-geometry.js); supportWords (25-ties.js); glyphFits
 *   (27-glyphs.js); GLYPH (68-glyphs.js); filterState (85-filters.js).
 */
"use strict";

const NS = "http://www.w3.org/2000/svg";
const sv = (tag, attrs = {}, ...children) => svg(tag, attrs, ...children.filter(c => c != null));
// The filters in words ("" when everything is shown).
function exportCaption() {
  const f = filterState(), parts = [];
  const names = { types: v => TYPES[v].label, relations: v => RELATIONS[v].label,
    certainties: v => v, docs: v => documents[v].title || v };
  for (const [kind, values] of Object.entries(f.hidden)) {
    if (values.length) parts.push(`hidden ${kind}: ${values.map(names[kind]).join(", ")}`);
  }
  if (f.from || f.to) parts.push(`dates ${f.from || "…"} to ${f.to || "…"}`);
  if (!f.undated) parts.push("undated claims hidden");
  if (f.isolated) parts.push("actors without claims hidden");
  if (f.only.length) parts.push(`only ${f.only.join(" and ")} ties`);
  return parts.join("; ");
}
function shapePoints(shape, x, y, r) {
  const poly = pts => pts.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ");
  if (shape === "triangle" || shape === "triangleDown") {
    const k = shape === "triangle" ? 1 : -1;
    return poly([[x, y - k * r * 1.15], [x + r * 1.1, y + k * r * 0.7], [x - r * 1.1, y + k * r * 0.7]]);
  }
  if (shape === "diamond") return poly([[x, y + r], [x + r, y], [x, y - r], [x - r, y]]);
  if (shape === "hexagon") {
    return poly([...Array(6)].map((_, i) => [x + r * Math.cos(Math.PI / 3 * i),
      y + r * Math.sin(Math.PI / 3 * i)]));
  }
  if (shape === "star") {
    return poly([...Array(10)].map((_, i) => {
      const q = i % 2 ? 0.45 * r : 1.1 * r, a = Math.PI / 5 * i;
      return [x + q * Math.sin(a), y - q * Math.cos(a)];
    }));
  }
  return null;
}
function exportSvg() {
  const ids = [...shown.actors];
  const pos = network.getPositions(ids);
  const N = network.body.nodes;
  const named = id => !BIG || labelled.has(id) || (N[id] && N[id].options.label);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const id of ids) {
    const p = pos[id];
    if (!p) continue;
    const half = named(id) ? Math.max(16, nameOf(id).length * 3.9) : 16;
    x0 = Math.min(x0, p.x - half); x1 = Math.max(x1, p.x + half);
    y0 = Math.min(y0, p.y - 20); y1 = Math.max(y1, p.y + 36);
  }
  if (x0 === Infinity) { x0 = y0 = 0; x1 = y1 = 100; }
  const pad = 20, legendW = 280, titleH = 44;
  const W = x1 - x0 + 2 * pad, H = y1 - y0 + 2 * pad;
  const at = p => ({ x: p.x - x0 + pad, y: p.y - y0 + pad + titleH });
  const lines = sv("g", { "stroke-linecap": "round", fill: "none" });
  const marks = sv("g", {});
  const glyphs = sv("g", {});
  const heads = new Set();
  const drawn = BIG ? drawnLines().filter(l => lineShown(l.id))
    : edgeView.getIds().map(id => ({ id, tie: lineTie(id) || claimById.get(id).tie,
      claim: lineTie(id) ? null : claimById.get(id), from: edgeView.get(id).from,
      to: edgeView.get(id).to }));
  for (const line of drawn) {
    if (!pos[line.from] || !pos[line.to]) continue;
    const f = at(pos[line.from]), t = at(pos[line.to]);
    const via = controlPoint(f, t, bendOf(curves.get(line.id)));
    const now = look.get(line.tie.index);
    const certainty = line.claim ? line.claim.certainty
      : (now ? V.certainties[now.strongest].name : line.tie.strongest);
    const dashes = CERTAINTIES[certainty].dashes;
    const color = relationColor(line.tie);
    const attrs = { d: via ? `M${f.x},${f.y} Q${via.x},${via.y} ${t.x},${t.y}`
      : `M${f.x},${f.y} L${t.x},${t.y}`, stroke: color,
    "stroke-width": line.claim ? 1.7 : tieWidth(now ? now.count : line.tie.claims.length) };
    if (dashes) attrs["stroke-dasharray"] = dashes.join(" ");
    if (line.tie.directed) {
      heads.add(color);
      attrs["marker-end"] = `url(#arrow-${color.slice(1)})`;
    }
    lines.append(sv("path", attrs));
    const kinds = line.claim ? (denies(line.claim) ? ["denial"] : [])
      : [line.tie.corroborated ? "corroborated" : null, line.tie.disputed ? "disputed" : null]
        .filter(Boolean);
    const along = u => pointAlong({ f, t, via }, u);
    for (const kind of kinds) {
      const p = along(MARK_AT[kind]);
      const swatch = markSwatch(kind);
      swatch.setAttribute("x", p.x - 8); swatch.setAttribute("y", p.y - 8);
      if (kind === "corroborated") swatch.querySelector("text").textContent = String(line.tie.publishers);
      marks.append(swatch);
    }
    // Its family's glyph in its middle, under the actors, as the page draws it at full size
    // (a mark reaches 7.5 from its centre here).
    const family = FAMILIES[RELATIONS[line.tie.relation].family];
    if (glyphFits(Math.hypot(f.x - t.x, f.y - t.y), GLYPH.r, kinds.map(k => [MARK_AT[k], 7.5]))) {
      const p = along(0.5);
      glyphs.append(glyphSvg(family.glyph, family.color, p.x, p.y, GLYPH.r));
    }
  }
  const defs = sv("defs", {}, ...[...heads].map(color => sv("marker", {
    id: `arrow-${color.slice(1)}`, viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: "auto-start-reverse" }, sv("path", { d: "M0,0 L10,5 L0,10 z", fill: color }))));
  const nodes = sv("g", {});
  for (const id of ids) {
    if (!pos[id]) continue;
    const a = actorById.get(id), T = TYPES[a.type], p = at(pos[id]);
    const r = Math.min(34, 10 + 2.6 * Math.sqrt(claimsOf.get(id).length)) * (BIG ? 0.6 : 0.8);
    const points = shapePoints(T.shape, p.x, p.y, r);
    const style = { fill: T.color, stroke: "#1d2430", "stroke-opacity": 0.35 };
    const inside = LABEL_INSIDE.has(T.shape);
    if (inside) {
      const w = nameOf(id).length * 7.4 + 14;
      nodes.append(sv(T.shape === "box" || T.shape === "database" ? "rect" : "ellipse",
        T.shape === "box" || T.shape === "database"
          ? { x: p.x - w / 2, y: p.y - 12, width: w, height: 24, rx: 4, ...style,
            fill: tint(T.color, 0.72), stroke: T.color, "stroke-opacity": 1 }
          : { cx: p.x, cy: p.y, rx: w / 2, ry: 13, ...style, fill: tint(T.color, 0.72),
            stroke: T.color, "stroke-opacity": 1 }));
    } else if (points) nodes.append(sv("polygon", { points, ...style }));
    else nodes.append(sv(T.shape === "square" ? "rect" : "circle", T.shape === "square"
      ? { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, ...style }
      : { cx: p.x, cy: p.y, r, ...style }));
    if (named(id)) {
      nodes.append(sv("text", { x: p.x, y: inside ? p.y + 4.5 : p.y + r + 14,
        "text-anchor": "middle", "font-size": 13, fill: "#1d2430",
        ...(inside ? {} : { stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }) },
      nameOf(id)));
    }
  }
  // The legend: types, families, certainties, widths and marks; then the caption.
  const legend = sv("g", { "font-size": 12, fill: "#1d2430" });
  let ly = titleH + 10;
  const lx = W + 10;
  const row = (swatch, text) => {
    swatch.setAttribute("x", lx); swatch.setAttribute("y", ly - 10);
    legend.append(swatch, sv("text", { x: lx + 34, y: ly }, text));
    ly += 18;
  };
  const head = text => { ly += 6; legend.append(sv("text", { x: lx, y: ly, "font-weight": 700 }, text)); ly += 18; };
  head("Actors");
  for (const t of V.types) row(shapeSwatch(t.name), t.label);
  head("Relations (colour and glyph)");
  for (const f of V.families) row(lineSwatch(f.color, false, false, 2, f.glyph), f.name);
  head("Certainty (line style)");
  for (const c of V.certainties) row(lineSwatch("#4b5563", c.dashes, false), c.name);
  head("Lines");
  row(lineSwatch("#4b5563", false, false, tieWidth(3)), "width: claims of the tie");
  for (const [kind, words] of Object.entries(MARKS)) row(markSwatch(kind), words.split(":")[0]);
  const caption = [];
  const cited = [...new Set(claims.filter(c => shown.claims.has(c.id)).map(c => c.doc))]
    .map(doc => docLabel(doc) + (documents[doc].published ? `, ${documents[doc].published}` : ""));
  caption.push(`${fmt(shown.actors.size)} of ${fmt(actors.length)} actors, ` +
    `${fmt(shown.claims.size)} of ${fmt(claims.length)} claims shown` +
    (exportCaption() ? ` · filters: ${exportCaption()}` : ""));
  caption.push(`Sources: ${cited.join("; ") || "none shown"}`);
  const body = Math.max(H, ly - titleH + 10);
  const total = { w: W + legendW, h: titleH + body + caption.length * 18 + 16 };
  const out = sv("svg", { xmlns: NS, width: Math.ceil(total.w), height: Math.ceil(total.h),
    viewBox: `0 0 ${Math.ceil(total.w)} ${Math.ceil(total.h)}`,
    "font-family": "system-ui, 'Segoe UI', Roboto, sans-serif" },
  sv("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#fff" }), defs,
  sv("text", { x: pad, y: 28, "font-size": 20, "font-weight": 700, fill: "#1d2430" },
    document.title || "actorgraph"),
  lines, glyphs, nodes, marks, legend,
  ...caption.map((text, i) => sv("text", { x: pad, y: titleH + body + 18 + 18 * i,
    "font-size": 12, fill: "#3b4452", class: "caption" }, text)));
  return out;
}
const fileName = ext => (document.title || "actorgraph").replace(/[^\w.-]+/g, "-") + "." + ext;
function download(href, name) {
  const a = el("a", { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
const svgText = () => new XMLSerializer().serializeToString(exportSvg());
function saveSvg() {
  const url = URL.createObjectURL(new Blob([svgText()], { type: "image/svg+xml" }));
  download(url, fileName("svg"));
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
function savePng() {
  const picture = exportSvg();
  const w = Number(picture.getAttribute("width")), h = Number(picture.getAttribute("height"));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(picture)],
    { type: "image/svg+xml" }));
  const img = new Image();
  return new Promise(resolve => {
    img.onload = () => {
      const out = document.createElement("canvas");
      // Twice the size, within what a canvas may hold.
      const k = Math.min(2, Math.sqrt(16e6 / (w * h)));
      out.width = Math.round(w * k); out.height = Math.round(h * k);
      const ctx = out.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(img, 0, 0, out.width, out.height);
      URL.revokeObjectURL(url);
      download(out.toDataURL("image/png"), fileName("png"));
      resolve([out.width, out.height]);
    };
    img.src = url;
  });
}
$("save-png").addEventListener("click", savePng);
$("save-svg").addEventListener("click", saveSvg);
window.addEventListener("beforeprint", () => fitShown(false));
