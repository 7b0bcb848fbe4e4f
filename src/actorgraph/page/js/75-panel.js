/* The side panel: a claim (its quote marked in its paragraph, its source, its facts, its
 * tie), a tie (its sources and its claims), an actor (its ties and claims by relation, what
 * it alleges as a claimant), and what a click on the network opens. A claim or tie opened
 * from a list (an actor's, a path's, a tie's) has a Back button to that list, which comes
 * back scrolled where it was. The panel's heading takes the focus when it opens, so that the
 * keyboard goes on from there through its ties and claims.
 *
 * Provides: openPanel(children, list), closePanel(), showClaim(id), showTie(tie),
 *   showActor(id, view), focusClaim(id), claimButton(claim, withSentence), rows(list, make),
 *   certaintyBadge(name), whenPanelChanges(listener) (called with what the panel shows:
 *   { actor } | { claim } | { tie } | { path } | {} when closed), panelShows.
 * Uses: 40-data.js, 45-lines.js, 50-look.js, 60-network.js; markClaims, lineAt
 *   (65-lines.js); highlight, clearHighlight, wantNames (70-highlight.js); hideTip
 *   (72-tooltip.js); supportWords (25-ties.js); focused (65-lines.js) and expandFocus
 *   (88-view.js) on a click.
 */
"use strict";

const panel = $("panel"), panelBody = $("panel-body");
// Where a Back button goes: { show() the list again, scroll: where it was scrolled, rows:
// the list's rows as they were, claims: the shown claims then }.
let back = null;
let listing = null;  // the list the panel shows now (a function showing it again), or null
let panelShows = {};
const panelChanged = [];
const whenPanelChanges = listener => panelChanged.push(listener);
function told(what) {
  panelShows = what;
  for (const listener of panelChanged) listener(what);
}
// Show `children` in the panel; `list`, if given, shows this panel again (it lists claims).
function openPanel(children, list = null) {
  hideTip();
  for (const k of ["actor", "claim", "tie", "path"]) delete panel.dataset[k];
  listing = list;
  panelBody.classList.remove("whole");
  panel.scrollTop = 0;  // before the new rows are in: no layout of them just for this
  panelBody.replaceChildren(...children.filter(c => c != null));
  const resized = panel.hidden;
  panel.hidden = false;
  if (resized) keepingView(() => network.setSize());
  const heading = panelBody.querySelector("h2");
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}
// (The canvas follows its box at once, not on the next resize event, so that a view move
// made right after opening or closing the panel lands where it should.)
function closePanel() {
  const wasOpen = !panel.hidden;
  panel.hidden = true;
  panelBody.replaceChildren();
  if (wasOpen) keepingView(() => network.setSize());
  back = listing = null;
  network.unselectAll();
  markClaims(null);
  clearHighlight();
  delete panel.dataset.actor; delete panel.dataset.claim; delete panel.dataset.tie;
  told({});
}
$("panel-close").addEventListener("click", closePanel);
// A Back button to the list the panel shows now (if it shows one), or to the one a Back
// button went to before (a claim's tie opened from the claim).
// Back shows the list again with the very rows it had (its rows shown so far, each laid out
// at its size), unless the filters changed since (then the list is made again), scrolled
// where it was.
function backButton() {
  if (listing) {
    back = { show: listing, scroll: panel.scrollTop, rows: [...panelBody.childNodes],
      claims: shown.claims };
  }
  const to = back;
  if (!to) return null;
  return el("button", { type: "button", class: "back", onclick: () => {
    back = null;
    listing = null;
    to.show();
    if (to.claims === shown.claims) {
      // Laid out whole: rows put back have forgotten their size (content-visibility).
      panelBody.classList.add("whole");
      panelBody.replaceChildren(...to.rows);
      const heading = panelBody.querySelector("h2");
      if (heading) heading.focus({ preventScroll: true });
    }
    panel.scrollTop = to.scroll;
  } }, "← Back");
}

