/* The view in the URL: what the panel shows, the path kept and the filters are written into
 * the hash (35-state.js) as they change; a selection makes a new history entry, so the
 * browser's Back steps back through selections; a filter change replaces the entry. A
 * reload, a shared link or Back shows the view the hash holds.
 *
 * Provides: viewState(), applyState(state).
 * Uses: 40-data.js; encodeState, decodeState (35-state.js); showActor, showClaim, showTie,
 *   closePanel, whenPanelChanges, panelShows (75-panel.js); focusActor (80-search.js);
 *   filterState, setFilterState, whenFiltered (85-filters.js); pathState, setPath,
 *   clearPath (90-path.js); whenViewStarts (88-view.js).
 */
"use strict";

let restoring = false;
let viewReady = false;
function viewState() {
  return { ...(panelShows.actor ? { actor: panelShows.actor } : {}),
    ...(panelShows.claim ? { claim: panelShows.claim } : {}),
    ...(panelShows.tie !== undefined ? { tie: panelShows.tie } : {}),
    path: pathState(), filters: filterState() };
}
function writeState(push) {
  if (restoring || !viewReady) return;
  const hash = encodeState(viewState());
  if (hash === location.hash.replace(/^#/, "")) return;
  const url = location.pathname + location.search + (hash ? "#" + hash : "");
  try {
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  } catch (err) { /* a page opened in a frame that forbids it: the view simply isn't kept */ }
}
function applyState(state) {
  restoring = true;
  try {
    setFilterState(state.filters || {});
    if (state.path && actorById.has(state.path.from) && actorById.has(state.path.to)) {
      setPath(state.path);
    } else if (pathState()) clearPath();
    if (state.actor && actorById.has(state.actor)) focusActor(state.actor);
    else if (state.claim && claimById.has(state.claim)) focusClaim(state.claim);
    else if (state.tie !== undefined && ties[state.tie]) {
      setExpanded(ties[state.tie], true);
      showTie(ties[state.tie]);
    } else if (!state.path && !panel.hidden) closePanel();
  } finally {
    restoring = false;
  }
}
whenPanelChanges(() => writeState(true));
whenFiltered(() => writeState(false));
window.addEventListener("popstate", () => applyState(decodeState(location.hash)));
whenViewStarts(() => {
  if (location.hash.length > 1) applyState(decodeState(location.hash));
  viewReady = true;
});
