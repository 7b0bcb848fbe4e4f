/* The side panel: a claim (its quote marked in its paragraph, its source, its facts), an
 * actor (its claims by relation), and what a click on the network opens. A claim opened
 * from a list (an actor's claims, a path's hops) has a Back button to that list.
 *
 * Provides: openPanel(children, list), closePanel(), showClaim(id), showActor(id),
 *   focusClaim(id), claimButton(claim, withSentence), rows(list, make).
 * Uses: 40-data.js, 50-look.js, 60-network.js; markClaims, claimAt (65-lines.js);
 *   highlight, clearHighlight, wantNames (70-highlight.js); hideTip (72-tooltip.js).
 */
"use strict";

const panel = $("panel"), panelBody = $("panel-body");
let back = null;  // shows the last list of claims again: where a claim's Back button goes
// Show `children` in the panel; `list`, if given, shows this panel again (it lists claims).
function openPanel(children, list = null) {
  hideTip();
  panel.scrollTop = 0;  // before the new rows are in: no layout of them just for this
  panelBody.replaceChildren(...children.filter(c => c != null));
  if (list) back = list;
  const resized = panel.hidden;
  panel.hidden = false;
  if (resized) network.setSize();
}
// (The canvas follows its box at once, not on the next resize event, so that a view move
// made right after opening or closing the panel lands where it should.)
function closePanel() {
  panel.hidden = true;
  panelBody.replaceChildren();
  network.setSize();
  back = null;
  network.unselectAll();
  markClaims(null);
  clearHighlight();
}
$("panel-close").addEventListener("click", closePanel);
document.addEventListener("keydown", e => {
  if (e.key === "Escape" && !e.defaultPrevented) closePanel();
});

