/* The path finder: the same answer as `actorgraph path` (bestPath and rankedPaths,
 * 20-paths.js) over the claims shown: every shortest path listed, ranked, the chosen one
 * drawn and listed hop by hop. A path stays until Clear (Esc closes the panel, not the
 * path); the filters find it again while it stays, and never once it is cleared.
 *
 * Provides: findPath(source, target, { directed }): null, or { path, strength (the weakest
 *   hop's certainty), shortest (how many shortest paths), hops: [{ from, to, claims }] };
 *   findPaths(source, target, { directed }): null, or { paths: [the same, ranked], shortest,
 *   listed }; runPath(), clearPath(), pathState() ({ from, to, directed, chosen } or null),
 *   setPath(state), pathLit() (the actors and claims the path lights, or null).
 * Uses: 40-data.js, 50-look.js, 60-network.js; bestPath, rankedPaths (20-paths.js);
 *   highlight (70-highlight.js); openPanel, rows, claimButton, whenPanelChanges
 *   (75-panel.js); resolve, suggest, closest, noteUnder (80-search.js); whenFiltered
 *   (85-filters.js); fitTo, focusOn (88-view.js: called once the page has started);
 *   focused (65-lines.js).
 */
"use strict";

const pathOptions = directed => ({ directed, rank: c => RANK[c.certainty],
  oneWay: c => RELATIONS[c.relation].directed, support: c => c.support });
const pathNamed = found => ({ path: found.path, strength: V.certainties[found.weakest].name,
  corroboration: found.corroboration, hops: found.hops });
