/* Name folding for search: `actorgraph.text.name_key`, the one definition, done in the page.
 *
 * name_key(text) is: each character folded by text.FOLD, runs of spaces made one space,
 * stripped as str.strip() strips; then (unless ASCII) NFKD, dropping every character with a
 * non-zero combining class; then str.casefold(); then "-" read as " ", "." dropped, stripped
 * again. JavaScript has no casefold, no combining classes and a trim() of its own, so Python
 * hands its tables over in the page data ("folding", made by folding_tables in
 * actorgraph/page/render.py): the page folds as the Python that built it. Code points
 * Python's Unicode has not assigned are left alone, as Python leaves them, even where the
 * browser's Unicode is newer.
 *
 * Provides: nameKeyWith(tables) -> nameKey(text).
 * Uses: nothing (no DOM, no vis-network): tests/js/names.test.js loads it in Node.
 */
"use strict";

const codeEscape = n => `\\u{${n.toString(16)}}`;  // for a regular expression with "u"

// The inside of a regular expression's character class (for the "u" flag) holding the code
// points of a set sent as its runs, [gap, span, gap, span, ...]: a run starts `gap` after the
// end of the one before (the first after 0) and ends `span` after its start.
function classOfRuns(runs) {
  let inside = "", end = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const start = end + runs[i];
    end = start + runs[i + 1];
    inside += end > start ? `${codeEscape(start)}-${codeEscape(end)}` : codeEscape(start);
  }
  return inside;
}

function nameKeyWith(tables) {
  const FOLD = new Map(Object.entries(tables.fold));
  const CASEFOLD = new Map(Object.entries(tables.casefold));
  const folded = new RegExp(`[${[...FOLD.keys()].map(c => codeEscape(c.codePointAt(0))).join("")}]`,
    "gu");
  const spaces = classOfRuns(tables.spaces);
  const lead = new RegExp(`^[${spaces}]+`, "u"), tail = new RegExp(`[${spaces}]+$`, "u");
  const strip = s => s.replace(lead, "").replace(tail, "");
  const combining = new RegExp(`[${classOfRuns(tables.combining)}]`, "gu");
  // A run of code points Python's Unicode knows (an empty class: every code point).
  const unassigned = classOfRuns(tables.unassigned);
  const known = new RegExp(unassigned ? `[^${unassigned}]+` : "[^]+", "gu");
  const ASCII = /^[\x00-\x7f]*$/;
  // Python's casefold, one character at a time: casefold() is context-free, toLowerCase()
  // of a whole string is not (a final sigma).
  const bare = run => {
    let out = "";
    for (const c of run.normalize("NFKD").replace(combining, "")) {
      out += CASEFOLD.get(c) ?? c.toLowerCase();
    }
    return out;
  };
  return function nameKey(text) {
    const s = strip(text.replace(folded, c => FOLD.get(c)).replace(/ {2,}/g, " "));
    const key = ASCII.test(s) ? s.toLowerCase() : s.replace(known, bare);
    return strip(key.replace(/-/g, " ").replace(/\./g, ""));
  };
}

if (typeof module !== "undefined") module.exports = { nameKeyWith };
