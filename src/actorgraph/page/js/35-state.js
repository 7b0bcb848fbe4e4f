/* The view as the URL's hash holds it: what is selected (an actor, a claim or a tie), the
 * path kept, and the filters, so that a reload or a shared link shows the same view.
 *
 * Provides:
 *   encodeState(state): the hash's text (without "#") for { actor, claim, tie, path: { from,
 *     to, directed, chosen }, filters: { hidden: { kind: [values] }, from, to, undated,
 *     isolated, only: [kinds], every } }; what is absent or at its default is left out.
 *   decodeState(text): that state back from the hash's text (with or without "#").
 * Uses: nothing (no DOM): tests/js/state.test.js loads it in Node.
 */
"use strict";

const HIDDEN_KINDS = ["types", "relations", "certainties", "docs"];

function encodeState(state) {
  const q = new URLSearchParams();
  if (state.actor) q.set("actor", state.actor);
  if (state.claim) q.set("claim", state.claim);
  if (state.tie !== undefined && state.tie !== null) q.set("tie", String(state.tie));
  const p = state.path;
  if (p) {
    q.set("from", p.from);
    q.set("to", p.to);
    if (p.directed) q.set("directed", "1");
    if (p.chosen) q.set("chosen", String(p.chosen));
  }
  const f = state.filters || {};
  for (const kind of HIDDEN_KINDS) {
    for (const value of (f.hidden || {})[kind] || []) q.append("hide-" + kind, value);
  }
  if (f.from) q.set("after", f.from);
  if (f.to) q.set("before", f.to);
  if (f.undated === false) q.set("undated", "0");
  if (f.isolated) q.set("hide-isolated", "1");
  for (const kind of f.only || []) q.append("only", kind);
  if (f.every) q.set("every", "1");
  return q.toString();
}

function decodeState(text) {
  const q = new URLSearchParams(text.replace(/^#/, ""));
  const state = {};
  if (q.get("actor")) state.actor = q.get("actor");
  if (q.get("claim")) state.claim = q.get("claim");
  if (q.has("tie") && /^\d+$/.test(q.get("tie"))) state.tie = Number(q.get("tie"));
  if (q.get("from") && q.get("to")) {
    state.path = { from: q.get("from"), to: q.get("to"), directed: q.get("directed") === "1",
      chosen: /^\d+$/.test(q.get("chosen") || "") ? Number(q.get("chosen")) : 0 };
  }
  const hidden = {};
  for (const kind of HIDDEN_KINDS) hidden[kind] = q.getAll("hide-" + kind);
  state.filters = { hidden, from: q.get("after") || "", to: q.get("before") || "",
    undated: q.get("undated") !== "0", isolated: q.get("hide-isolated") === "1",
    only: q.getAll("only"), every: q.get("every") === "1" };
  return state;
}

if (typeof module !== "undefined") module.exports = { encodeState, decodeState };
