/* The view in the URL's hash (js/35-state.js). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pageScript } = require("./cases.js");
const { encodeState, decodeState } = pageScript("35-state.js");

const DEFAULTS = { hidden: { types: [], relations: [], certainties: [], docs: [] }, from: "",
  to: "", undated: true, isolated: false, only: [], every: false };

test("the default view is an empty hash, and an empty hash the default view", () => {
  assert.equal(encodeState({ filters: DEFAULTS }), "");
  assert.deepEqual(decodeState(""), { filters: DEFAULTS });
  assert.deepEqual(decodeState("#"), { filters: DEFAULTS });
});

test("a view comes back from its hash as it was, odd ids included", () => {
  const views = [
    { actor: "front", filters: DEFAULTS },
    { claim: "c 1&2=3#é", filters: { ...DEFAULTS, hidden: { ...DEFAULTS.hidden,
      docs: ["wire-arms", "a,b"], certainties: ["implied"] } } },
    { tie: 0, path: { from: "a/b", to: "ü?", directed: true, chosen: 2 },
      filters: { ...DEFAULTS, from: "2022-05", to: "2023", undated: false, isolated: true,
        only: ["disputed", "single"], every: true } },
  ];
  for (const view of views) {
    const hash = encodeState(view);
    assert.ok(!hash.includes("#") && !hash.includes(" "), hash);
    assert.deepEqual(decodeState("#" + hash), view);
  }
});

test("nonsense in a hash is ignored, not trusted", () => {
  const state = decodeState("#tie=abc&chosen=x&from=a&hide-types=state&zzz=1");
  assert.equal(state.tie, undefined);
  assert.equal(state.path, undefined);  // a path needs both ends
  assert.deepEqual(state.filters.hidden.types, ["state"]);
});
