/* The filters: actor types, relations (a family's box ticks all of its relations),
 * certainties, documents (a publisher's box ticks all of its documents), the evidence
 * (single-source, disputed or corroborated ties only), a date range, undated claims, actors
 * left without claims. They decide `shown` (40-data.js), the only place that changes it,
 * and tell whoever asked (whenFiltered) after each change. Each box counts the claims it
 * would show with the other filters as they are; alt-click on a box shows only that one;
 * Reset shows everything. The legend's "Lines" section explains widths and marks and
 * draws every claim as its own line on request.
 *
 * Provides: applyFilters(), whenFiltered(listener), filterState(), setFilterState(state)
 *   (the filters as plain data: { hidden: { types, relations, certainties, docs }: lists of
 *   what is unticked, from, to, undated, isolated, only: [evidence kinds], every }),
 *   resetFilters().
 * Uses: 40-data.js, 45-lines.js, 50-look.js, 60-network.js; redrawSoon (65-lines.js);
 *   MARKS, markSwatch (67-marks.js); tieWidth (25-ties.js).
 */
"use strict";

const KINDS = ["types", "relations", "certainties", "docs"];
const off = Object.fromEntries(KINDS.map(k => [k, new Set()]));
const EVIDENCE = { single: "single-source ties only", disputed: "disputed ties only",
  corroborated: "corroborated ties only" };
const only = new Set();  // the evidence kinds ticked
const filtered = [];  // called after each change of the filters
const whenFiltered = listener => filtered.push(listener);
const boxes = Object.fromEntries(KINDS.map(k => [k, new Map()]));  // value -> its checkbox
const counters = Object.fromEntries(KINDS.map(k => [k, new Map()]));  // value -> its count
const groupBoxes = [];  // [box, kind, values]: a family's or a publisher's box

