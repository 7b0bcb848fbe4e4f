/* The page folds names as actorgraph.text.name_key does (js/10-names.js). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { cases, needsCases, pageScript } = require("./cases.js");
const { nameKeyWith } = pageScript("10-names.js");

test("each name folds to the key Python gives it", needsCases, () => {
  const nameKey = nameKeyWith(cases.folding);
  const wrong = cases.names.filter(([name, key]) => nameKey(name) !== key)
    .map(([name, python]) => ({ name, python, page: nameKey(name) }));
  assert.deepEqual(wrong, [], `${wrong.length} of ${cases.names.length} names differ`);
});

test("the page's old drift is gone: apostrophes and dashes fold as in Python", needsCases, () => {
  const nameKey = nameKeyWith(cases.folding);
  assert.equal(nameKey("Iran's proxies"), "iran's proxies");
  assert.equal(nameKey("Iran\u2019s proxies"), "iran's proxies");
  assert.equal(nameKey("Al\u2014Quds"), "al quds");
  assert.equal(nameKey("\x1c U.S. \x1f"), "us");
});

// The page hands each run of characters Python knows to the browser's NFKD and toLowerCase
// (one character at a time): this engine must agree with Python on every such character.
test("this engine decomposes and lowercases every character Python knows as Python does",
  needsCases, () => {
    const unknown = new Uint8Array(0x110000);
    for (let i = 0, end = 0; i < cases.folding.unassigned.length; i += 2) {
      const start = end + cases.folding.unassigned[i];
      end = start + cases.folding.unassigned[i + 1];
      unknown.fill(1, start, end + 1);
    }
    const wrong = [];
    for (let code = 0; code < 0x110000; code++) {
      if (unknown[code] || (code >= 0xd800 && code <= 0xdfff)) continue;
      const c = String.fromCodePoint(code);
      const nfkd = cases.unicode.nfkd[code] ?? c, lower = cases.unicode.lower[code] ?? c;
      if (c.normalize("NFKD") !== nfkd) wrong.push(`NFKD U+${code.toString(16)}`);
      if (c.toLowerCase() !== lower) wrong.push(`lower U+${code.toString(16)}`);
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} characters differ`);
  });
