/* The marks on lines, drawn over the network after each frame: a tie that two publishers
 * or more affirm (corroborated: a dark disc holding the number of publishers), a tie both
 * affirmed and denied (disputed: a white diamond with "!"), and a claim that denies its
 * relation (a white disc crossed out). Marks sit a third of the way along their line (the
 * relation's name is in the middle); on a large page only once zoomed in past LEAN_SCALE.
 *
 * Provides: MARKS (the kinds, with their words for the legend), MARK_AT (where each kind
 *   sits along its line, 0 to 1), marksOf(line id) and lineMarks(tie, claim or null) (the
 *   kinds a line carries), markRadius(scale)
 *   and markReach(kind, r) (a mark's size at a zoom, in canvas units, and how far it reaches
 *   from its centre), markSwatch(kind), marksDrawn() (the marks of the last frame:
 *   [{ line, kind, x, y }] in canvas coordinates).
 * Uses: 40-data.js, 45-lines.js, 50-look.js, 60-network.js; pointAlong (30-geometry.js);
 *   linePointAt, lastPlan, LEAN_SCALE (65-lines.js); dimmed (70-highlight.js, at draw time).
 */
"use strict";

const MARKS = {
  corroborated: "corroborated: two or more publishers affirm the tie (their number inside)",
  disputed: "disputed: some claims affirm the tie, others deny it",
  denial: "a claim that denies the relation",
};
const MARK_AT = { corroborated: 0.33, disputed: 0.67, denial: 0.33 };
const INK = "#1d2430";
const markRadius = scale => Math.max(6, 4 / scale);
const markReach = (kind, r) => (kind === "disputed" ? 1.25 * r : r);
function drawMark(ctx, kind, x, y, r, publishers) {
  ctx.beginPath();
  if (kind === "disputed") {
    ctx.moveTo(x, y - r * 1.25); ctx.lineTo(x + r * 1.25, y); ctx.lineTo(x, y + r * 1.25);
    ctx.lineTo(x - r * 1.25, y); ctx.closePath();
  } else ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = kind === "corroborated" ? INK : "#ffffff";
  ctx.fill();
  ctx.lineWidth = r / 4;
  ctx.strokeStyle = INK;
  ctx.stroke();
  if (kind === "denial") {
    ctx.beginPath();
    ctx.moveTo(x - r * 0.6, y + r * 0.6); ctx.lineTo(x + r * 0.6, y - r * 0.6);
    ctx.stroke();
    return;
  }
  ctx.fillStyle = kind === "corroborated" ? "#ffffff" : INK;
  ctx.font = `bold ${Math.round(r * 1.4)}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(kind === "corroborated" ? String(Math.min(publishers, 99)) : "!", x, y + r * 0.05);
}
// The kinds of mark a line carries: a tie's line (claim null), or a claim's.
const NO_MARKS = Object.freeze([]);
function lineMarks(tie, claim) {
  if (claim) return denies(claim) ? ["denial"] : NO_MARKS;
  if (!tie.corroborated && !tie.disputed) return NO_MARKS;
  return [tie.corroborated ? "corroborated" : null, tie.disputed ? "disputed" : null]
    .filter(Boolean);
}
const marksOf = id => (lineTie(id) ? lineMarks(lineTie(id), null)
  : lineMarks(null, claimById.get(id)));
// The lines that may carry a mark: ties of several claims, and denials.
const markable = ties.filter(t => t.corroborated || t.disputed).map(tieLineId)
  .concat(claims.filter(denies).map(c => c.id));
let drawnMarks = [];
const marksDrawn = () => drawnMarks.map(m => ({ ...m }));
network.on("afterDrawing", ctx => {
  drawnMarks = [];
  const scale = network.getScale();
  if (network.renderer.dragging || network.renderer.zooming) return;
  if (BIG && scale < LEAN_SCALE) return;
  const r = markRadius(scale);
  // [line id, the point a share u along it]
  const lines = BIG ? lastPlan.filter(item => marksOf(item.line.id).length)
    .map(item => [item.line.id, u => pointAlong(item.r, u)])
    : markable.filter(id => network.body.edges[id] && edgeView.get(id))
      .map(id => [id, u => linePointAt(id, u)]);
  ctx.save();
  for (const [id, at] of lines) {
    const t = lineTie(id) || claimById.get(id).tie;
    ctx.globalAlpha = !BIG && dimmed.edges.has(id) ? 0.25 : 1;  // as faint as its line
    for (const kind of marksOf(id)) {
      const p = at(MARK_AT[kind]);
      if (!p) continue;
      drawMark(ctx, kind, p.x, p.y, r, t.publishers);
      drawnMarks.push({ line: id, kind, x: p.x, y: p.y });
    }
  }
  ctx.restore();
});
// The mark as a legend swatch (SVG, 16 x 16).
function markSwatch(kind) {
  const shape = kind === "disputed"
    ? svg("polygon", { points: "8,1 15,8 8,15 1,8", fill: "#fff", stroke: INK, "stroke-width": 1.4 })
    : svg("circle", { cx: 8, cy: 8, r: 6.5, fill: kind === "corroborated" ? INK : "#fff",
      stroke: INK, "stroke-width": 1.4 });
  const inner = kind === "denial"
    ? svg("line", { x1: 4, y1: 12, x2: 12, y2: 4, stroke: INK, "stroke-width": 1.4 })
    : svg("text", { x: 8, y: 11.5, "text-anchor": "middle", "font-size": 10, "font-weight": 700,
      fill: kind === "corroborated" ? "#fff" : INK }, kind === "corroborated" ? "2" : "!");
  return svg("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" },
    shape, inner);
}
