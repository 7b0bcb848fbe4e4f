/* The page's notice, its keys, its drawer, its API, and its start (the filters applied
 * once, then the first view).
 *
 * Keys: "/" finds an actor, "F" fits the view, "?" lists the keys, Esc closes what is on
 * top (the key list, else the filters drawer, else the panel; a path stays until Clear).
 *
 * window.actorgraph, the page's API (for tests, and for anyone at the browser's console):
 *   network        the vis.Network
 *   data           { actors, claims, ties, documents, vocabulary }: the casebook as the page
 *                  holds it (a claim's `tie` is its tie; a tie's `claims` its claims)
 *   ready          true once the first frame is drawn (and the first view set)
 *   nodes, edges   vis.DataSets of the actors and the lines (edges: null on a large page)
 *   shown          { actors, claims }: Sets of the ids the filters let through
 *   timings        ms since navigation: start, parsed, datasets, network, drawn
 *   marked         the Set of claims a large page draws as selected
 *   lines()        the lines drawn now: [{ id, tie (index), claim (id or null) }]
 *   lineOf(claim id), tieLine(tie index): the id of the line drawing a claim, a tie
 *   linePoint(id), claimPoint(id), tiePoint(index): a line's middle, in canvas coordinates
 *   lineAt(point)  a large page's line passing nearest a canvas point, or null (null itself
 *                  on a small page, where vis-network finds lines)
 *   linePlan()     a large page's lines in the view: [line id, dashes, arrowhead] (null on
 *                  a small page)
 *   marksDrawn()   the marks of the last frame: [{ line, kind, x, y }]
 *   glyphsDrawn()  the families' glyphs of the last frame: [{ line, family, glyph, x, y, r }]
 *   expandTie(i), foldTie(i), setEveryClaim(on), isExpanded(i)
 *   state(), setState(state): the view as the URL holds it (35-state.js)
 *   focused()      a large page's focused actors, or null; focusOn(ids)
 *   focusActor(id), findPath(source, target, { directed }), findPaths(...), setPath(state),
 *   clearPath(), applyFilters(), filterState(), setFilterState(state), resetFilters(),
 *   showClaim(id), showTie(i), showActor(id), closePanel(), focusClaim(id), fit(),
 *   relayout(), undoLayout(), savePng() (a Promise of the picture's [width, height]),
 *   saveSvg(), exportSvg(): what the page's controls do
 * Uses: every file before it.
 */
"use strict";

if (raw.notice) { $("notice").textContent = raw.notice; $("notice").hidden = false; }

// The filters drawer (narrow screens).
const drawer = $("controls");
function setDrawer(open) {
  drawer.classList.toggle("open", open);
  $("drawer-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  if (open) { const first = drawer.querySelector("input, button"); if (first) first.focus(); }
}
const drawerOpen = () => drawer.classList.contains("open");
$("drawer-toggle").addEventListener("click", () => setDrawer(!drawerOpen()));

// The key list.
const shortcuts = $("shortcuts");
let keysFrom = null;
function showKeys(open) {
  shortcuts.hidden = !open;
  if (open) { keysFrom = document.activeElement; $("shortcuts-close").focus(); }
  else if (keysFrom && keysFrom.focus) keysFrom.focus();
}
$("help").addEventListener("click", () => showKeys(true));
$("shortcuts-close").addEventListener("click", () => showKeys(false));

// The skip link goes to the panel when it is open, else to the filters.
$("skip").addEventListener("click", e => {
  e.preventDefault();
  const target = !panel.hidden ? panelBody.querySelector("h2") : $("path-from");
  if (target) { target.tabIndex = target.tabIndex < 0 ? -1 : target.tabIndex; target.focus(); }
});
document.addEventListener("keydown", e => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
  if (e.key === "Escape") {
    if (!shortcuts.hidden) showKeys(false);
    else if (drawerOpen()) { setDrawer(false); $("drawer-toggle").focus(); }
    else if (!panel.hidden) closePanel();
    else return;
    e.preventDefault();
    return;
  }
  if (typing) return;
  if (e.key === "/") { e.preventDefault(); $("search").focus(); }
  else if (e.key === "f" || e.key === "F") { e.preventDefault(); fitShown(); }
  else if (e.key === "?") { e.preventDefault(); showKeys(shortcuts.hidden); }
});

window.actorgraph = {
  network, data: { actors, claims, ties, documents, vocabulary: V },
  get ready() { return ready; },
  nodes: nodeSet, edges: edgeSet, shown, timings, marked,
  lines: () => (BIG ? drawnLines().filter(l => lineShown(l.id)) : edgeView.getIds()
    .map(id => ({ id, tie: lineTie(id) || claimById.get(id).tie, claim: lineTie(id) ? null : { id } })))
    .map(l => ({ id: l.id, tie: l.tie.index, claim: l.claim ? l.claim.id : null })),
  lineOf: id => lineOf(claimById.get(id)), tieLine: i => linesOf(ties[i])[0],
  linePoint, claimPoint, tiePoint: i => linePoint(linesOf(ties[i])[0]),
  lineAt: BIG ? lineAt : null,
  linePlan: BIG ? () => linePlan().map(item => [item.line.id, item.dashes, item.arrow]) : null,
  marksDrawn, glyphsDrawn,
  expandTie: i => setExpanded(ties[i], true), foldTie: i => setExpanded(ties[i], false),
  setEveryClaim, isExpanded: i => isExpanded(ties[i]),
  state: viewState, setState: applyState,
  focused: focusState, focusOn,
  focusActor, findPath, findPaths, setPath, clearPath, applyFilters, filterState,
  setFilterState, resetFilters, showClaim, showTie: i => showTie(ties[i]), showActor,
  closePanel, focusClaim, fit: () => fitShown(false), relayout, undoLayout, savePng, saveSvg,
  exportSvg,
};
applyFilters();
if (BIG) {
  startView();
  releaseFrames();  // held back since the data came (65-lines.js)
}
