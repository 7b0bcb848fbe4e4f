/* The glyphs of relation families (js/27-glyphs.js), against the schema's families. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { cases, needsCases, pageScript } = require("./cases.js");
const { GLYPHS, GLYPH_ROOM, GLYPH_STROKE, glyphParts, glyphFits } = pageScript("27-glyphs.js");

// The distance from p to a part's outline (a circle's ring, a polygon's or a polyline's sides).
function toOutline([x, y], part) {
  if (part.circle) return Math.abs(Math.hypot(x - part.x, y - part.y) - part.circle);
  const pts = part.closed ? [...part.points, part.points[0]] : part.points;
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1], [bx, by] = pts[i], dx = bx - ax, dy = by - ay;
    const u = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + u * dx - x, ay + u * dy - y));
  }
  return best;
}
// Points along a glyph's outline, every 0.02 of r or closer.
function along(parts) {
  const out = [];
  for (const p of parts) {
    if (p.circle) {
      for (let k = 0; k < 360; k++) {
        out.push([p.x + p.circle * Math.cos(k * Math.PI / 180),
          p.y + p.circle * Math.sin(k * Math.PI / 180)]);
      }
      continue;
    }
    const pts = p.closed ? [...p.points, p.points[0]] : p.points;
    for (let i = 1; i < pts.length; i++) {
      for (let k = 0; k <= 100; k++) {
        out.push([pts[i - 1][0] + k / 100 * (pts[i][0] - pts[i - 1][0]),
          pts[i - 1][1] + k / 100 * (pts[i][1] - pts[i - 1][1])]);
      }
    }
  }
  return out;
}
// How far apart two outlines get: the farthest any point of one lies from the other
// (their Hausdorff distance).
function apart(a, b) {
  const from = (x, y) => Math.max(...along(x).map(p => Math.min(...y.map(q => toOutline(p, q)))));
  return Math.max(from(a, b), from(b, a));
}
const extent = parts => Math.max(...parts.flatMap(p => (p.circle
  ? [p.circle] : p.points.flatMap(([x, y]) => [Math.abs(x), Math.abs(y)]))));

test("each family of the schema has a glyph the page draws, none the same", needsCases, () => {
  const glyphs = Object.values(cases.families);
  assert.ok(glyphs.length >= 6);
  assert.deepEqual(glyphs.filter(g => !GLYPHS.includes(g)), []);
  assert.equal(new Set(glyphs).size, glyphs.length);
});

test("a glyph is centred on its point, within r of it, and grows with r", () => {
  for (const glyph of GLYPHS) {
    const unit = glyphParts(glyph, 0, 0, 1);
    const reach = extent(unit);
    assert.ok(reach <= 1 && reach >= 0.6, `${glyph} reaches ${reach}`);
    const moved = glyphParts(glyph, 30, -4, 5);
    assert.equal(moved.length, unit.length);
    moved.forEach((part, k) => {
      if (part.circle) {
        assert.deepEqual([part.x, part.y, part.circle], [30, -4, 5 * unit[k].circle]);
      } else {
        assert.equal(part.closed, unit[k].closed);
        assert.deepEqual(part.points, unit[k].points.map(([x, y]) => [30 + 5 * x, -4 + 5 * y]));
      }
    });
  }
});

test("a name that is not a glyph draws nothing", () => {
  for (const name of ["", "star", "__proto__", "constructor", "toString", "Circle"]) {
    assert.equal(glyphParts(name, 0, 0, 5), null, name);
  }
});

test("no two glyphs look alike: somewhere their outlines lie a stroke's width apart", () => {
  for (const a of GLYPHS) {
    for (const b of GLYPHS) {
      if (a >= b) continue;
      const d = apart(glyphParts(a, 0, 0, 1), glyphParts(b, 0, 0, 1));
      assert.ok(d > GLYPH_STROKE, `${a} and ${b}: ${d.toFixed(2)}`);
    }
  }
});

test("a glyph fits a line long enough, clear of its marks", () => {
  assert.equal(glyphFits(GLYPH_ROOM * 6, 6), true);
  assert.equal(glyphFits(GLYPH_ROOM * 6 - 0.1, 6), false);
  // A mark a third of the way along a 100-long line is 17 from the middle.
  assert.equal(glyphFits(100, 6, [[0.33, 11]]), true);
  assert.equal(glyphFits(100, 6, [[0.33, 11.1]]), false);
  assert.equal(glyphFits(100, 6, [[0.67, 11.1]]), false);
  assert.equal(glyphFits(200, 6, [[0.33, 6], [0.67, 7.5]]), true);
  assert.equal(glyphFits(60, 6, [[0.33, 6], [0.67, 7.5]]), false);
});
