/* Each line's glyph: the small shape of its relation's family (27-glyphs.js), in the
 * family's colour, so that a line's family can be read where its colour cannot.
 *
 * A glyph sits in the middle of its line, as large as a mark (GLYPH.r canvas units, and at
 * least GLYPH.px on screen). Where vis-network writes the line's name along it (a small page
 * zoomed in), the name leaves room at its start (GLYPH_ROOM_TEXT) and the glyph sits there
 * (GLYPH.r at most, to fit), or just past the name's end if a corroboration or dispute mark
 * (a third of the way along, 67-marks.js) or an actor is at its start. An unnamed line too
 * short for its glyph, or whose marks it would touch, goes without; so does one whose glyph
 * would land where another already is (zoomed out on a crowd of lines: zoom in to read them).
 *
 * Glyphs are drawn with the lines, under the actors and their names: on a small page right
 * after vis-network's lines; on a large page after its own lines, only on those drawn in full
 * (zoomed in past LEAN_SCALE, not behind a focus's veil), and again over the veil and on the
 * lines drawn on top (65-lines.js passes them).
 *
 * Provides: drawGlyphs(ctx, items) (65-lines.js calls it: a large page's plan items, or none
 *   for every line vis-network drew), glyphsDrawn() (the glyphs of the last frame:
 *   [{ line, family, glyph, x, y, r }], in canvas coordinates), GLYPH.
 * Uses: 40-data.js, 45-lines.js, 50-look.js, 60-network.js; GLYPHS, glyphParts, glyphFits,
 *   GLYPH_STROKE, GLYPH_HALO (27-glyphs.js); lineMiddle (30-geometry.js); smallLine,
 *   viewBox (65-lines.js); marksOf, lineMarks, MARK_AT, markRadius, markReach (67-marks.js); dimmed
 *   (70-highlight.js).
 */
"use strict";

const GLYPH = { r: 6, px: 5 };  // canvas units, and the least on screen
// Each glyph's outline at r = 1 (27-glyphs.js), made once.
const UNIT_GLYPHS = new Map(GLYPHS.map(name => [name, glyphParts(name, 0, 0, 1)]));
// A glyph of size r at (x, y) traced into the current path: `fill` closes (and so fills) its
// outlines.
function traceGlyph(ctx, parts, x, y, r) {
  for (const p of parts) {
    if (p.circle) {
      ctx.moveTo(x + p.circle * r, y);
      ctx.arc(x, y, p.circle * r, 0, 2 * Math.PI);
      continue;
    }
    // A closed outline goes round to its second corner again (so that its first is joined,
    // not capped) instead of closePath, which slows a path of many outlines down.
    const pts = p.points, n = pts.length + (p.closed ? 2 : 0);
    ctx.moveTo(x + pts[0][0] * r, y + pts[0][1] * r);
    for (let i = 1; i < n; i++) {
      const q = pts[i % pts.length];
      ctx.lineTo(x + q[0] * r, y + q[1] * r);
    }
  }
}
// Glyphs of one size and opacity: every halo in one path, then one path per colour.
function drawGroup(ctx, group) {
  const { r, alpha } = group[0];
  ctx.globalAlpha = alpha;
  ctx.beginPath();
  for (const g of group) traceGlyph(ctx, g.parts, g.x, g.y, r);
  ctx.fillStyle = "#ffffff";
  ctx.fill();
  ctx.strokeStyle = "#ffffff";
  ctx.lineWidth = GLYPH_HALO * r;
  ctx.lineJoin = "round";
  ctx.lineCap = "round";
  ctx.stroke();
  ctx.lineJoin = "miter";
  ctx.lineCap = "butt";
  const byColor = new Map();
  for (const g of group) {
    if (!byColor.has(g.color)) byColor.set(g.color, []);
    byColor.get(g.color).push(g);
  }
  ctx.lineWidth = GLYPH_STROKE * r;
  for (const [color, list] of byColor) {
    ctx.beginPath();
    for (const g of list) traceGlyph(ctx, g.parts, g.x, g.y, r);
    ctx.strokeStyle = color;
    ctx.stroke();
  }
}
// The width of a label's room for its glyph, per label font.
const roomWidths = new Map();
function roomWidth(ctx, font) {
  if (!roomWidths.has(font)) {
    ctx.save();
    ctx.font = font;
    roomWidths.set(font, ctx.measureText(GLYPH_ROOM_TEXT).width);
    ctx.restore();
  }
  return roomWidths.get(font);
}
// Whether a glyph at p, reaching `reach` around it, touches an actor's box.
const onActor = (box, p, reach) => p.x + reach > box.left && p.x - reach < box.right &&
  p.y + reach > box.top && p.y - reach < box.bottom;