function syncBoxes() {
  for (const kind of KINDS) for (const [name, box] of boxes[kind]) box.checked = !off[kind].has(name);
  for (const [box, kind, values] of groupBoxes) {
    const n = values.filter(v => !off[kind].has(v)).length;
    box.checked = n === values.length;
    box.indeterminate = n > 0 && n < values.length;
  }
  for (const [kind, box] of Object.entries(evidenceBoxes)) box.checked = only.has(kind);
}
// Alt-click: only this value of its kind (or of a group's values) stays ticked.
function onlyThese(kind, values) {
  off[kind] = new Set([...boxes[kind].keys()].filter(v => !values.includes(v)));
  syncBoxes();
  applyFilters();
}
function checkbox(kind, name, label, swatch, count) {
  const box = el("input", { type: "checkbox", "data-filter": kind, value: name });
  box.checked = true;
  boxes[kind].set(name, box);
  box.addEventListener("change", () => {
    box.checked ? off[kind].delete(name) : off[kind].add(name);
    syncBoxes();
    applyFilters();
  });
  const n = el("span", { class: "n" }, fmt(count));
  counters[kind].set(name, n);
  const row = el("label", { title: "Alt-click: only this" }, box, swatch, label, n);
  row.addEventListener("click", e => {
    if (!e.altKey) return;
    e.preventDefault();
    onlyThese(kind, [name]);
  });
  return row;
}
// A heading with a box for several values of one kind (a family's relations, a
// publisher's documents).
function groupBox(kind, values, label, swatch, attrs = {}) {
  const box = el("input", { type: "checkbox", "data-group": kind, value: label });
  box.checked = true;
  groupBoxes.push([box, kind, values]);
  box.addEventListener("change", () => {
    for (const v of values) box.checked ? off[kind].delete(v) : off[kind].add(v);
    syncBoxes();
    applyFilters();
  });
  const row = el("label", { class: "family", ...attrs }, box, swatch, label);
  row.addEventListener("click", e => {
    if (!e.altKey) return;
    e.preventDefault();
    onlyThese(kind, values);
  });
  return row;
}
const evidenceBoxes = {};
{
  const tally = (list, key) => list.reduce((m, x) => m.set(x[key], (m.get(x[key]) || 0) + 1),
    new Map());
  const types = tally(actors, "type"), rels = tally(claims, "relation");
  const certs = tally(claims, "certainty"), docs = tally(claims, "doc");
  $("filter-types").append(...V.types.map(t =>
    checkbox("types", t.name, t.label, shapeSwatch(t.name), types.get(t.name))));
  $("filter-certainties").append(...V.certainties.map(c =>
    checkbox("certainties", c.name, c.name, lineSwatch("#4b5563", c.dashes, false),
      certs.get(c.name))));
  for (const f of V.families) {
    const mine = V.relations.filter(r => r.family === f.name);
    $("filter-relations").append(groupBox("relations", mine.map(r => r.name), f.name,
      lineSwatch(f.color, false, false, 2, f.glyph), { "data-family": f.name,
        title: `${f.description} Drawn with a ${f.glyph} on its lines. (alt-click: only these)` }));
    $("filter-relations").append(...mine.map(r =>
      checkbox("relations", r.name, r.label, lineSwatch(f.color, false, r.directed),
        rels.get(r.name))));
  }
  for (const c of V.certainties) boxes.certainties.get(c.name).parentElement.title =
    c.description + " (alt-click: only this)";
  // Documents under their publisher (a document without one stands alone).
  const byPublisher = new Map();
  for (const doc of Object.keys(documents).sort((a, b) => byCodePoint(docLabel(a), docLabel(b)))) {
    const p = publisherOf(doc);
    if (!byPublisher.has(p)) byPublisher.set(p, []);
    byPublisher.get(p).push(doc);
  }
  for (const [p, list] of [...byPublisher].sort(([a], [b]) => byCodePoint(a, b))) {
    if (p) $("filter-docs").append(groupBox("docs", list, p, null, { "data-publisher": p }));
    $("filter-docs").append(...list.map(doc => checkbox("docs", doc,
      documents[doc].title || doc, null, docs.get(doc) || 0)));
  }
  for (const [kind, label] of Object.entries(EVIDENCE)) {
    const box = el("input", { type: "checkbox", "data-only": kind });
    box.addEventListener("change", () => {
      box.checked ? only.add(kind) : only.delete(kind);
      applyFilters();
    });
    evidenceBoxes[kind] = box;
    $("filter-evidence").append(el("label", { class: "check" }, box, label));
  }
  // The legend of lines: widths, marks, and every claim as its own line.
  const every = el("input", { type: "checkbox", id: "every-claim" });
  every.addEventListener("change", () => setEveryClaim(every.checked));
  $("legend-lines").append(
    el("div", { class: "legend-row" }, lineSwatch("#4b5563", false, false, tieWidth(1)), "1 claim"),
    el("div", { class: "legend-row" }, lineSwatch("#4b5563", false, false, tieWidth(3)),
      "3 claims: one line per tie (a relation between two actors)"),
    ...Object.entries(MARKS).map(([kind, words]) =>
      el("div", { class: "legend-row", "data-mark": kind }, markSwatch(kind), words)),
    el("label", { class: "check" }, every, "draw every claim as its own line"));
}
{
  let first = null, last = null;
  for (const { date } of claims) {
    if (!date) continue;
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  if (first !== null) {
    $("date-from").placeholder = first.slice(0, 4);
    $("date-to").placeholder = last.slice(0, 4);
  }
}
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const low = d => d + "-01-01".slice(d.length - 4);
const high = d => d + "-12-31".slice(d.length - 4);
function dateBound(input) {
  const v = input.value.trim();
  const ok = !v || DATE.test(v);
  input.setAttribute("aria-invalid", ok ? "false" : "true");
  input.classList.toggle("invalid", !ok);
  return ok ? v : "";
}
const sameSet = (a, b) => a.size === b.size && [...a].every(x => b.has(x));
function applyFilters() {
  const from = dateBound($("date-from")), to = dateBound($("date-to"));
  const bad = ["date-from", "date-to"].filter(id => $(id).getAttribute("aria-invalid") === "true");
  $("date-note").textContent = bad.length
    ? `“${$(bad[0]).value.trim()}” is not a date: write 2022, 2022-05 or 2022-05-14.` : "";
  $("date-note").hidden = !bad.length;
  const undated = $("undated").checked;
  const before = { actors: shown.actors, claims: shown.claims };
  shown.actors = new Set(actors.filter(a => !off.types.has(a.type)).map(a => a.id));
  const facets = [["relations", "relation"], ["certainties", "certainty"], ["docs", "doc"]];
  const tallies = Object.fromEntries(facets.map(([kind]) => [kind, new Map()]));
  const pass = new Set();
  for (const c of claims) {
    if (!shown.actors.has(c.from) || !shown.actors.has(c.to)) continue;
    if (c.date ? (from && high(c.date) < low(from)) || (to && low(c.date) > high(to)) : !undated) {
      continue;
    }
    if ((only.has("single") && !c.tie.single) || (only.has("disputed") && !c.tie.disputed) ||
      (only.has("corroborated") && !c.tie.corroborated)) continue;
    const failing = facets.filter(([kind, field]) => off[kind].has(c[field]));
    if (failing.length > 1) continue;
    for (const [kind, field] of failing.length ? failing : facets) {
      const m = tallies[kind];
      m.set(c[field], (m.get(c[field]) || 0) + 1);
    }
    if (!failing.length) pass.add(c.id);
  }
  shown.claims = pass;
  for (const [kind] of facets) {
    for (const [name, n] of counters[kind]) n.textContent = fmt(tallies[kind].get(name) || 0);
  }
  if ($("hide-isolated").checked) {
    const used = new Set();
    for (const c of claims) if (shown.claims.has(c.id)) { used.add(c.from); used.add(c.to); }
    shown.actors = new Set([...shown.actors].filter(id => used.has(id)));
  }
  // Actors keep their places: where each is now is written into its data before any leaves
  // the network, so that it comes back there.
  if (!sameSet(shown.actors, before.actors)) {
    if (!BIG && ready) {
      const at = network.getPositions();
      nodeSet.update(Object.entries(at).map(([id, p]) => ({ id, x: p.x, y: p.y })));
    }
    nodeView.refresh();
  }
  const restyled = updateLook(c => shown.claims.has(c.id));
  if (!sameSet(shown.claims, before.claims) || restyled.length) {
    if (BIG) redrawSoon();
    else {
      edgeSet.update(restyled.filter(t => t.claims.length > 1).map(t => tieLineId(t))
        .map(id => ({ id, ...lineLook(id, dimmed.edges.has(id), true) })));
      edgeView.refresh();
    }
  }
  $("count").textContent = `${fmt(shown.actors.size)} of ${fmt(actors.length)} actors, ` +
    `${fmt(shown.claims.size)} of ${fmt(claims.length)} claims shown`;
  $("empty-state").hidden = shown.claims.size > 0 || claims.length === 0;
  for (const listener of filtered) listener();
}
function filterState() {
  return { hidden: Object.fromEntries(KINDS.map(k => [k, [...off[k]].sort()])),
    from: $("date-from").value.trim(), to: $("date-to").value.trim(),
    undated: $("undated").checked, isolated: $("hide-isolated").checked, only: [...only].sort(),
    every: everyClaim() };
}
function setFilterState(state) {
  for (const k of KINDS) {
    off[k] = new Set(((state.hidden || {})[k] || []).filter(v => boxes[k].has(v)));
  }
  only.clear();
  for (const kind of state.only || []) if (kind in EVIDENCE) only.add(kind);
  $("date-from").value = state.from || "";
  $("date-to").value = state.to || "";
  $("undated").checked = state.undated !== false;
  $("hide-isolated").checked = !!state.isolated;
  $("every-claim").checked = !!state.every;
  setEveryClaim(!!state.every);
  syncBoxes();
  applyFilters();
}
const resetFilters = () => setFilterState({});
for (const id of ["date-from", "date-to"]) $(id).addEventListener("input", applyFilters);
for (const id of ["undated", "hide-isolated"]) $(id).addEventListener("change", applyFilters);
$("filters-reset").addEventListener("click", resetFilters);
$("empty-reset").addEventListener("click", resetFilters);