function contextOf(c) {
  // The paragraph(s) holding the quote, its fragments marked, trimmed if very long.
  const text = documents[c.doc].text, pieces = [...c.pieces].sort((a, b) => a[0] - b[0]);
  const first = pieces[0][0], last = pieces[pieces.length - 1][1];
  let from = text.lastIndexOf("\n", first - 1) + 1, to = text.indexOf("\n", last);
  if (to < 0) to = text.length;
  const lead = first - from > 700, tail = to - last > 700;
  if (lead) from = Math.max(from, text.lastIndexOf(". ", first - 500) + 2);
  if (tail) to = Math.min(to, text.indexOf(". ", last + 500) + 1 || to);
  const box = el("blockquote", { class: "context" }, lead ? "…" : null);
  let at = from;
  for (const [s, e] of pieces) {
    box.append(text.slice(at, s), el("mark", {}, text.slice(s, e)));
    at = e;
  }
  box.append(text.slice(at, to), tail ? "…" : "");
  return box;
}
function sourceLine(c) {
  const d = documents[c.doc];
  const line = el("div", { class: "source" }, el("b", {}, d.title || c.doc),
    `, paragraph ${c.paragraph}`,
    [d.publisher, d.published].filter(Boolean).map(s => " · " + s).join(""));
  if (/^https?:\/\//i.test(d.url)) {
    line.append(" · ", el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" },
      d.url));
  } else if (d.url) {
    line.append(" · " + d.url);
  }
  return line;
}
function facts(pairs) {
  const dl = el("dl", { class: "facts" });
  for (const [k, v] of pairs) if (v) dl.append(el("dt", {}, k), el("dd", {}, v));
  return dl;
}
function relationTag(c) {
  const r = RELATIONS[c.relation];
  return el("span", { class: "kind" },
    lineSwatch(relationColor(c), CERTAINTIES[c.certainty].dashes, r.directed),
    r.label + " · " + c.certainty);
}
function showClaim(id) {
  const c = claimById.get(id);
  const returnTo = back;
  openPanel([
    returnTo ? el("button", { type: "button", class: "back", onclick: () => returnTo() },
      "← Back") : null,
    el("h2", {}, sentence(c)),
    el("div", { class: "meta" }, relationTag(c)),
    contextOf(c),
    sourceLine(c),
    facts([["Claimed by", c.claimed_by],
      ["Certainty", c.certainty + " — " + CERTAINTIES[c.certainty].description],
      ["Date", c.date || "not given"], ["Notes", c.notes], ["Claim", c.id]]),
    shown.claims.has(c.id) ? null : el("p", { class: "empty" }, "Hidden by the filters.")]);
  panel.dataset.claim = c.id;
  delete panel.dataset.actor;
  if (!shown.claims.has(c.id)) { /* nothing to select */ } else if (BIG) {
    network.unselectAll();
    markClaims([c.id]);
  } else network.setSelection({ nodes: [], edges: [c.id] }, { highlightEdges: false });
  wantNames([c.from, c.to]);
}
function claimButton(c, withSentence) {
  const hidden = !shown.claims.has(c.id);
  return el("button", { type: "button", class: "claim" + (hidden ? " hidden-claim" : ""),
    "data-claim": c.id, title: hidden ? "hidden by the filters" : "read this claim",
    onclick: () => focusClaim(c.id) },
    withSentence ? el("span", {}, sentence(c)) : null,
    el("span", { class: "meta" }, " " + [c.certainty, "claimed by " + c.claimed_by, c.date]
      .filter(Boolean).join(" · ")),
    el("span", { class: "q" }, "“" + clip(c.quote, 160) + "”"));
}
// A long list shows its first rows, then a button for the next ones: the busiest actors
// of a large casebook have thousands of claims, and laying out thousands of rows delays
// the answer to a click.
const LIST_STEP = raw.list_step;
function rows(list, make, from = 0) {
  const some = list.slice(from, from + LIST_STEP).map(make);
  const left = list.length - from - some.length;
  if (left > 0) {
    const more = el("button", { type: "button", class: "more",
      onclick: () => more.replaceWith(...rows(list, make, from + LIST_STEP)) },
    `Show ${fmt(Math.min(left, LIST_STEP))} more of ${fmt(left)}`);
    some.push(more);
  }
  return some;
}
function showActor(id) {
  const a = actorById.get(id);
  const own = claimsOf.get(id);
  const groups = V.relations.map(r => [r, own.filter(c => c.relation === r.name)
    .sort(strongestFirst)]).filter(([, list]) => list.length);
  openPanel([
    el("h2", {}, a.name),
    el("div", { class: "meta kind" }, shapeSwatch(a.type), TYPES[a.type].label),
    a.aliases.length ? el("p", { class: "meta" }, "Also called: " + a.aliases.join(", ")) : null,
    a.description ? el("p", {}, a.description) : null,
    el("h3", {}, own.length === 1 ? "1 claim" : `${own.length} claims`),
    ...groups.flatMap(([r, list]) => [
      el("h3", { class: "kind" }, lineSwatch(FAMILIES[r.family].color, false, r.directed),
        `${r.label} (${list.length})`),
      ...rows(list, c => claimButton(c, true))])], () => showActor(id));
  panel.dataset.actor = id;
  delete panel.dataset.claim;
}
function focusClaim(id) {
  const c = claimById.get(id);
  showClaim(id);
  if (shown.claims.has(id)) {
    const pos = network.getPositions([c.from, c.to]);
    network.moveTo({ position: { x: (pos[c.from].x + pos[c.to].x) / 2,
      y: (pos[c.from].y + pos[c.to].y) / 2 }, animation: glide(300) });
  }
}
network.on("click", p => {
  const line = BIG && !p.nodes.length ? claimAt(p.pointer.canvas) : null;
  if (p.nodes.length) {
    wantNames(p.nodes);
    // vis-network selects the actor's lines on a small page; a large page marks them.
    markClaims(claimsOf.get(p.nodes[0]).filter(c => shown.claims.has(c.id)).map(c => c.id));
    showActor(p.nodes[0]);
  } else if (p.edges.length || line) {
    back = null;  // a claim of its own, from no list
    showClaim(p.edges[0] || line);
  } else markClaims(null);  // vis-network unselected everything
});
