/* The tooltip: a claim's sentence, source and quote; a tie's sentence, sources and first
 * claims; or an actor's name and type, while hovered. vis-network finds what is hovered on
 * a small page; a large page finds its own lines (lineAt), once a frame, unless an actor is
 * there or a button is down (a drag).
 *
 * Provides: lineTip(id, pointer), hideTip(), claimFacts(claim) (certainty, stance,
 *   claimant, date, document and publisher in one line of words).
 * Uses: 40-data.js, 45-lines.js, 50-look.js, 60-network.js; lineAt, hoverLine
 *   (65-lines.js); hoverName (70-highlight.js); supportWords (25-ties.js).
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
function claimFacts(c) {
  return [c.certainty, denies(c) ? "denies" : null, "claimed by " + c.claimed_by, c.date,
    docLabel(c.doc)].filter(Boolean).join(" · ");
}
function lineTip(id, pointer) {
  const t = lineTie(id);
  if (t) {
    const now = look.get(t.index) || { count: 0 };
    const n = t.claims.length;
    showTip([el("b", { class: "glyphed" }, relationSwatch(t.relation), tieSentence(t)),
      el("div", { class: "meta" }, `${n} claims` + (now.count < n ? ` (${now.count} shown)` : "") +
        " · " + supportWords(t) + (t.corroborated ? " · corroborated" : "")),
      ...t.claims.slice(0, 3).map(c => el("div", { class: "q" },
        `${c.certainty}${denies(c) ? ", denies" : ""} · ${docLabel(c.doc)}: “${clip(c.quote, 90)}”`)),
      el("div", { class: "meta" }, "Click to draw each claim")], pointer);
    tip.dataset.claim = id;
    return;
  }
  const c = claimById.get(id);
  showTip([el("b", { class: "glyphed" }, relationSwatch(c.relation),
    (denies(c) ? "Denied: " : "") + sentence(c)),
    el("div", { class: "meta" }, claimFacts(c)),
    el("div", { class: "q" }, "“" + clip(c.quote, 220) + "”")], pointer);
  tip.dataset.claim = id;
}
network.on("hoverEdge", p => lineTip(p.edge, p.pointer.DOM));
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
    if (!hoverLine(id)) return;  // the same line, or still none
    if (tip.dataset.claim) hideTip();  // its tip, not an actor's shown since
    if (id !== null) lineTip(id, pointer);
  };
  box.addEventListener("mousemove", e => {
    if (pending === null) requestAnimationFrame(() => {
      const ev = pending;
      pending = null;
      const rect = box.getBoundingClientRect();
      const dom = { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
      if (ev.buttons || network.getNodeAt(dom) !== undefined) setHovered(null);
      else setHovered(lineAt(network.DOMtoCanvas(dom)), dom);
    });
    pending = e;
  });
  box.addEventListener("mouseleave", () => setHovered(null));
  network.on("dragStart", () => setHovered(null));
}
