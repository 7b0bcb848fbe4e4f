/* Ties as the page words and draws them (js/25-ties.js). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { cases, needsCases, pageScript } = require("./cases.js");
const { supportWords, tieWidth, shownLook } = pageScript("25-ties.js");

test("a tie's support is said in the words of Tie.support()", needsCases, () => {
  const wrong = cases.support.filter(([affirming, denying, documents, publishers, python]) =>
    supportWords({ affirming, denying, documents, publishers }) !== python);
  assert.deepEqual(wrong, []);
});

test("a line is wider with more claims, up to a limit", () => {
  assert.equal(tieWidth(1), 1.7);
  assert.ok(tieWidth(2) > tieWidth(1) && tieWidth(8) > tieWidth(2));
  assert.equal(tieWidth(1000), 8);
  assert.equal(tieWidth(0), 1.7);
});

test("a tie's shown claims: count, denials, strongest affirming (any if none affirms)", () => {
  const rank = c => c.rank, denies = c => c.denies;
  assert.equal(shownLook([], rank, denies), null);
  assert.deepEqual(shownLook([{ rank: 2 }, { rank: 0, denies: true }, { rank: 3 }], rank, denies),
    { count: 3, affirming: 2, denying: 1, strongest: 2 });
  assert.deepEqual(shownLook([{ rank: 4, denies: true }, { rank: 1, denies: true }], rank, denies),
    { count: 2, affirming: 0, denying: 2, strongest: 1 });
});
