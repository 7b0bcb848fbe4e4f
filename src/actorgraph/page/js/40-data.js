/* The casebook as the page holds it: the page data (made by actorgraph/page/render.py, in
 * the element #casebook-data) read, its compact rows named and indexed.
 *
 * Provides: raw (the page data as sent), timings (ms since navigation, for measuring),
 *   actors, claims, documents, V (the vocabulary in use), TYPES, RELATIONS, FAMILIES,
 *   CERTAINTIES (each by name), RANK (certainty -> rank, 0 strongest), actorById, claimById,
 *   claimsOf (actor id -> its claims), shown ({ actors, claims }: Sets of the ids the filters
 *   let through; only 85-filters.js replaces them), BIG (a large page: laid out in Python,
 *   no live physics), fmt, byId, strongestFirst, relationColor, nameOf, sentence, clip.
 * Uses: byCodePoint (20-paths.js).
 */
"use strict";

const timings = { start: performance.now() };
const raw = JSON.parse(document.getElementById("casebook-data").textContent);
timings.parsed = performance.now();

function named(row, fields) {
  const item = {};
  for (let i = 0; i < fields.length; i++) item[fields[i]] = row[i];
  return item;
}
const actors = raw.nodes.map(r => named(r, raw.fields.nodes));
// A claim's actors come as row numbers in raw.nodes, some fields as places in raw.tables.
const claims = (() => {
  const tables = Object.entries(raw.tables);
  return raw.edges.map(r => {
    const c = named(r, raw.fields.edges);
    for (const f of raw.refs) c[f] = actors[c[f]].id;
    for (const [f, values] of tables) c[f] = values[c[f]];
    return c;
  });
})();
const documents = Object.fromEntries(Object.entries(raw.documents)
  .map(([id, r]) => [id, named(r, raw.fields.documents)]));
// A large page leaves out each quote its document holds word for word (null): rebuilt here.
for (const c of claims) {
  if (c.quote === null) {
    const text = documents[c.doc].text;
    c.quote = c.pieces.map(([s, e]) => text.slice(s, e)).join(" \u2026 ");
  }
}

const V = raw.vocabulary;
const byName = list => Object.fromEntries(list.map(x => [x.name, x]));
const TYPES = byName(V.types), RELATIONS = byName(V.relations);
const FAMILIES = byName(V.families), CERTAINTIES = byName(V.certainties);
const RANK = Object.fromEntries(V.certainties.map((c, i) => [c.name, i]));  // 0 = strongest
const actorById = new Map(actors.map(a => [a.id, a]));
const claimById = new Map(claims.map(c => [c.id, c]));
const claimsOf = new Map(actors.map(a => [a.id, []]));
for (const c of claims) {
  claimsOf.get(c.from).push(c);
  if (c.to !== c.from) claimsOf.get(c.to).push(c);
}
const shown = { actors: new Set(actors.map(a => a.id)), claims: new Set(claims.map(c => c.id)) };
const BIG = !raw.physics;

// 12,345: toLocaleString's first call loads the locale data (about 50 ms).
const fmt = n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const byId = (a, b) => byCodePoint(a.id, b.id);
const strongestFirst = (a, b) => RANK[a.certainty] - RANK[b.certainty] || byId(a, b);
const relationColor = c => FAMILIES[RELATIONS[c.relation].family].color;
const nameOf = id => actorById.get(id).name;
const sentence = c => `${nameOf(c.from)} ${RELATIONS[c.relation].label} ${nameOf(c.to)}`;
const clip = (text, n) => (text.length > n ? text.slice(0, n - 1).trimEnd() + "…" : text);
