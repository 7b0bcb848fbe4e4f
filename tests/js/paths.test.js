/* The page finds the path `actorgraph path` finds (js/20-paths.js). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { isDeepStrictEqual } = require("node:util");
const { cases, needsCases, pageScript } = require("./cases.js");
const { bestPath, rankedPaths, byCodePoint } = pageScript("20-paths.js");

const CERTAINTIES = ["confirmed", "asserted", "alleged", "suspected", "implied"];
const options = (directed, certainties = CERTAINTIES) => ({ directed,
  rank: c => certainties.indexOf(c.certainty), oneWay: c => c.directed,
  support: c => c.support });
const claim = (id, from, to, certainty, directed = false, support = 1) => ({ id, from, to,
  certainty, directed, support });

// The claims the page passes: those of the documents shown (all, without a filter).
const shownOf = (claims, docs) => (docs ? claims.filter(c => docs.includes(c.doc)) : claims);

// Every pair of the cases: what the page answers (`page(found)`, from `find` on the claims
// shown) against what find_paths answered (`expected(python)`); the pairs that differ.
function differing(find, page, expected) {
  const wrong = [];
  let asked = 0;
  for (const graph of cases.paths) {
    const claims = graph.claims.map(([id, from, to, certainty, directed, support, doc]) =>
      ({ ...claim(id, from, to, certainty, directed, support), doc }));
    for (const [source, target, directed, docs, python] of graph.pairs) {
      asked += 1;
      const found = find(shownOf(claims, docs), source, target,
        options(directed, cases.certainties));
      const answers = { page: found && page(found), expected: python && expected(python) };
      if (!isDeepStrictEqual(answers.page, answers.expected)) {
        wrong.push({ source, target, directed, docs, ...answers });
      }
    }
  }
  return [wrong, asked];
}

test("each pair's path is the one find_paths ranks first", needsCases, () => {
  const [wrong, asked] = differing(bestPath,
    found => ({ actors: found.path, weakest: cases.certainties[found.weakest],
      corroboration: found.corroboration, shortest: found.shortest,
      hops: found.hops.map(h => h.claims.map(c => c.id)) }),
    ({ listed, ...python }) => python);
  assert.deepEqual(wrong.slice(0, 3), [], `${wrong.length} of ${asked} pairs differ`);
});

test("each pair's shortest paths are listed in find_paths's order", needsCases, () => {
  const [wrong, asked] = differing(rankedPaths,
    found => ({ listed: found.paths.map(p => p.path), shortest: found.shortest,
      first: found.paths[0].hops.map(h => h.claims.map(c => c.id)) }),
    python => ({ listed: python.listed, shortest: python.shortest, first: python.hops }));
  assert.deepEqual(wrong.slice(0, 3), [], `${wrong.length} of ${asked} pairs differ`);
});

test("ids compare by code point, as Python compares strings", () => {
  assert.ok(byCodePoint("\uffff", "\u{10000}") < 0);  // UTF-16 puts U+10000 first
  assert.ok("\u{10000}" < "\uffff");
  assert.ok(byCodePoint("a", "ab") < 0 && byCodePoint("ab", "a") > 0);
  assert.ok(byCodePoint("z", "é") < 0 && byCodePoint("\u{1f600}b", "\u{1f600}a") > 0);
  assert.equal(byCodePoint("same", "same"), 0);
});

test("fewest hops first, then the strongest weakest hop, then the ids", () => {
  // s-a-t: every hop asserted; s-b-t: one hop alleged; s-c-d-t: all confirmed, one hop more.
  const claims = [claim("1", "s", "a", "asserted"), claim("2", "a", "t", "asserted"),
    claim("3", "s", "b", "confirmed"), claim("4", "b", "t", "alleged"),
    claim("5", "s", "c", "confirmed"), claim("6", "c", "d", "confirmed"),
    claim("7", "d", "t", "confirmed")];
  const found = bestPath(claims, "s", "t", options(false));
  assert.deepEqual(found.path, ["s", "a", "t"]);
  assert.equal(CERTAINTIES[found.weakest], "asserted");
  assert.equal(found.shortest, 2);
  // A hop is as strong as its strongest claim: an alleged and a confirmed claim b-t.
  const stronger = [...claims, claim("8", "t", "b", "confirmed")];
  assert.deepEqual(bestPath(stronger, "s", "t", options(false)).path, ["s", "b", "t"]);
  assert.deepEqual(bestPath(stronger, "s", "t", options(false)).hops[1].claims.map(c => c.id),
    ["8", "4"]);
  // Equally strong: the ids decide.
  const even = [claim("1", "s", "y", "alleged"), claim("2", "y", "t", "alleged"),
    claim("3", "s", "x", "alleged"), claim("4", "x", "t", "alleged")];
  assert.deepEqual(bestPath(even, "s", "t", options(false)).path, ["s", "x", "t"]);
  // Equally strong, one route corroborated by two publishers: it wins over the ids.
  const backed = [claim("1", "s", "y", "alleged", false, 2), claim("2", "y", "t", "alleged",
    false, 2), claim("3", "s", "x", "alleged"), claim("4", "x", "t", "alleged")];
  const winner = bestPath(backed, "s", "t", options(false));
  assert.deepEqual([winner.path, winner.corroboration], [["s", "y", "t"], 2]);
});

test("corroboration never outranks strength: a weaker route stays behind", () => {
  const claims = [claim("1", "s", "y", "suspected", false, 3), claim("2", "y", "t", "confirmed",
    false, 3), claim("3", "s", "x", "asserted"), claim("4", "x", "t", "asserted")];
  assert.deepEqual(bestPath(claims, "s", "t", options(false)).path, ["s", "x", "t"]);
});

test("following arrows, a directed claim leads from its source to its target only", () => {
  const claims = [claim("1", "a", "b", "confirmed", true), claim("2", "c", "b", "confirmed"),
    claim("3", "a", "a", "confirmed")];
  assert.deepEqual(bestPath(claims, "b", "a", options(false)).path, ["b", "a"]);
  assert.equal(bestPath(claims, "b", "a", options(true)), null);
  assert.deepEqual(bestPath(claims, "a", "c", options(true)).path, ["a", "b", "c"]);
  assert.equal(bestPath(claims, "a", "a", options(false)), null);  // a claim to itself: no hop
  assert.equal(bestPath(claims, "a", "nobody", options(false)), null);
});
