/* What stands out: the actors and claims lit (the rest dimmed, or on a large page the lit
 * ones selected), and on a large page the names of the actors wanted.
 *
 * An actor labelled from the start keeps its name; any other shows it while it is hovered or
 * while it is wanted (selected, searched, on a path, near a focused actor). Only the actors
 * whose label changes are updated.
 *
 * Provides: highlight(actorIds, claimIds) (Sets, or null for everything: a line is lit if
 *   one of its claims is), clearHighlight(), lit (what is lit), hoverName(id), wantNames(ids),
 *   focusNames(ids) (the actors of a focus, named while it lasts).
 * Uses: 40-data.js, 45-lines.js, 50-look.js, 60-network.js; markClaims (65-lines.js).
 */
"use strict";

const onDemand = { hovered: null, wanted: new Set(), focus: new Set(), drawn: new Set() };
function nameActors() {
  const want = new Set([...onDemand.wanted, ...onDemand.focus]);
  if (onDemand.hovered !== null) want.add(onDemand.hovered);
  const updates = [];
  for (const id of onDemand.drawn) {
    if (!want.has(id)) { onDemand.drawn.delete(id); updates.push({ id, label: "" }); }
  }
  for (const id of want) {
    if (labelled.has(id) || onDemand.drawn.has(id) || !actorById.has(id)) continue;
    onDemand.drawn.add(id);
    updates.push({ id, label: nameOf(id) });
  }
  if (updates.length) nodeSet.update(updates);
}
const hoverName = id => { onDemand.hovered = id; nameActors(); };
const wantNames = ids => { onDemand.wanted = new Set(ids || []); nameActors(); };
const focusNames = ids => { onDemand.focus = new Set(ids || []); nameActors(); };

const dimmed = { nodes: new Set(), edges: new Set() };
let lit = { actors: null, claims: null };  // what the last highlight lit (null: everything)
// Whether a line is dimmed under the current highlight: none of its claims is lit.
const lineDim = id => {
  if (lit.claims === null) return false;
  const t = lineTie(id);
  return t ? !t.claims.some(c => lit.claims.has(c.id)) : !lit.claims.has(id);
};
function highlight(actorIds, claimIds) {
  lit = { actors: actorIds, claims: claimIds };
  if (BIG) {
    wantNames(actorIds);
    // Restyling tens of thousands of items takes seconds: select them instead.
    if (actorIds === null) network.unselectAll();
    else network.setSelection({ nodes: [...actorIds].filter(id => shown.actors.has(id)) },
      { highlightEdges: false });
    markClaims(claimIds);
    return;
  }
  const nodeUpdates = [], edgeUpdates = [];
  for (const a of actors) {
    const dim = actorIds !== null && !actorIds.has(a.id);
    if (dim !== dimmed.nodes.has(a.id)) {
      dim ? dimmed.nodes.add(a.id) : dimmed.nodes.delete(a.id);
      nodeUpdates.push({ id: a.id, ...nodeLook(a, dim, true) });
    }
  }
  for (const id of edgeSet.getIds()) {
    const dim = lineDim(id);
    if (dim !== dimmed.edges.has(id)) {
      dim ? dimmed.edges.add(id) : dimmed.edges.delete(id);
      edgeUpdates.push({ id, ...lineLook(id, dim, true) });
    }
  }
  nodeSet.update(nodeUpdates);
  edgeSet.update(edgeUpdates);
}
const clearHighlight = () => highlight(null, null);
// A tie expanded or folded: its pair's lines get their curves (and the current dimming).
if (!BIG) {
  whenLinesChange(redrawn => {
    const ids = redrawn.flatMap(t => (t.claims.length > 1 ? [tieLineId(t)] : [])
      .concat(t.claims.map(c => c.id)));
    edgeSet.update(ids.map(id => {
      const dim = lineDim(id);
      dim ? dimmed.edges.add(id) : dimmed.edges.delete(id);
      return { id, ...lineLook(id, dim, true) };
    }));
    edgeView.refresh();
  });
}
