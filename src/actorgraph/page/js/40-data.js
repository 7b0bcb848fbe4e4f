/* The casebook as the page holds it: the page data (made by actorgraph/page/render.py, in
 * the element #casebook-data) read, its compact rows named and indexed.
 *
 * Provides: raw (the page data as sent), timings (ms since navigation, for measuring),
 *   actors, claims, ties, documents, V (the vocabulary in use), TYPES, RELATIONS, FAMILIES,
 *   CERTAINTIES (each by name), RANK (certainty -> rank, 0 strongest), actorById, claimById,
 *   claimsOf (actor id -> its claims), tiesOf (actor id -> its ties), alleges (actor id ->
 *   the claims it makes as the claimant), shown ({ actors, claims }: Sets of the ids the
 *   filters let through; only 85-filters.js replaces them), BIG (a large page: laid out in
 *   Python, no live physics), fmt, byId, strongestFirst, relationColor, nameOf, sentence,
 *   tieSentence, clip, denies, publisherOf, docLabel.
 *   A claim has the fields of the page data's "edges" (its "tie" the tie object, "support"
 *   the publishers affirming that tie); a tie { index, from, to, relation, claims (strongest
 *   first), affirming, denying, documents, publishers, claimants, strongest, corroborated,
 *   single, disputed, directed }.
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
const ties = raw.ties.map((r, index) => {
  const t = named(r, raw.fields.ties);
  for (const f of raw.refs) t[f] = actors[t[f]].id;
  for (const [f, table] of Object.entries(raw.tie_tables)) t[f] = raw.tables[table][t[f]];
  const flag = name => (t.flags & raw.tie_flags[name]) !== 0;
  return Object.assign(t, { index, claims: [], corroborated: flag("corroborated"),
    single: flag("single_source"), disputed: flag("disputed") });
});
for (const c of claims) {
  c.tie = ties[c.tie];
  c.tie.claims.push(c);
  c.support = c.tie.publishers;
}
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
const tiesOf = new Map(actors.map(a => [a.id, []]));
const alleges = new Map();
for (const t of ties) {
  t.directed = RELATIONS[t.relation].directed;
  tiesOf.get(t.from).push(t);
  if (t.to !== t.from) tiesOf.get(t.to).push(t);
}
for (const c of claims) {
  if (!c.claimant) continue;
  if (!alleges.has(c.claimant)) alleges.set(c.claimant, []);
  alleges.get(c.claimant).push(c);
}
const shown = { actors: new Set(actors.map(a => a.id)), claims: new Set(claims.map(c => c.id)) };
const BIG = !raw.physics;

// 12,345: toLocaleString's first call loads the locale data (about 50 ms).
const fmt = n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const byId = (a, b) => byCodePoint(a.id, b.id);
const strongestFirst = (a, b) => RANK[a.certainty] - RANK[b.certainty] || byId(a, b);
for (const t of ties) t.claims.sort(strongestFirst);
const denies = c => c.stance === "denies";
const relationColor = c => FAMILIES[RELATIONS[c.relation].family].color;
const nameOf = id => actorById.get(id).name;
const sentence = c => `${nameOf(c.from)} ${RELATIONS[c.relation].label} ${nameOf(c.to)}`;
const tieSentence = t => `${nameOf(t.from)} ${t.directed ? "→" : "—"} ${nameOf(t.to)}: ` +
  RELATIONS[t.relation].label;
// A document's publisher; a document without one is its own (as ties.py counts them).
const publisherOf = doc => documents[doc].publisher || "";
const docLabel = doc => {
  const d = documents[doc];
  return (d.title || doc) + (d.publisher ? ` (${d.publisher})` : "");
};
const clip = (text, n) => (text.length > n ? text.slice(0, n - 1).trimEnd() + "…" : text);
