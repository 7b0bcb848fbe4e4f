/* The network: vis-network's data sets, the views the filters narrow, the vis.Network, and
 * when the page is ready (its first frame drawn).
 *
 * Provides: labelled (ids of the actors named from the start), nodeSet, edgeSet (every line
 *   that may be drawn, 45-lines.js; null on a large page, which draws its lines itself:
 *   65-lines.js), nodeView, edgeView, lineShown(id) (whether a line is drawn now: its tie
 *   drawn that way and, of its claims, some shown), network, glide(ms) (a view move's
 *   animation), readyAfterNextFrame(), ready, keepingView(change) (runs change(), a
 *   change of the canvas's size, keeping the scale and what sits at the top left corner,
 *   and draws it in one frame: vis-network would rescale the view by the change of width
 *   and could leave the canvas blank until something else drew it).
 * Uses: 40-data.js, 45-lines.js, 50-look.js; vis (vis-network 9.1.2, inlined before this
 *   script); holdFrames, releaseFrames (65-lines.js) and startView (88-view.js), called
 *   once the whole script has run.
 */
"use strict";

// A large page names only its busiest actors from the start (raw.labelled): vis-network
// measures every label while it builds the network. Others are named when wanted
// (70-highlight.js).
const labelled = new Set(raw.labelled || actors.map(a => a.id));
const nodeSet = new vis.DataSet(actors.map(a => ({ id: a.id, ...nodeLook(a, false),
  ...(labelled.has(a.id) ? { label: a.name } : {}), ...(BIG ? { x: a.x, y: a.y } : {}) })));
const edgeSet = BIG ? null : new vis.DataSet([
  ...claims.map(c => ({ id: c.id, from: c.from, to: c.to, ...lineLook(c.id, false) })),
  ...ties.filter(t => t.claims.length > 1).map(t => ({ id: tieLineId(t), from: t.from,
    to: t.to, ...lineLook(tieLineId(t), false) }))]);
function lineShown(id) {
  const t = lineTie(id);
  if (t) return !isExpanded(t) && look.get(t.index) !== null;
  const c = claimById.get(id);
  return isExpanded(c.tie) && shown.claims.has(id);
}
timings.datasets = performance.now();
const nodeView = new vis.DataView(nodeSet, { filter: n => shown.actors.has(n.id) });
const edgeView = BIG ? null
  : new vis.DataView(edgeSet, { filter: e => lineShown(e.id) });
// A large page gets its actors once its own drawing is in place (65-lines.js).
const network = new vis.Network($("network"), BIG ? {} : { nodes: nodeView, edges: edgeView }, {
  autoResize: true,
  layout: { randomSeed: 7, improvedLayout: !BIG && actors.length <= 100 },
  physics: BIG ? false : {
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -90, springLength: 130, avoidOverlap: 0.4 },
    stabilization: { iterations: 600, updateInterval: 100 },
  },
  interaction: { hover: true, tooltipDelay: 3600000, multiselect: false,
    hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, navigationButtons: false },
  nodes: {
    borderWidth: 1, scaling: { label: { drawThreshold: 6 } },
    font: { color: "#1d2430", size: 14, strokeWidth: 3, strokeColor: "#ffffff",
      face: "system-ui, 'Segoe UI', Roboto, sans-serif" },
  },
  edges: {
    width: 1.7, selectionWidth: 2, hoverWidth: 1, smooth: false,
    arrows: { to: { enabled: false, scaleFactor: 0.55 } },
    font: { size: 10, color: "#6a7484", strokeWidth: 0, background: "rgba(255,255,255,0.9)",
      align: "middle", face: "system-ui, sans-serif" },
    // Relation labels only once zoomed in, past a few dozen claims: colour tells the family.
    scaling: { label: { drawThreshold: claims.length > 40 ? 9 : 5 } },
  },
});
timings.network = performance.now();

// Animated view moves go astray on thousands of actors (vis-network 9.1.2): jump instead.
const glide = ms => (BIG ? false : { duration: ms, easingFunction: "easeInOutQuad" });

function keepingView(change) {
  const scale = network.getScale(), corner = network.DOMtoCanvas({ x: 0, y: 0 });
  holdFrames();  // one frame for it all, on the next animation frame (65-lines.js)
  change();
  const box = $("network").getBoundingClientRect();
  network.moveTo({ position: { x: corner.x + box.width / 2 / scale,
    y: corner.y + box.height / 2 / scale }, scale, animation: false });
  releaseFrames();
}

let ready = false;  // the first frame is drawn (the API's `ready`)
function readyAfterNextFrame() {
  network.once("afterDrawing", () => { timings.drawn = performance.now(); ready = true; });
}
if (!BIG) {
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    // Once the whole script has run (this may come while vis.Network is being made):
    // startView (88-view.js) tidies the labels and sets the first view.
    queueMicrotask(() => {
      startView();
      readyAfterNextFrame();
      network.redraw();
    });
  });
}