function findPaths(source, target, { directed = false } = {}) {
  if (!shown.actors.has(source) || !shown.actors.has(target)) return null;
  const found = rankedPaths(claims.filter(c => shown.claims.has(c.id)), source, target,
    pathOptions(directed));
  if (!found) return null;
  return { paths: found.paths.map(pathNamed), shortest: found.shortest, listed: found.listed };
}
function findPath(source, target, { directed = false } = {}) {
  if (!shown.actors.has(source) || !shown.actors.has(target)) return null;
  const found = bestPath(claims.filter(c => shown.claims.has(c.id)), source, target,
    pathOptions(directed));
  return found && { ...pathNamed(found), shortest: found.shortest };
}
let current = null;  // { from, to, directed, chosen, result }: the path that stays
const pathLit = () => {
  if (!current || !current.result) return null;
  const p = current.result.paths[current.chosen];
  return { actors: new Set(p.path), claims: new Set(p.hops.flatMap(h => h.claims.map(c => c.id))) };
};
function drawPath() {
  const lit = pathLit();
  if (lit) highlight(lit.actors, lit.claims);
  else if (current) highlight(new Set([current.from, current.to]), new Set());
}
function showPath() {
  const { from, to, directed, result } = current;
  if (!result) {
    openPanel([el("h2", {}, "No path"), el("p", { class: "empty", id: "no-path" },
      `No chain of shown claims links ${nameOf(from)} to ${nameOf(to)}` +
      (directed ? " following the arrows." : ".") +
      (shown.claims.size < claims.length ? " Some claims are hidden by the filters." : ""))]);
    told({ path: true });
    drawPath();
    return;
  }
  const chosen = result.paths[current.chosen];
  const n = chosen.hops.length;
  const list = el("ol", { class: "path", "data-path": chosen.path.join(" ") });
  for (const h of chosen.hops) {
    list.append(el("li", { class: "hop", "data-from": h.from, "data-to": h.to },
      el("div", { class: "hop-title" }, `${nameOf(h.from)} → ${nameOf(h.to)}`),
      ...rows(h.claims, c => claimButton(c, true))));
  }
  const choices = result.paths.length > 1 ? el("div", { class: "choices",
    role: "group", "aria-label": "Shortest paths" },
  ...result.paths.map((p, i) => el("button", { type: "button", class: "choice",
    "aria-pressed": i === current.chosen ? "true" : "false", "data-path": p.path.join(" "),
    onclick: () => { current.chosen = i; showPath(); fitPath(); } },
  `${i + 1}. ${p.path.map(nameOf).join(" — ")} (weakest: ${p.strength})`))) : null;
  openPanel([el("h2", {}, `Path: ${nameOf(from)} → ${nameOf(to)}`),
    el("p", { class: "meta" }, `${n} hop${n === 1 ? "" : "s"} · weakest link: ${chosen.strength}` +
      (result.shortest > 1 ? ` · best of ${fmt(result.shortest)} shortest paths` : "") +
      (directed ? " · following arrows" : "")),
    choices,
    result.shortest > result.paths.length ? el("p", { class: "meta" },
      result.listed ? `The ${result.paths.length} best are listed.`
        : "Too many to rank them all: the best is shown.") : null,
    list], () => showPath());
  panel.dataset.path = chosen.path.join(" ");
  told({ path: true });
  drawPath();
}
function fitPath() {
  const lit = pathLit();
  if (!lit) return;
  if (focused) focusOn([...lit.actors]);  // a large page's focus moves to the path
  fitTo([...lit.actors]);
}
function pathProblem(field, value) {
  const near = closest(value);
  const words = value.trim() ? `No actor matches “${value.trim()}”.` : `Name the ${field} actor.`;
  openPanel([el("h2", {}, "Path"), el("p", { class: "empty", id: "path-problem" }, words),
    near.length ? el("p", {}, "Did you mean ", ...near.flatMap((h, i) => [i ? ", " : "",
      el("button", { type: "button", class: "link", "data-actor": h.a.id, onclick: () => {
        const input = $(field === "first" ? "path-from" : "path-to");
        input.value = h.a.name; input.dataset.actor = h.a.id;
        noteUnder(input, "");
        runPath();
      } }, h.a.name)]), "?") : null]);
}
function runPath() {
  const a = $("path-from"), b = $("path-to");
  const from = a.dataset.actor || resolve(a.value), to = b.dataset.actor || resolve(b.value);
  if (!from || !to) {
    const [field, input] = !from ? ["first", a] : ["second", b];
    input.setAttribute("aria-invalid", "true");
    pathProblem(field, input.value);
    return null;
  }
  if (from === to) {
    openPanel([el("h2", {}, "Path"), el("p", { class: "empty", id: "path-problem" },
      "Pick two different actors.")]);
    return null;
  }
  a.value = nameOf(from); b.value = nameOf(to);
  a.dataset.actor = from; b.dataset.actor = to;
  const directed = $("path-directed").checked;
  setPath({ from, to, directed, chosen: 0 });
  return current.result && current.result.paths[0];
}
// Show the path between two actors (found over the claims shown) and keep it.
function setPath({ from, to, directed = false, chosen = 0 }) {
  if (!actorById.has(from) || !actorById.has(to) || from === to) return;
  $("path-from").value = nameOf(from); $("path-from").dataset.actor = from;
  $("path-to").value = nameOf(to); $("path-to").dataset.actor = to;
  $("path-directed").checked = directed;
  const result = findPaths(from, to, { directed });
  current = { from, to, directed, result,
    chosen: result ? Math.min(chosen, result.paths.length - 1) : 0 };
  showPath();
  fitPath();
}
const pathState = () => current && { from: current.from, to: current.to,
  directed: current.directed, chosen: current.chosen };
function clearPath() {
  current = null;
  for (const id of ["path-from", "path-to"]) {
    $(id).value = ""; delete $(id).dataset.actor;
    $(id).setAttribute("aria-invalid", "false");
    noteUnder($(id), "");
  }
  delete panel.dataset.path;
  if (panelShows.path) closePanel();
  else clearHighlight();
}
// Closing the panel keeps the path lit.
whenPanelChanges(what => { if (current && !Object.keys(what).length) drawPath(); });
suggest($("path-from"), () => {});
suggest($("path-to"), () => {});
$("path-find").addEventListener("click", runPath);
$("path-directed").addEventListener("change", () => { if (current) runPath(); });
$("path-clear").addEventListener("click", clearPath);
// While a path stays, the filters find it again (in place: the view does not move).
whenFiltered(() => {
  if (!current) return;
  const result = findPaths(current.from, current.to, { directed: current.directed });
  current.result = result;
  current.chosen = result ? Math.min(current.chosen, result.paths.length - 1) : 0;
  if (panel.dataset.path !== undefined || !panel.hidden && panelBody.querySelector("#no-path")) {
    showPath();
  } else drawPath();
});
