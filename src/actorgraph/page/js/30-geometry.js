/* Where claims' lines run: parallel claims as curves, and the distances and points a large
 * page needs to draw its own lines and find the one under the pointer (65-lines.js).
 * A line's course is { f, t, via }: its ends (points { x, y }) and, for a curve, the control
 * point of its quadratic curve (or null for a straight line).
 *
 * Provides:
 *   parallelCurves(claims): Map claim id -> vis-network "smooth" option, for the claims that
 *     share their two actors with another (each its own curve, spread on both sides).
 *   bendOf(smooth): how far that curve's control point sits off its line, per unit of the
 *     line's length, signed by side (0: straight).
 *   controlPoint(f, t, bend): the control point of a line from f to t bent by `bend` (or null).
 *   distanceToSegment(p, a, b), distanceToLine(p, course): the distance from the point p.
 *   lineMiddle(course): the point halfway along a course.
 *   pointAlong(course, u): the point a share u (0 to 1) along a course.
 *   boxMeets(course, box): whether the course's box meets { x0, y0, x1, y1 }.
 * Uses: nothing (no DOM, no vis-network): tests/js/geometry.test.js loads it in Node.
 */
"use strict";

function parallelCurves(claims) {
  const pairs = new Map();
  for (const c of claims) {
    const key = c.from < c.to ? c.from + "\u0000" + c.to : c.to + "\u0000" + c.from;
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(c);
  }
  const curves = new Map();
  for (const group of pairs.values()) {
    if (group.length === 1) continue;
    group.forEach((c, i) => {
      const offset = (i - (group.length - 1) / 2) * Math.min(0.28, 1.2 / group.length);
      // Curve sides are relative to the edge's direction: flip for the reversed ones.
      const side = (offset > 0) === (c.from < c.to) ? "curvedCW" : "curvedCCW";
      curves.set(c.id, { enabled: offset !== 0, type: side, roundness: Math.abs(offset) });
    });
  }
  return curves;
}

function bendOf(smooth) {
  return smooth && smooth.enabled ? 2 * smooth.roundness * (smooth.type === "curvedCW" ? 1 : -1)
    : 0;
}

function controlPoint(f, t, bend) {
  if (!bend) return null;
  const dx = t.x - f.x, dy = t.y - f.y;  // perpendicular to the line from f to t
  return { x: (f.x + t.x) / 2 - dy * bend, y: (f.y + t.y) / 2 + dx * bend };
}

function distanceToSegment(p, a, b) {
  const dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  const u = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(a.x + u * dx - p.x, a.y + u * dy - p.y);
}

const CURVE_PIECES = 16;  // a curve, for its distance to a point, as this many straight pieces

function distanceToLine(p, { f, t, via }) {
  if (!via) return distanceToSegment(p, f, t);
  let best = Infinity, prev = f;
  for (let i = 1; i <= CURVE_PIECES; i++) {
    const u = i / CURVE_PIECES, w = 1 - u;
    const q = { x: w * w * f.x + 2 * u * w * via.x + u * u * t.x,
      y: w * w * f.y + 2 * u * w * via.y + u * u * t.y };
    best = Math.min(best, distanceToSegment(p, prev, q));
    prev = q;
  }
  return best;
}

function lineMiddle({ f, t, via }) {
  if (!via) return { x: (f.x + t.x) / 2, y: (f.y + t.y) / 2 };
  return { x: (f.x + 2 * via.x + t.x) / 4, y: (f.y + 2 * via.y + t.y) / 4 };
}

function pointAlong({ f, t, via }, u) {
  const v = via || { x: (f.x + t.x) / 2, y: (f.y + t.y) / 2 }, w = 1 - u;
  return { x: w * w * f.x + 2 * u * w * v.x + u * u * t.x,
    y: w * w * f.y + 2 * u * w * v.y + u * u * t.y };
}

function boxMeets({ f, t, via }, box) {
  const v = via || f;
  return !(Math.max(f.x, t.x, v.x) < box.x0 || Math.min(f.x, t.x, v.x) > box.x1 ||
    Math.max(f.y, t.y, v.y) < box.y0 || Math.min(f.y, t.y, v.y) > box.y1);
}

if (typeof module !== "undefined") {
  module.exports = { parallelCurves, bendOf, controlPoint, distanceToSegment, distanceToLine,
    lineMiddle, pointAlong, boxMeets };
}
