/* The page's notice, its picture, its API, and its start (the filters applied once).
 *
 * window.actorgraph, the page's API (for tests, and for anyone at the browser's console):
 *   network        the vis.Network
 *   data           { actors, claims, documents, vocabulary }: the casebook as the page holds it
 *   ready          true once the first frame is drawn
 *   nodes, edges   vis.DataSets of the actors and the claims (edges: null on a large page)
 *   shown          { actors, claims }: Sets of the ids the filters let through
 *   timings        ms since navigation: start, parsed, datasets, network, drawn
 *   marked         the Set of claims a large page draws as selected
 *   claimPoint(id)     the middle of a claim's line, in canvas coordinates
 *   claimAt(point)     a large page's claim whose line passes nearest a canvas point, or
 *                      null (null itself on a small page, where vis-network finds lines)
 *   linePlan()         a large page's lines in the view: [claim id, dashes, arrowhead]
 *                      (null on a small page)
 *   focusActor(id), findPath(source, target, { directed }), applyFilters(), showClaim(id),
 *   showActor(id), closePanel(), focusClaim(id), savePng(): what the page's controls do
 * Uses: every file before it.
 */
"use strict";

if (raw.notice) { $("notice").textContent = raw.notice; $("notice").hidden = false; }

function savePng() {
  const src = $("network").querySelector("canvas");
  const out = document.createElement("canvas");
  out.width = src.width; out.height = src.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  const a = el("a", { href: out.toDataURL("image/png"),
    download: (document.title || "actorgraph").replace(/[^\w.-]+/g, "-") + ".png" });
  document.body.append(a);
  a.click();
  a.remove();
}
$("save-png").addEventListener("click", savePng);

window.actorgraph = {
  network, data: { actors, claims, documents, vocabulary: V },
  get ready() { return ready; },
  nodes: nodeSet, edges: edgeSet, shown, timings, marked, claimPoint,
  claimAt: BIG ? claimAt : null,
  linePlan: BIG ? () => linePlan().map(item => [item.c.id, item.dashes, item.arrow]) : null,
  focusActor, findPath, applyFilters, showClaim, showActor, closePanel, focusClaim, savePng,
};
applyFilters();