const CERT_CLASS = name => "badge cert cert-" + RANK[name];
const certaintyBadge = name => el("span", { class: CERT_CLASS(name),
  title: CERTAINTIES[name].description }, name);
function flagBadges(t) {
  return [t.corroborated ? el("span", { class: "badge flag corroborated" }, "corroborated") : null,
    t.disputed ? el("span", { class: "badge flag disputed" }, "disputed") : null,
    t.single ? el("span", { class: "badge flag single" }, "single source") : null];
}

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
    relationSwatch(c.relation, CERTAINTIES[c.certainty].dashes),
    r.label, certaintyBadge(c.certainty),
    denies(c) ? el("span", { class: "badge flag disputed" }, "denies") : null);
}
const actorLink = id => el("button", { type: "button", class: "link", "data-actor": id,
  onclick: () => showActor(id) }, nameOf(id));
function tieLine(t) {
  // A claim's tie, in words, with a button to all its claims.
  return el("div", { class: "tie-of" }, el("span", { class: "meta" }, "Tie: "),
    el("button", { type: "button", class: "link tie-link", "data-tie": String(t.index),
      onclick: () => showTie(t) },
    `${tieSentence(t)} (${t.claims.length === 1 ? "1 claim" : `all ${t.claims.length} claims`})`),
    el("div", { class: "meta" }, supportWords(t), " ", ...flagBadges(t)));
}
function showClaim(id) {
  const c = claimById.get(id);
  openPanel([
    backButton(),
    el("h2", {}, sentence(c)),
    el("div", { class: "meta" }, relationTag(c)),
    contextOf(c),
    sourceLine(c),
    facts([["Claimed by", c.claimant && actorById.has(c.claimant) ? actorLink(c.claimant)
      : c.claimed_by],
    ["Certainty", c.certainty + " — " + CERTAINTIES[c.certainty].description],
    ["Stance", denies(c) ? "denies the relation" : null],
    ["Date", c.date || "not given"], ["Notes", c.notes], ["Claim", c.id]]),
    tieLine(c.tie),
    shown.claims.has(c.id) ? null : el("p", { class: "empty" }, "Hidden by the filters.")]);
  panel.dataset.claim = c.id;
  delete panel.dataset.actor; delete panel.dataset.tie;
  if (!shown.claims.has(c.id)) { /* nothing to select */ } else if (BIG) {
    network.unselectAll();
    markClaims([c.id]);
  } else if (network.body.edges[lineOf(c)]) {
    network.setSelection({ nodes: [], edges: [lineOf(c)] }, { highlightEdges: false });
  }
  wantNames([c.from, c.to]);
  told({ claim: c.id });
}
function claimButton(c, withSentence) {
  const hidden = !shown.claims.has(c.id);
  return el("button", { type: "button", class: "claim" + (hidden ? " hidden-claim" : ""),
    "data-claim": c.id, title: hidden ? "hidden by the filters" : "read this claim",
    onclick: () => focusClaim(c.id) },
    withSentence ? el("span", {}, (denies(c) ? "Denied: " : "") + sentence(c)) : null,
    el("span", { class: "meta" }, certaintyBadge(c.certainty), " " + [
      denies(c) ? "denies" : null, "claimed by " + c.claimed_by, c.date, docLabel(c.doc)]
      .filter(Boolean).join(" · ")),
    el("span", { class: "q" }, "“" + clip(c.quote, 160) + "”"));
}
// A long list shows its first rows, then a button for the next ones: the busiest actors
// of a large casebook have thousands of claims, and laying out thousands of rows delays
// the answer to a click.
const LIST_STEP = raw.list_step;
function rows(list, make, from = 0) {
  const some = list.slice(from, from + LIST_STEP).flatMap(x => make(x));
  const left = list.length - from - Math.min(LIST_STEP, list.length - from);
  if (left > 0) {
    const more = el("button", { type: "button", class: "more",
      onclick: () => {
        const next = rows(list, make, from + LIST_STEP);
        more.replaceWith(...next);
        if (next[0] && next[0].focus) next[0].focus();
      } },
    `Show ${fmt(Math.min(left, LIST_STEP))} more of ${fmt(left)}`);
    some.push(more);
  }
  return some;
}
// A tie in a list: its heading (to the tie) and its claims; a tie of one claim is its claim.
function tieBlock(t, claimsShown = t.claims) {
  if (t.claims.length === 1) return [claimButton(t.claims[0], true)];
  return [el("div", { class: "tie-block", "data-tie": String(t.index) },
    el("button", { type: "button", class: "tie", "data-tie": String(t.index),
      onclick: () => showTie(t) },
    el("span", {}, tieSentence(t)),
    el("span", { class: "meta" }, `${t.claims.length} claims · ${supportWords(t)} `,
      ...flagBadges(t))),
    ...claimsShown.map(c => claimButton(c, false)))];
}
function showTie(t) {
  const lines = isExpanded(t);
  const docs = new Map();
  for (const c of t.claims) docs.set(c.doc, (docs.get(c.doc) || 0) + 1);
  openPanel([
    backButton(),
    el("h2", { class: "glyphed" }, relationSwatch(t.relation), tieSentence(t)),
    el("div", { class: "meta" }, `${t.claims.length} claim${t.claims.length === 1 ? "" : "s"}` +
      ` · ${supportWords(t)} `, ...flagBadges(t)),
    el("p", { class: "meta" }, `Strongest: `, certaintyBadge(t.strongest),
      ` · ${t.claimants} claimant${t.claimants === 1 ? " affirms" : "s affirm"} it`),
    t.claims.length > 1 ? el("button", { type: "button", class: "toggle-tie",
      "aria-pressed": lines ? "true" : "false",
      onclick: () => { setExpanded(t, !isExpanded(t)); showTie(t); } },
    lines ? "Draw as one line" : "Draw each claim as its own line") : null,
    el("h3", {}, "Sources"),
    el("ul", { class: "sources" }, ...[...docs].map(([doc, n]) =>
      el("li", {}, docLabel(doc) + (n > 1 ? ` · ${n} claims` : "")))),
    el("h3", {}, "Claims"),
    ...rows(t.claims, c => claimButton(c, true))], () => showTie(t));
  panel.dataset.tie = String(t.index);
  delete panel.dataset.actor; delete panel.dataset.claim;
  const shownIds = t.claims.filter(c => shown.claims.has(c.id)).map(c => c.id);
  if (BIG) { network.unselectAll(); markClaims(shownIds); } else {
    const edges = linesOf(t).filter(id => network.body.edges[id]);
    network.setSelection({ nodes: [], edges }, { highlightEdges: false });
  }
  wantNames([t.from, t.to]);
  told({ tie: t.index });
}
const SORTS = { relation: "by relation", certainty: "strongest first", date: "newest first" };
const latest = list => list.reduce((d, c) => (c.date > d ? c.date : d), "");
function showActor(id, view = {}) {
  const a = actorById.get(id);
  const { sort = "relation", other = "" } = view;
  const own = claimsOf.get(id), mine = tiesOf.get(id);
  const counterpart = t => (t.from === id ? t.to : t.from);
  const chosen = mine.filter(t => !other || counterpart(t) === other);
  const tieOrder = sort === "date"
    ? (x, y) => latest(y.claims).localeCompare(latest(x.claims)) ||
      strongestFirst(x.claims[0], y.claims[0])
    : (x, y) => strongestFirst(x.claims[0], y.claims[0]);
  const claimsIn = t => (sort === "date"
    ? [...t.claims].sort((x, y) => (y.date || "").localeCompare(x.date || "") ||
      strongestFirst(x, y)) : t.claims);
  const groups = sort === "relation"
    ? V.relations.map(r => [r, chosen.filter(t => t.relation === r.name).sort(tieOrder)])
      .filter(([, list]) => list.length)
    : [[null, [...chosen].sort(tieOrder)]];
  const byCertainty = V.certainties.map(c => [c.name, own.filter(x => x.certainty === c.name)
    .length]).filter(([, n]) => n);
  const others = [...new Set(mine.map(counterpart))].filter(x => x !== id)
    .sort((x, y) => byCodePoint(nameOf(x), nameOf(y)));
  const again = changes => showActor(id, { sort, other, ...changes });
  const select = (label, value, options, onchange) => el("label", { class: "pick" }, label + " ",
    (() => {
      const s = el("select", { onchange: e => onchange(e.target.value) },
        ...options.map(([v, text]) => el("option", { value: v }, text)));
      s.value = value;
      return s;
    })());
  const alleged = (alleges.get(id) || []).slice().sort(strongestFirst);
  openPanel([
    el("h2", {}, a.name),
    el("div", { class: "meta kind" }, shapeSwatch(a.type), TYPES[a.type].label),
    a.aliases.length ? el("p", { class: "meta" }, "Also called: " + a.aliases.join(", ")) : null,
    a.description ? el("p", {}, a.description) : null,
    focused ? el("button", { type: "button", class: "grow-focus", onclick: () => expandFocus(id) },
      "Add its neighbours to the focus") : null,
    el("h3", {}, own.length === 1 ? "1 claim" : `${own.length} claims`),
    own.length ? el("p", { class: "summary" }, `In ${mine.length} tie${mine.length === 1 ? "" : "s"}: `,
      ...byCertainty.flatMap(([name, n], i) => [i ? " " : "", certaintyBadge(name), ` ${n}`])) : null,
    own.length > 1 ? el("div", { class: "view-controls" },
      select("Sort", sort, Object.entries(SORTS), v => again({ sort: v })),
      others.length > 1 ? select("With", other, [["", "everyone"],
        ...others.map(x => [x, nameOf(x)])], v => again({ other: v })) : null) : null,
    ...groups.flatMap(([r, list]) => [
      r ? el("h3", { class: "kind" }, relationSwatch(r.name),
        `${r.label} (${list.reduce((n, t) => n + t.claims.length, 0)})`) : null,
      ...rows(list, t => tieBlock(t, claimsIn(t)))]),
    alleged.length ? el("h3", { class: "alleges" }, `Alleges, as the claimant (${alleged.length})`)
      : null,
    ...(alleged.length ? rows(alleged, c => claimButton(c, true)) : [])],
  () => showActor(id, { sort, other }));
  panel.dataset.actor = id;
  delete panel.dataset.claim; delete panel.dataset.tie;
  told({ actor: id });
}
function focusClaim(id) {
  const c = claimById.get(id);
  showClaim(id);
  if (shown.claims.has(id)) {
    const pos = network.getPositions([c.from, c.to]);
    if (pos[c.from] && pos[c.to]) {
      network.moveTo({ position: { x: (pos[c.from].x + pos[c.to].x) / 2,
        y: (pos[c.from].y + pos[c.to].y) / 2 }, animation: glide(300) });
    }
  }
}
function openLine(id) {
  const t = lineTie(id);
  if (t) {
    setExpanded(t, true);
    showTie(t);
  } else showClaim(id);
}
network.on("click", p => {
  const line = BIG && !p.nodes.length ? lineAt(p.pointer.canvas) : null;
  if (p.nodes.length) {
    wantNames(p.nodes);
    // vis-network selects the actor's lines on a small page; a large page marks them.
    markClaims(claimsOf.get(p.nodes[0]).filter(c => shown.claims.has(c.id)).map(c => c.id));
    back = listing = null;
    showActor(p.nodes[0]);
  } else if (p.edges.length || line) {
    back = listing = null;  // a claim or tie of its own, from no list
    openLine(p.edges[0] || line);
  } else markClaims(null);  // vis-network unselected everything
});
