/* The tooltip: a claim's sentence and quote, or an actor's name and type, while hovered.
 * vis-network finds what is hovered on a small page; a large page finds its own lines
 * (claimAt), once a frame, unless an actor is there or a button is down (a drag).
 *
 * Provides: claimTip(id, pointer), hideTip().
 * Uses: 40-data.js, 50-look.js, 60-network.js; claimAt, hoverClaim (65-lines.js);
 *   hoverName (70-highlight.js).
 */
"use strict";

const tip = $("tooltip");
const hideTip = () => { tip.hidden = true; };
function showTip(content, pointer) {
  delete tip.dataset.claim;
  tip.replaceChildren(...content);
  tip.hidden = false;
  const box = $("network").getBoundingClientRect();
  const x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  tip.style.left = Math.max(4, Math.min(x, window.innerWidth - w - 8)) + "px";
  tip.style.top = (y + h > window.innerHeight - 4 ? y - h - 24 : y) + "px";
}
function claimTip(id, pointer) {
  const c = claimById.get(id);
  showTip([el("b", {}, sentence(c)),
    el("div", { class: "meta" }, [c.certainty, "claimed by " + c.claimed_by, c.date]
      .filter(Boolean).join(" · ")),
    el("div", { class: "q" }, "“" + clip(c.quote, 220) + "”")], pointer);
  tip.dataset.claim = id;
}
network.on("hoverEdge", p => claimTip(p.edge, p.pointer.DOM));
network.on("hoverNode", p => {
  hoverName(p.node);
  const a = actorById.get(p.node);
  showTip([el("b", {}, a.name),
    el("div", { class: "meta" }, TYPES[a.type].label + " · " + claimsOf.get(a.id).length +
      " claims"),
    a.description ? el("div", { class: "q" }, clip(a.description, 220)) : null]
    .filter(Boolean), p.pointer.DOM);
});
network.on("blurNode", () => hoverName(null));
for (const ev of ["blurEdge", "blurNode", "dragStart", "zoom"]) network.on(ev, hideTip);
if (BIG) {
  const box = $("network");
  let pending = null;
  const setHovered = (id, pointer) => {
    if (!hoverClaim(id)) return;  // the same claim, or still none
    if (tip.dataset.claim) hideTip();  // its tip, not an actor's shown since
    if (id !== null) claimTip(id, pointer);
  };
  box.addEventListener("mousemove", e => {
    if (pending === null) requestAnimationFrame(() => {
      const ev = pending;
      pending = null;
      const rect = box.getBoundingClientRect();
      const dom = { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
      if (ev.buttons || network.getNodeAt(dom) !== undefined) setHovered(null);
      else setHovered(claimAt(network.DOMtoCanvas(dom)), dom);
    });
    pending = e;
  });
  box.addEventListener("mouseleave", () => setHovered(null));
  network.on("dragStart", () => setHovered(null));
}
