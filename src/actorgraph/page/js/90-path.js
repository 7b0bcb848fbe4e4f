/* The path finder: the same answer as `actorgraph path` (bestPath, 20-paths.js) over the
 * claims shown, drawn and listed hop by hop; found again whenever the filters change.
 *
 * Provides: findPath(source, target, { directed }): null, or { path, strength (the weakest
 *   hop's certainty), shortest (how many shortest paths), hops: [{ from, to, claims }] }.
 * Uses: 40-data.js, 50-look.js, 60-network.js; bestPath (20-paths.js); highlight
 *   (70-highlight.js); openPanel, closePanel, rows, claimButton (75-panel.js); resolve, suggest
 *   (80-search.js); whenFiltered (85-filters.js).
 */
"use strict";

function findPath(source, target, { directed = false } = {}) {
  if (!shown.actors.has(source) || !shown.actors.has(target)) return null;
  const found = bestPath(claims.filter(c => shown.claims.has(c.id)), source, target, {
    directed, rank: c => RANK[c.certainty], oneWay: c => RELATIONS[c.relation].directed,
    support: c => c.support });
  if (!found) return null;
  const { path, weakest, shortest, hops } = found;
  return { path, strength: V.certainties[weakest].name, shortest, hops };
}
function showPath(from, to, directed, result) {
  if (!result) {
    highlight(new Set([from, to]), new Set());
    openPanel([el("h2", {}, "No path"), el("p", { class: "empty", id: "no-path" },
      `No chain of shown claims links ${nameOf(from)} to ${nameOf(to)}` +
      (directed ? " following the arrows." : "."))]);
    return;
  }
  highlight(new Set(result.path), new Set(result.hops.flatMap(h => h.claims.map(c => c.id))));
  network.fit({ nodes: result.path, animation: glide(400) });
  const n = result.hops.length;
  const list = el("ol", { class: "path", "data-path": result.path.join(" ") });
  for (const h of result.hops) {
    list.append(el("li", { class: "hop", "data-from": h.from, "data-to": h.to },
      el("div", { class: "hop-title" }, `${nameOf(h.from)} → ${nameOf(h.to)}`),
      ...rows(h.claims, c => claimButton(c, true))));
  }
  openPanel([el("h2", {}, `Path: ${nameOf(from)} → ${nameOf(to)}`),
    el("p", { class: "meta" }, `${n} hop${n === 1 ? "" : "s"} · weakest link: ${result.strength}` +
      (result.shortest > 1 ? ` · best of ${fmt(result.shortest)} shortest paths` : "") +
      (directed ? " · following arrows" : "")),
    list], () => showPath(from, to, directed, result));
}
let lastPath = null;  // the two actors of the path shown, found again when the filters change
function runPath() {
  const a = $("path-from"), b = $("path-to");
  const from = a.dataset.actor || resolve(a.value), to = b.dataset.actor || resolve(b.value);
  if (!from || !to) {
    lastPath = null;
    openPanel([el("h2", {}, "Path"), el("p", { class: "empty" },
      !from ? `No actor matches “${a.value}”.` : `No actor matches “${b.value}”.`)]);
    return null;
  }
  if (from === to) {
    openPanel([el("h2", {}, "Path"), el("p", { class: "empty" }, "Pick two different actors.")]);
    return null;
  }
  a.value = nameOf(from); b.value = nameOf(to);
  const directed = $("path-directed").checked;
  lastPath = { from, to };
  const result = findPath(from, to, { directed });
  showPath(from, to, directed, result);
  return result;
}
suggest($("path-from"), () => {});
suggest($("path-to"), () => {});
$("path-find").addEventListener("click", runPath);
$("path-directed").addEventListener("change", () => { if (lastPath) runPath(); });
$("path-clear").addEventListener("click", () => {
  lastPath = null;
  for (const id of ["path-from", "path-to"]) { $(id).value = ""; delete $(id).dataset.actor; }
  closePanel();
});
whenFiltered(() => { if (lastPath) runPath(); });
