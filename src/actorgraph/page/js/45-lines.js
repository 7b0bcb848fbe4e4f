/* What the page draws as lines: one line per tie (a relation between two actors, whoever
 * claims it) by default; a tie expanded, or every tie once "one line per claim" is ticked,
 * is drawn as its claims, each its own line. A tie of one claim is always drawn as that
 * claim. Lines between the same two actors are curves spread on both sides.
 *
 * A line's id is its claim's id (a claim drawn on its own) or TIE + the tie's index (a tie
 * of several claims drawn as one line: ids from the casebook hold no control character).
 *
 * Provides: TIE, tieLineId(tie), lineTie(id) (the tie a tie line stands for, or null),
 *   isExpanded(tie), setExpanded(tie, on), setEveryClaim(on), everyClaim(), lineOf(claim)
 *   (the id of the line a claim is drawn in), linesOf(tie) (ids of the lines drawing it),
 *   drawnLines() (every line as { id, from, to, tie, claim (or null) }, filters aside),
 *   firstLines (drawnLines() as the page starts),
 *   curves (line id -> its curve), look ({ tie index -> shownLook of its shown claims },
 *   set by 85-filters.js), whenLinesChange(listener) (called with the ties redrawn).
 * Uses: 40-data.js; parallelCurves (30-geometry.js); shownLook (25-ties.js).
 */
"use strict";

const TIE = "\u0001tie";
const tieLineId = t => TIE + t.index;
const lineTie = id => (typeof id === "string" && id.startsWith(TIE)
  ? ties[Number(id.slice(TIE.length))] : null);
const expandedTies = new Set();
let allClaims = false;
const everyClaim = () => allClaims;
const isExpanded = t => t.claims.length === 1 || allClaims || expandedTies.has(t.index);
const lineOf = c => (isExpanded(c.tie) ? c.id : tieLineId(c.tie));
const linesOf = t => (isExpanded(t) ? t.claims.map(c => c.id) : [tieLineId(t)]);
const linesChanged = [];
const whenLinesChange = listener => linesChanged.push(listener);

function tieLines(t) {
  return isExpanded(t)
    ? t.claims.map(c => ({ id: c.id, from: c.from, to: c.to, tie: t, claim: c }))
    : [{ id: tieLineId(t), from: t.from, to: t.to, tie: t, claim: null }];
}
const drawnLines = () => ties.flatMap(tieLines);

// The ties between two actors, either way.
const pairKey = (a, b) => (a < b ? a + "\u0000" + b : b + "\u0000" + a);
let pairs = null;  // pair key -> its ties, made when a tie is first expanded or folded
function tiesOfPair(key) {
  if (!pairs) {
    pairs = new Map();
    for (const t of ties) {
      const k = pairKey(t.from, t.to);
      if (!pairs.has(k)) pairs.set(k, []);
      pairs.get(k).push(t);
    }
  }
  return pairs.get(key);
}
const curves = new Map();
function curvePair(key) {
  const lines = tiesOfPair(key).flatMap(tieLines);
  for (const line of lines) curves.delete(line.id);
  for (const [id, curve] of parallelCurves(lines)) curves.set(id, curve);
}
// Every tie drawn as one line at first: their curves all at once (a large page keeps these
// lines for its drawing, 65-lines.js).
const firstLines = drawnLines();
for (const [id, curve] of parallelCurves(firstLines)) curves.set(id, curve);

// Each tie's claims that the filters show, as one line draws them (85-filters.js sets it).
const look = new Map();
// Redraw these ties' pairs with each tie expanded or not as it now is.
function relined(changed) {
  const keys = new Set(changed.map(t => pairKey(t.from, t.to)));
  for (const key of keys) curvePair(key);
  const redrawn = [...keys].flatMap(key => tiesOfPair(key));
  for (const listener of linesChanged) listener(redrawn);
}
function setExpanded(t, on) {
  if (t.claims.length === 1 || on === expandedTies.has(t.index)) return;
  on ? expandedTies.add(t.index) : expandedTies.delete(t.index);
  if (!allClaims) relined([t]);
}
function setEveryClaim(on) {
  if (on === allClaims) return;
  allClaims = on;
  relined(ties.filter(t => t.claims.length > 1 && !expandedTies.has(t.index)));
}
const rankOf = c => RANK[c.certainty];
// Set each tie's look from the claims `isShown` lets through (null: all); the ties whose look
// changed.
function updateLook(isShown) {
  const changed = [];
  for (const t of ties) {
    const now = shownLook(t.claims, rankOf, denies, isShown), was = look.get(t.index);
    if (was === now || (was && now && was.count === now.count &&
      was.strongest === now.strongest && was.denying === now.denying)) continue;
    look.set(t.index, now);
    changed.push(t);
  }
  return changed;
}
if (!BIG) updateLook(null);  // a small page's lines are made with their look (60-network.js)
