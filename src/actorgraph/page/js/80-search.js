/* Finding an actor by name or alias: names are compared folded as `actorgraph.text.name_key`
 * folds them (10-names.js), a query matching anywhere in a name; suggestions under each
 * search box as it is typed (when nothing matches, the closest names: "did you mean"), a
 * note under the box saying so, and focusing the actor chosen in the header's box.
 *
 * Provides: nameKey(text), matches(query, limit), closest(query, limit) (the actors whose
 *   folded name or alias is fewest edits away), resolve(text) (the id of the actor a typed
 *   text means, or null), suggest(input, onChoose), focusActor(id), noteUnder(input, text).
 * Uses: 40-data.js, 50-look.js, 60-network.js; nameKeyWith (10-names.js); focused
 *   (65-lines.js); focusOn (88-view.js, once the page has started);
 *   highlight (70-highlight.js); showActor (75-panel.js).
 */
"use strict";

const nameKey = nameKeyWith(raw.folding);
// [name key, actor, alias or null] for each name and alias; built on the first search, not
// before the first frame.
let searchIndex = null;
const searched = () => searchIndex || (searchIndex = actors.flatMap(a => [
  [nameKey(a.name), a, null], ...a.aliases.map(al => [nameKey(al), a, al])]));
function matches(query, limit = 12) {
  const q = nameKey(query);
  if (!q) return [];
  const seen = new Set(), hits = [];
  for (const [key, a, alias] of searched()) {
    const at = key.indexOf(q);
    if (at < 0 || !shown.actors.has(a.id)) continue;
    hits.push({ a, alias, score: (at === 0 ? 0 : 2) + (alias ? 1 : 0), len: key.length });
  }
  hits.sort((x, y) => x.score - y.score || x.len - y.len || byId(x.a, y.a));
  return hits.filter(h => !seen.has(h.a.id) && seen.add(h.a.id)).slice(0, limit);
}
// Edits (insert, delete, substitute, swap two neighbours) between two strings, or Infinity
// past `most`.
function edits(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return Infinity;
  let prev2 = null, prev = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row.push(d);
      low = Math.min(low, d);
    }
    if (low > most) return Infinity;
    prev2 = prev; prev = row;
  }
  return prev[b.length] <= most ? prev[b.length] : Infinity;
}
function closest(query, limit = 3) {
  const q = nameKey(query);
  if (!q) return [];
  const most = Math.max(1, Math.min(3, Math.floor(q.length / 3)));
  const best = new Map();  // actor id -> hit
  for (const [key, a, alias] of searched()) {
    if (!shown.actors.has(a.id)) continue;
    // The whole name, or as many of its words as the query has.
    const words = key.split(" "), n = q.split(" ").length;
    let d = edits(q, key, most);
    for (let i = 0; i + n <= words.length && d > 0; i++) {
      d = Math.min(d, edits(q, words.slice(i, i + n).join(" "), most));
    }
    if (d === Infinity) continue;
    const was = best.get(a.id);
    if (!was || d < was.score) best.set(a.id, { a, alias, score: d, len: key.length });
  }
  return [...best.values()].sort((x, y) => x.score - y.score || x.len - y.len || byId(x.a, y.a))
    .slice(0, limit);
}
// A note under a field (what it found, what is wrong); "" removes it.
function noteUnder(input, text) {
  const box = input.closest(".suggest") || input.parentElement;
  let note = box.querySelector(".field-note");
  if (!note) {
    note = el("p", { class: "field-note", role: "status", id: input.id + "-note" });
    box.append(note);
    input.setAttribute("aria-describedby", note.id);
  }
  note.textContent = text;
  note.hidden = !text;
}
function resolve(text) {
  const q = nameKey(text);
  const exact = searched().find(([key]) => key === q);
  if (exact) return exact[1].id;
  const [first] = matches(text, 1);
  return first ? first.a.id : null;
}
function suggest(input, onChoose) {
  const list = el("ul", { role: "listbox", hidden: "", id: input.id + "-options",
    "aria-label": "Actors" });
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-autocomplete", "list");
  let hits = [], active = -1;
  const close = () => {
    list.hidden = true; active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const choose = h => {
    input.value = h.a.name;
    input.dataset.actor = h.a.id;
    input.setAttribute("aria-invalid", "false");
    noteUnder(input, "");
    close();
    onChoose(h.a.id);
  };
  function render() {
    list.replaceChildren(...hits.map((h, i) => el("li", {
      role: "option", class: i === active ? "active" : "", id: `${list.id}-${i}`,
      "aria-selected": i === active ? "true" : "false",
      onmousedown: e => { e.preventDefault(); choose(h); } },
    h.a.name, h.alias ? el("small", {}, ` (${h.alias})`) : null,
    el("small", {}, " · " + TYPES[h.a.type].label))));
    list.hidden = !hits.length;
    input.setAttribute("aria-expanded", hits.length ? "true" : "false");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  }
  input.addEventListener("input", () => {
    delete input.dataset.actor;
    hits = matches(input.value);
    let note = "";
    if (!hits.length && nameKey(input.value)) {
      hits = closest(input.value);
      note = `No actor matches “${input.value.trim()}”` +
        (hits.length ? `. Did you mean ${hits.map(h => h.a.name).join(", ")}?` : ".");
    }
    input.setAttribute("aria-invalid", note ? "true" : "false");
    noteUnder(input, note);
    active = hits.length ? 0 : -1;
    render();
  });
  input.addEventListener("keydown", e => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!list.hidden && hits[active]) choose(hits[active]);
      else {
        const id = resolve(input.value);
        if (id) choose({ a: actorById.get(id) });
        else if (nameKey(input.value)) {
          noteUnder(input, `No actor matches “${input.value.trim()}”.`);
          input.setAttribute("aria-invalid", "true");
        }
      }
    } else if (e.key === "Escape" && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}
function focusActor(id) {
  if (!actorById.has(id)) return false;
  back = listing = null;
  const near = new Set([id]), lines = new Set();
  for (const c of claimsOf.get(id)) {
    if (!shown.claims.has(c.id)) continue;
    near.add(c.from); near.add(c.to); lines.add(c.id);
  }
  highlight(near, lines);
  if (focused) focusOn([...near]);  // a large page's focus moves to the actor found
  showActor(id);
  if (shown.actors.has(id)) {
    if (!BIG) network.selectNodes([id], false);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: glide(400) });
  }
  return true;
}
suggest($("search"), focusActor);