const familyOf = tie => FAMILIES[RELATIONS[tie.relation].family];
// The glyphs drawn in this frame (a large page may draw a line's glyph again, over a focus's
// veil or on a selected line: the last one counts).
let drawnGlyphs = [];
network.on("initRedraw", () => { drawnGlyphs = []; });
const glyphsDrawn = () => [...new Map(drawnGlyphs.map(g => [g.line, g])).values()]
  .map(g => ({ line: g.line, family: g.family.name, glyph: g.family.glyph, x: g.x, y: g.y,
    r: g.r }));
// Draw the glyphs of a large page's plan `items` (65-lines.js: { line, r }), or of every line
// vis-network drew on a small page; called by 65-lines.js once the lines are drawn, before
// the actors. Glyphs off screen are left out, and so are those that would crowd others (a
// square GLYPH_CELL glyphs wide holds one at most): a heap of them reads as none.
const GLYPH_CELL = 4;
function drawGlyphs(ctx, items = null) {
  const scale = network.getScale();
  const r = Math.max(GLYPH.r, GLYPH.px / scale), markR = markRadius(scale);
  const cell = GLYPH_CELL * r, taken = new Set(), groups = new Map(), v = viewBox();
  const cellOf = (x, y) => Math.floor(x / cell) * 1e6 + Math.floor(y / cell);
  // Off screen (a long line's middle may be far from the part of it in view), or crowded.
  const passed = (x, y) => x < v.x0 || x > v.x1 || y < v.y0 || y > v.y1 ||
    taken.has(cellOf(x, y));
  const place = (id, tie, x, y, size) => {
    if (passed(x, y)) return;
    const key = cellOf(x, y);
    taken.add(key);
    const family = familyOf(tie), parts = UNIT_GLYPHS.get(family.glyph);
    if (!parts) return;
    const alpha = !BIG && dimmed.edges.has(id) ? 0.25 : 1;  // as faint as its line
    const g = { line: id, family, parts, color: family.color, x, y, r: size, alpha };
    const group = alpha === 1 ? size : -size;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(g);
    drawnGlyphs.push(g);
  };
  const markReaches = marks => marks.map(kind => [MARK_AT[kind], markReach(kind, markR)]);
  if (items) {
    for (const { line, r: course } of items) {
      const middle = lineMiddle(course);
      if (passed(middle.x, middle.y)) continue;  // the cheapest test first
      const { f, t } = course, marks = lineMarks(line.tie, line.claim);
      if (!glyphFits(Math.hypot(f.x - t.x, f.y - t.y), r, marks.length ? markReaches(marks)
        : marks)) continue;
      place(line.id, line.tie, middle.x, middle.y, r);
    }
  } else {
    for (const id of edgeView.getIds()) {
      const line = smallLine(id);
      if (!line) continue;
      const { f, t, middle, label } = line, length = Math.hypot(f.x - t.x, f.y - t.y);
      const tie = lineTie(id) || claimById.get(id).tie, marks = markReaches(marksOf(id));
      if (!label) {
        if (glyphFits(length, r, marks)) place(id, tie, middle.x, middle.y, r);
        continue;
      }
      // In the room at the start of its name; else just past its end, on the line. A place
      // is taken if a mark is there, or an actor at the line's end.
      const room = roomWidth(ctx, label.font), size = Math.min(GLYPH.r, room * 0.3);
      const reach = size * (1 + GLYPH_HALO / 2);
      const dx = Math.cos(label.angle), dy = Math.sin(label.angle);
      const places = [room / 2 - label.width / 2, label.width / 2 + reach].map(along => ({
        x: middle.x + along * dx, y: middle.y + along * dy,
        u: 0.5 + along * (dx * (t.x - f.x) + dy * (t.y - f.y)) / (length * length || 1) }));
      const free = p => marks.every(([u, far]) => Math.abs(u - p.u) * length >= size + far) &&
        label.ends.every(box => !onActor(box, p, reach));
      const at = places.find(free) || places[0];
      place(id, tie, at.x, at.y, size);
    }
  }
  if (!groups.size) return;
  ctx.save();
  ctx.setLineDash([]);
  for (const group of groups.values()) drawGroup(ctx, group);
  ctx.restore();
}
