/* The filters: actor types, relations, certainties (checkboxes with counts), a date range,
 * undated claims, actors left without claims. They decide `shown` (40-data.js), the only
 * place that changes it, and tell whoever asked (whenFiltered) after each change.
 *
 * Provides: applyFilters(), whenFiltered(listener).
 * Uses: 40-data.js, 50-look.js, 60-network.js; redrawSoon (65-lines.js).
 */
"use strict";

const off = { types: new Set(), relations: new Set(), certainties: new Set() };
const filtered = [];  // called after each change of the filters
const whenFiltered = listener => filtered.push(listener);
function checkbox(kind, name, label, swatch, count) {
  const box = el("input", { type: "checkbox", "data-filter": kind, value: name });
  box.checked = true;
  box.addEventListener("change", () => {
    box.checked ? off[kind].delete(name) : off[kind].add(name);
    applyFilters();
  });
  return el("label", {}, box, swatch, label, el("span", { class: "n" }, fmt(count)));
}
{
  const tally = (list, key) => list.reduce((m, x) => m.set(x[key], (m.get(x[key]) || 0) + 1),
    new Map());
  const types = tally(actors, "type"), rels = tally(claims, "relation");
  const certs = tally(claims, "certainty");
  $("filter-types").append(...V.types.map(t =>
    checkbox("types", t.name, t.label, shapeSwatch(t.name), types.get(t.name))));
  $("filter-certainties").append(...V.certainties.map(c =>
    checkbox("certainties", c.name, c.name, lineSwatch("#4b5563", c.dashes, false),
      certs.get(c.name))));
  for (const f of V.families) {
    $("filter-relations").append(el("div", { class: "family", title: f.description },
      lineSwatch(f.color, false, false), f.name));
    $("filter-relations").append(...V.relations.filter(r => r.family === f.name).map(r =>
      checkbox("relations", r.name, r.label, lineSwatch(f.color, false, r.directed),
        rels.get(r.name))));
  }
  for (const c of V.certainties) {
    $("filter-certainties").querySelector(`input[value="${c.name}"]`).parentElement.title =
      c.description;
  }
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
  input.style.borderColor = ok ? "" : "#d62728";
  return ok ? v : "";
}
const sameSet = (a, b) => a.size === b.size && [...a].every(x => b.has(x));
function applyFilters() {
  const from = dateBound($("date-from")), to = dateBound($("date-to"));
  const undated = $("undated").checked;
  const before = { actors: shown.actors, claims: shown.claims };
  shown.actors = new Set(actors.filter(a => !off.types.has(a.type)).map(a => a.id));
  shown.claims = new Set(claims.filter(c =>
    shown.actors.has(c.from) && shown.actors.has(c.to) &&
    !off.relations.has(c.relation) && !off.certainties.has(c.certainty) &&
    (c.date ? (!from || high(c.date) >= low(from)) && (!to || low(c.date) <= high(to))
      : undated)).map(c => c.id));
  if ($("hide-isolated").checked) {
    const used = new Set();
    for (const c of claims) if (shown.claims.has(c.id)) { used.add(c.from); used.add(c.to); }
    shown.actors = new Set([...shown.actors].filter(id => used.has(id)));
  }
  // A view refresh redraws the network: only refresh a view whose items changed.
  if (!sameSet(shown.actors, before.actors)) nodeView.refresh();
  if (sameSet(shown.claims, before.claims)) { /* unchanged */ } else if (BIG) redrawSoon();
  else edgeView.refresh();
  $("count").textContent = `${fmt(shown.actors.size)} of ${fmt(actors.length)} actors, ` +
    `${fmt(shown.claims.size)} of ${fmt(claims.length)} claims shown`;
  for (const listener of filtered) listener();
}
for (const id of ["date-from", "date-to"]) $(id).addEventListener("input", applyFilters);
for (const id of ["undated", "hide-isolated"]) $(id).addEventListener("change", applyFilters);
