/* Finding an actor by name or alias: names are compared folded as `actorgraph.text.name_key`
 * folds them (10-names.js), a query matching anywhere in a name; suggestions under each
 * search box, and focusing the actor chosen in the header's box.
 *
 * Provides: nameKey(text), matches(query, limit), resolve(text) (the id of the actor a typed
 *   text means, or null), suggest(input, onChoose), focusActor(id).
 * Uses: 40-data.js, 50-look.js, 60-network.js; nameKeyWith (10-names.js);
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
function resolve(text) {
  const q = nameKey(text);
  const exact = searched().find(([key]) => key === q);
  if (exact) return exact[1].id;
  const [first] = matches(text, 1);
  return first ? first.a.id : null;
}
function suggest(input, onChoose) {
  const list = el("ul", { role: "listbox", hidden: "" });
  input.after(list);
  let hits = [], active = -1;
  const close = () => { list.hidden = true; active = -1; };
  const choose = h => {
    input.value = h.a.name;
    input.dataset.actor = h.a.id;
    close();
    onChoose(h.a.id);
  };
  function render() {
    list.replaceChildren(...hits.map((h, i) => el("li", {
      role: "option", class: i === active ? "active" : "",
      onmousedown: e => { e.preventDefault(); choose(h); } },
    h.a.name, h.alias ? el("small", {}, ` (${h.alias})`) : null,
    el("small", {}, " · " + TYPES[h.a.type].label))));
    list.hidden = !hits.length;
  }
  input.addEventListener("input", () => {
    delete input.dataset.actor;
    hits = matches(input.value);
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
      else { const id = resolve(input.value); if (id) choose({ a: actorById.get(id) }); }
    } else if (e.key === "Escape" && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}
function focusActor(id) {
  if (!actorById.has(id)) return false;
  const near = new Set([id]), lines = new Set();
  for (const c of claimsOf.get(id)) {
    if (!shown.claims.has(c.id)) continue;
    near.add(c.from); near.add(c.to); lines.add(c.id);
  }
  highlight(near, lines);
  showActor(id);
  if (shown.actors.has(id)) {
    if (!BIG) network.selectNodes([id], false);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: glide(400) });
  }
  return true;
}
suggest($("search"), focusActor);
