/* The path finder's rule: `actorgraph.graph.paths.find_paths`, the one definition, done in
 * the page. Among the paths with the fewest hops, the one whose weakest hop is strongest (a
 * hop is as strong as its strongest claim), then the most corroborated (a hop is as
 * corroborated as the most publishers affirming one of its claims' ties, a path as its least
 * corroborated hop), then the one whose sequence of actor ids sorts first, as Python sorts
 * strings (by code point). Claims link their actors both ways; when `directed`, a claim of a
 * directed relation links its source to its target only. A claim tying an actor to itself
 * is no hop.
 *
 * Provides:
 *   bestPath(claims, source, target, { directed, rank, oneWay, support }): null if no path,
 *     else { path: [actor ids], weakest: rank of its weakest hop, corroboration: the
 *     publishers of its least corroborated hop, shortest: how many shortest paths there
 *     are, hops: [{ from, to, claims: strongest first, then by id }] }.
 *     `claims` are { id, from, to, ... }; rank(claim) is its certainty's rank, 0 strongest;
 *     oneWay(claim) says whether its relation is directed; support(claim) how many
 *     publishers affirm its tie (all claims count, shown or not: 0 when not given).
 *   rankedPaths(claims, source, target, options, limit = 10, most = 5000): every shortest
 *     path ranked as find_paths ranks them (hops, then weakest hop, then corroboration,
 *     then actor ids), the first `limit` of them: { paths: [{ path, weakest, corroboration,
 *     hops }], shortest: how many there are, listed: whether all were ranked (false past
 *     `most` shortest paths: then only the best, bestPath's, is listed) }, or null.
 *   byCodePoint(a, b): compares two strings as Python does (JavaScript's < compares UTF-16
 *     code units: "\uffff" < "\u{10000}" in Python, not in JavaScript).
 * Uses: nothing (no DOM, no vis-network): tests/js/paths.test.js loads it in Node.
 */
"use strict";

function byCodePoint(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Past a shared prefix: the shorter string first, or the first differing code point.
  return i === n ? a.length - b.length : a.codePointAt(i) - b.codePointAt(i);
}

// Each actor's next actors, and the claims that make each hop: actor -> next actor ->
// [claims]. A claim of an actor with itself makes none; with `directed`, a claim whose
// relation goes one way (`oneWay`) only makes the hop from its source.
function hopMap(claims, directed, oneWay) {
  const adj = new Map();
  const add = (u, v, c) => {
    if (!adj.has(u)) adj.set(u, new Map());
    if (!adj.get(u).has(v)) adj.get(u).set(v, []);
    adj.get(u).get(v).push(c);
  };
  for (const c of claims) {
    if (c.from === c.to) continue;
    add(c.from, c.to, c);
    if (!directed || !oneWay(c)) add(c.to, c.from, c);
  }
  return adj;
}

