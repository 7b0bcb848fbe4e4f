/* Where lines run, on a large page (js/30-geometry.js). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pageScript } = require("./cases.js");
const { parallelCurves, bendOf, controlPoint, distanceToSegment, distanceToLine, lineMiddle,
  boxMeets } = pageScript("30-geometry.js");

const near = (a, b, within = 1e-9) => assert.ok(Math.abs(a - b) <= within, `${a} is not ${b}`);
const point = (x, y) => ({ x, y });

test("distance to a segment: across it, past an end, to a point", () => {
  near(distanceToSegment(point(0, 5), point(-10, 0), point(10, 0)), 5);
  near(distanceToSegment(point(13, 4), point(0, 0), point(10, 0)), 5);  // from the end (10, 0)
  near(distanceToSegment(point(4, 5), point(1, 1), point(1, 1)), 5);
});

test("a bent line's control point sits off its middle, square to it, by bend x length", () => {
  const f = point(0, 0), t = point(100, 0);
  assert.equal(controlPoint(f, t, 0), null);
  assert.deepEqual(controlPoint(f, t, 0.2), point(50, 20));
  assert.deepEqual(controlPoint(f, t, -0.2), point(50, -20));
  assert.deepEqual(controlPoint(point(0, 0), point(0, 50), 0.2), point(-10, 25));
});

test("a curve's middle is its point halfway, and its distance is to the curve", () => {
  const f = point(0, 0), t = point(100, 0), via = point(50, 20);
  const at = u => point((1 - u) ** 2 * f.x + 2 * u * (1 - u) * via.x + u * u * t.x,
    (1 - u) ** 2 * f.y + 2 * u * (1 - u) * via.y + u * u * t.y);
  assert.deepEqual(lineMiddle({ f, t, via }), at(0.5));
  assert.deepEqual(lineMiddle({ f, t, via: null }), point(50, 0));
  near(distanceToLine(point(50, 10), { f, t, via }), 0);
  near(distanceToLine(point(50, 30), { f, t, via }), 20);
  near(distanceToLine(point(50, 30), { f, t, via: null }), 30);
  // Anywhere around it, within a fraction of a pixel of the distance to the curve itself.
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 200; i++) {
    const p = point(-20 + 140 * random(), -30 + 60 * random());
    let best = Infinity;
    for (let k = 0; k <= 4000; k++) {
      const q = at(k / 4000);
      best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
    }
    near(distanceToLine(p, { f, t, via }), best, 0.2);
  }
});

test("claims between the same two actors bow apart, whichever way each points", () => {
  const claims = [{ id: "1", from: "a", to: "b" }, { id: "2", from: "b", to: "a" },
    { id: "3", from: "a", to: "b" }, { id: "4", from: "a", to: "c" }];
  const curves = parallelCurves(claims);
  assert.deepEqual([...curves.keys()].sort(), ["1", "2", "3"]);  // "4" has its pair alone
  assert.equal(bendOf(curves.get("2")), 0);  // the middle one of three runs straight
  const at = { a: point(0, 0), b: point(100, 0) };
  const side = id => {
    const c = claims.find(x => x.id === id), via = controlPoint(at[c.from], at[c.to],
      bendOf(curves.get(id)));
    return Math.sign(via.y);  // above or below the line from a to b
  };
  assert.notEqual(side("1"), side("3"));
  const two = parallelCurves(claims.slice(0, 2));  // one each way: still apart
  const via = id => controlPoint(at[claims[id - 1].from], at[claims[id - 1].to],
    bendOf(two.get(String(id))));
  assert.notEqual(Math.sign(via(1).y), Math.sign(via(2).y));
  assert.equal(bendOf(null), 0);
  assert.equal(bendOf({ enabled: true, type: "curvedCW", roundness: 0.1 }), 0.2);
  assert.equal(bendOf({ enabled: true, type: "curvedCCW", roundness: 0.1 }), -0.2);
});

test("a line's box, control point included, meets the view or not", () => {
  const line = { f: point(0, 0), t: point(10, 0), via: null };
  assert.equal(boxMeets(line, { x0: 20, y0: -5, x1: 30, y1: 5 }), false);
  assert.equal(boxMeets(line, { x0: 5, y0: -5, x1: 30, y1: 5 }), true);
  const bent = { f: point(0, 0), t: point(10, 0), via: point(5, 50) };
  assert.equal(boxMeets(bent, { x0: 0, y0: 40, x1: 10, y1: 60 }), true);
  assert.equal(boxMeets(line, { x0: 0, y0: 40, x1: 10, y1: 60 }), false);
});
