/* Ties as the page draws and words them. A tie (actorgraph.graph.ties: one relation between
 * two actors, whoever claims it) is one line by default; its counts and flags come from
 * Python (the page data's "ties"), the words here say them as `Tie.support()` does
 * (tests/js/ties.test.js checks them on cases made from the Python).
 *
 * Provides:
 *   supportWords(tie): "1 document", "2 documents (1 publisher)", "disputed: 1 document; 1
 *     claim denies it", ... from { affirming, denying, documents, publishers }.
 *   tieWidth(n): the width of a line standing for n claims: 1.7 for one, wider with more
 *     (by the logarithm: 2 claims 3.3, 8 claims 6.5), at most 8.
 *   shownLook(claims, rank, denies, shown): of a tie's claims that are shown (all, or
 *     those shown(claim) lets through), { count, affirming, denying, strongest: the rank of
 *     the strongest affirming claim (of any, if none affirms; 0 strongest) }, or null if
 *     none is shown. rank(claim) is its certainty's rank; denies(claim) whether it denies
 *     the tie.
 * Uses: nothing (no DOM, no vis-network): tests/js/ties.test.js loads it in Node.
 */
"use strict";

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function supportWords({ affirming, denying, documents, publishers }) {
  const said = !documents ? "no document affirms it" : plural(documents, "document") +
    (documents > 1 ? ` (${plural(publishers, "publisher")})` : "");
  if (!denying) return said;
  const denials = `${plural(denying, "claim")} ${denying === 1 ? "denies" : "deny"} it`;
  return affirming ? `disputed: ${said}; ${denials}` : `${said}; ${denials}`;
}

const tieWidth = n => Math.min(8, 1.7 + 1.6 * Math.log2(Math.max(1, n)));

function shownLook(claims, rank, denies, shown = null) {
  let count = 0, affirming = 0, best = Infinity, bestAny = Infinity;
  for (const c of claims) {
    if (shown && !shown(c)) continue;
    count += 1;
    const r = rank(c);
    bestAny = Math.min(bestAny, r);
    if (!denies(c)) { affirming += 1; best = Math.min(best, r); }
  }
  if (!count) return null;
  return { count, affirming, denying: count - affirming, strongest: affirming ? best : bestAny };
}

if (typeof module !== "undefined") module.exports = { supportWords, tieWidth, shownLook };