function bestPath(claims, source, target, { directed = false, rank, oneWay,
  support = () => 0 }) {
  if (source === target) return null;
  const adj = hopMap(claims, directed, oneWay);
  const NONE = new Map();
  const next = v => adj.get(v) || NONE;
  // Hops from the source, breadth first, until a level reaches the target.
  const dist = new Map([[source, 0]]);
  for (let frontier = [source]; frontier.length && !dist.has(target);) {
    const later = [];
    for (const v of frontier) {
      for (const w of next(v).keys()) {
        if (!dist.has(w)) { dist.set(w, dist.get(v) + 1); later.push(w); }
      }
    }
    frontier = later;
  }
  if (!dist.has(target)) return null;
  const hops = dist.get(target);
  const hopRank = (v, w) => next(v).get(w).reduce((r, c) => Math.min(r, rank(c)), Infinity);
  const steps = v => [...next(v).keys()].filter(w => dist.get(w) === dist.get(v) + 1 &&
    (w === target || dist.get(w) < hops));
  // best(v): the strongest weakest-hop rank over shortest routes from v to the target;
  // count(v): how many shortest routes lead from v to the target.
  const best = new Map([[target, -1]]), count = new Map([[target, 1]]);
  const solve = v => {
    if (best.has(v)) return best.get(v);
    let b = Infinity, n = 0;
    for (const w of steps(v)) {
      const r = solve(w);
      if (r === Infinity) continue;
      b = Math.min(b, Math.max(hopRank(v, w), r));
      n += count.get(w);
    }
    best.set(v, b); count.set(v, n);
    return b;
  };
  const weakest = solve(source);
  // Then, over the hops no weaker than that, the most corroborated route: most(v) is the
  // largest least-corroborated hop over those routes from v to the target.
  const hopSupport = (v, w) => next(v).get(w).reduce((s, c) => Math.max(s, support(c)), 0);
  const firm = v => steps(v).filter(w => hopRank(v, w) <= weakest && best.get(w) <= weakest);
  const most = new Map([[target, Infinity]]);
  const corroborate = v => {
    if (most.has(v)) return most.get(v);
    let m = -Infinity;
    for (const w of firm(v)) m = Math.max(m, Math.min(hopSupport(v, w), corroborate(w)));
    most.set(v, m);
    return m;
  };
  const corroboration = corroborate(source);
  const path = [source];
  for (let v = source; v !== target;) {
    // The first id, of the steps that keep the path as strong and corroborated as the best.
    v = firm(v).filter(w => Math.min(hopSupport(v, w), corroborate(w)) >= corroboration)
      .reduce((a, b) => (byCodePoint(a, b) <= 0 ? a : b));
    path.push(v);
  }
  const strongerFirst = (a, b) => rank(a) - rank(b) || byCodePoint(a.id, b.id);
  return {
    path, weakest, corroboration, shortest: count.get(source),
    hops: path.slice(1).map((w, i) => ({ from: path[i], to: w,
      claims: [...next(path[i]).get(w)].sort(strongerFirst) })),
  };
}

function rankedPaths(claims, source, target, options, limit = 10, most = 5000) {
  const best = bestPath(claims, source, target, options);
  if (!best) return null;
  const { rank, support = () => 0 } = options;
  if (best.shortest > most || best.shortest === 1) {
    return { paths: [best], shortest: best.shortest, listed: best.shortest === 1 };
  }
  // The hops of the best path's search again.
  const adj = hopMap(claims, options.directed, options.oneWay);
  const next = v => adj.get(v) || new Map();
  // Distances to the target, backwards, so that only shortest routes are walked.
  const hops = best.path.length - 1;
  const toTarget = new Map([[target, 0]]);
  const back = new Map();
  for (const [u, m] of adj) for (const v of m.keys()) {
    if (!back.has(v)) back.set(v, []);
    back.get(v).push(u);
  }
  for (let frontier = [target], d = 0; frontier.length && d < hops; d++) {
    const later = [];
    for (const v of frontier) for (const u of back.get(v) || []) {
      if (!toTarget.has(u)) { toTarget.set(u, d + 1); later.push(u); }
    }
    frontier = later;
  }
  const found = [];
  const walk = (path, left) => {
    const v = path[path.length - 1];
    if (left === 0) { if (v === target) found.push([...path]); return; }
    for (const w of next(v).keys()) {
      if (toTarget.get(w) === left - 1 && !path.includes(w)) {
        path.push(w); walk(path, left - 1); path.pop();
      }
    }
  };
  walk([source], hops);
  const strongerFirst = (a, b) => rank(a) - rank(b) || byCodePoint(a.id, b.id);
  const scored = found.map(path => {
    const hopClaims = path.slice(1).map((w, i) => next(path[i]).get(w));
    return { path,
      weakest: Math.max(...hopClaims.map(list => Math.min(...list.map(rank)))),
      corroboration: Math.min(...hopClaims.map(list => Math.max(0, ...list.map(support)))),
      hops: path.slice(1).map((w, i) => ({ from: path[i], to: w,
        claims: [...hopClaims[i]].sort(strongerFirst) })) };
  });
  const byActors = (a, b) => {
    for (let i = 0; i < a.length; i++) {
      const d = byCodePoint(a[i], b[i]);
      if (d) return d;
    }
    return 0;
  };
  scored.sort((a, b) => a.weakest - b.weakest || b.corroboration - a.corroboration ||
    byActors(a.path, b.path));
  return { paths: scored.slice(0, limit), shortest: found.length, listed: true };
}

if (typeof module !== "undefined") module.exports = { bestPath, rankedPaths, byCodePoint };
