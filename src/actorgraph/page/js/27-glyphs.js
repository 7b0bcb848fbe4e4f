/* The glyphs of relation families: a small shape on each line, beside its colour, so that
 * families are told apart where colours are not (schema.py's Family.glyph names one per
 * family). The canvas (68-glyphs.js) and the SVG of the legend and of Save SVG/PNG
 * (50-look.js) draw a glyph from the same outline, in the same way: its outline filled and
 * stroked wide in white with round joins and ends (a halo that parts it from its line), then
 * stroked in the family's colour, GLYPH_STROKE of its size wide, with sharp corners and flat
 * ends.
 *
 * Provides:
 *   GLYPHS: the glyphs the page draws: circle, square, triangle, diamond, cross, bar.
 *   GLYPH_STROKE, GLYPH_HALO: the coloured stroke's width and the white one's, per unit of r.
 *   glyphParts(glyph, x, y, r): the glyph centred on (x, y), within r of it each way, as
 *     parts: { circle: radius } or { points: [[x, y], ...], closed } (also its x, y); null
 *     for a name that is not a glyph. (glyphParts(glyph, 0, 0, 1) is its outline at r = 1,
 *     which the canvas moves and scales as it draws.)
 *   glyphFits(length, r, marks): whether a glyph of size r fits in the middle of a line
 *     `length` long (canvas units, straight from end to end): at least GLYPH_ROOM of its
 *     r long, and clear of each of the line's marks, [[u (its place along the line, 0 to
 *     1), reach (its half-width)], ...].
 * Uses: nothing (no DOM, no canvas): tests/js/glyphs.test.js loads it in Node.
 */
"use strict";

// Each glyph in a box from -1 to 1 each way, drawn r times as large.
const GLYPH_SHAPES = {
  circle: [{ circle: 0.64 }],
  square: [{ points: [[-0.8, -0.8], [0.8, -0.8], [0.8, 0.8], [-0.8, 0.8]], closed: true }],
  triangle: [{ points: [[0, -0.9], [0.88, 0.68], [-0.88, 0.68]], closed: true }],
  diamond: [{ points: [[0, -1], [0.9, 0], [0, 1], [-0.9, 0]], closed: true }],
  cross: [{ points: [[-0.72, -0.72], [0.72, 0.72]], closed: false },
    { points: [[-0.72, 0.72], [0.72, -0.72]], closed: false }],
  bar: [{ points: [[-0.95, -0.38], [0.95, -0.38], [0.95, 0.38], [-0.95, 0.38]], closed: true }],
};
const GLYPHS = Object.keys(GLYPH_SHAPES);
const GLYPH_STROKE = 0.34, GLYPH_HALO = 0.9;
const GLYPH_ROOM = 7;

function glyphParts(glyph, x, y, r) {
  if (!Object.prototype.hasOwnProperty.call(GLYPH_SHAPES, glyph)) return null;
  return GLYPH_SHAPES[glyph].map(part => (part.circle
    ? { circle: part.circle * r, x, y }
    : { points: part.points.map(([px, py]) => [x + px * r, y + py * r]), closed: part.closed }));
}

function glyphFits(length, r, marks = []) {
  if (length < GLYPH_ROOM * r) return false;
  return marks.every(([u, reach]) => Math.abs(u - 0.5) * length >= r + reach);
}

if (typeof module !== "undefined") {
  module.exports = { GLYPHS, GLYPH_STROKE, GLYPH_HALO, GLYPH_ROOM, glyphParts, glyphFits };
}
