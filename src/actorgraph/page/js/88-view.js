/* The view: fitting what is shown into the part of the canvas the panel leaves free (with
 * room for names), the first view, re-laying out a small page (animated, undoable), and a
 * large page's focus (it opens on its busiest actor and the actors next to it, the rest
 * faded; a double-click on an actor adds its neighbours; "Show all" is the overview).
 *
 * Provides: fitTo(ids, animate), fitShown(), visibleArea(), startView(), relayout(),
 *   undoLayout(), focusOn(ids) (null: the overview), focusState() (the focused actors, or
 *   null), expandFocus(id), whenViewStarts(listener) (called once the first view is set,
 *   with nothing: the page's start hands it the URL's state), tidyLabels().
 * Uses: 40-data.js, 50-look.js (LABEL_INSIDE), 60-network.js; distanceToSegment
 *   (30-geometry.js); setFocus, focused (65-lines.js); focusNames (70-highlight.js); panel
 *   (75-panel.js).
 */
"use strict";

// The part of the network's box not under an overlaid panel or drawer, in page pixels.
function visibleArea() {
  const box = $("network").getBoundingClientRect();
  let left = box.left, right = box.right;
  for (const cover of [panel, $("controls")]) {
    if (cover.hidden || getComputedStyle(cover).position !== "absolute" &&
      getComputedStyle(cover).position !== "fixed") continue;
    const c = cover.getBoundingClientRect();
    if (!c.width || c.right <= box.left || c.left >= box.right) continue;
    if (c.left > box.left + box.width / 3) right = Math.min(right, c.left);
    else if (c.right < box.right - box.width / 3) left = Math.max(left, c.right);
  }
  return { box, left, right, top: box.top, bottom: box.bottom };
}
const CHAR = 7.6;  // a name's width per character at scale 1 (14 px system-ui), about
function fitTo(ids, animate = true) {
  const pos = network.getPositions(ids.filter(id => shown.actors.has(id)));
  const found = Object.entries(pos);
  if (!found.length) return;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [id, p] of found) {
    const n = network.body.nodes[id];
    const r = n ? Math.max(n.shape.width || 0, n.shape.height || 0, 2 * (n.options.size || 10))
      / 2 : 10;
    const named = n && n.options.label, half = named ? Math.max(r, named.length * CHAR / 2) : r;
    x0 = Math.min(x0, p.x - half); x1 = Math.max(x1, p.x + half);
    y0 = Math.min(y0, p.y - r); y1 = Math.max(y1, p.y + r + (named ? 22 : 0));
  }
  const area = visibleArea(), pad = 24;
  const w = Math.max(60, area.right - area.left - 2 * pad);
  const h = Math.max(60, area.bottom - area.top - 2 * pad);
  const scale = Math.max(0.02, Math.min(1, w / Math.max(x1 - x0, 1), h / Math.max(y1 - y0, 1)));
  // The box's middle goes to the middle of the free area (not of the whole canvas).
  const dx = (area.left + area.right) / 2 - (area.box.left + area.box.right) / 2;
  const dy = (area.top + area.bottom) / 2 - (area.box.top + area.box.bottom) / 2;
  network.moveTo({ position: { x: (x0 + x1) / 2 - dx / scale, y: (y0 + y1) / 2 - dy / scale },
    scale, animation: animate ? glide(400) : false });
}
const fitShown = (animate = true) => fitTo(focused ? [...focused] : [...shown.actors], animate);

// --- Re-laying out a small page: physics on again until it settles; undo puts every actor
// back where it was.
let undoPositions = null;
function relayout() {
  if (BIG) return;
  undoPositions = network.getPositions();
  $("undo-layout").hidden = false;
  network.setOptions({ physics: { enabled: true, stabilization: false } });
  const done = () => {
    network.setOptions({ physics: false });
    tidyLabels();
    fitShown();
  };
  let over = false;
  const finish = () => { if (!over) { over = true; done(); } };
  network.once("stabilized", finish);
  setTimeout(finish, 6000);
}
function undoLayout() {
  if (!undoPositions) return;
  for (const [id, p] of Object.entries(undoPositions)) network.moveNode(id, p.x, p.y);
  nodeSet.update(Object.entries(undoPositions).map(([id, p]) => ({ id, x: p.x, y: p.y })));
  undoPositions = null;
  $("undo-layout").hidden = true;
  fitShown();
}

// --- Names that overlap (small pages): actors are pushed apart until their names' boxes
// and shapes no longer overlap, and off lines that pass through them (other ties' lines),
// a few pixels at a time.
function tidyLabels(rounds = 60) {
  if (BIG) return;
  const ids = network.body.nodeIndices, N = network.body.nodes;
  const items = ids.map(id => {
    const n = N[id], label = n.options.label || "";
    const r = Math.max(n.shape.width || 0, n.shape.height || 0, 2 * (n.options.size || 10)) / 2;
    const boxed = LABEL_INSIDE.has(n.options.shape);
    return { id, n, hw: boxed ? r : Math.max(r, label.length * CHAR / 2 + 4),
      top: r, bottom: boxed ? r : r + 20 };
  });
  const pairs = [];
  for (const t of ties) if (N[t.from] && N[t.to] && t.from !== t.to) pairs.push([N[t.from], N[t.to]]);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      const a = items[i];
      for (let j = i + 1; j < items.length; j++) {
        const b = items[j];
        const ox = Math.min(a.n.x + a.hw, b.n.x + b.hw) - Math.max(a.n.x - a.hw, b.n.x - b.hw);
        const oy = Math.min(a.n.y + a.bottom, b.n.y + b.bottom) -
          Math.max(a.n.y - a.top, b.n.y - b.top);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Apart along the axis that overlaps least.
        if (oy < ox) {
          const s = (a.n.y < b.n.y ? -1 : 1) * Math.min(oy / 2 + 1, 12);
          a.n.y += s; b.n.y -= s;
        } else {
          const s = (a.n.x < b.n.x ? -1 : 1) * Math.min(ox / 2 + 1, 12);
          a.n.x += s; b.n.x -= s;
        }
      }
    }
    // Off lines of others: a point near a line it is not an end of moves away from it.
    if (round % 3 === 0) {
      for (const a of items) {
        for (const [f, t] of pairs) {
          if (f === a.n || t === a.n) continue;
          const d = distanceToSegment(a.n, f, t);
          const need = Math.max(a.top, 10) + 4;
          if (d >= need) continue;
          const dx = t.x - f.x, dy = t.y - f.y, len = Math.hypot(dx, dy) || 1;
          let nx = -dy / len, ny = dx / len;
          if ((a.n.x - f.x) * nx + (a.n.y - f.y) * ny < 0) { nx = -nx; ny = -ny; }
          const u = ((a.n.x - f.x) * dx + (a.n.y - f.y) * dy) / (len * len);
          if (u <= 0.05 || u >= 0.95) continue;
          const step = Math.min(need - d, 8);
          a.n.x += nx * step; a.n.y += ny * step;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  nodeSet.update(items.map(({ id, n }) => ({ id, x: n.x, y: n.y })));
}

// --- A large page's focus.
function focusOn(ids) {
  setFocus(ids);
  focusNames(ids);
  $("show-all").hidden = !ids;
}
const focusState = () => (focused ? [...focused] : null);
function neighbourhood(id) {
  const near = new Set([id]);
  for (const c of claimsOf.get(id) || []) {
    if (shown.claims.has(c.id)) { near.add(c.from); near.add(c.to); }
  }
  return near;
}
function expandFocus(id) {
  focusOn([...(focused || []), ...neighbourhood(id)]);
}
network.on("doubleClick", p => {
  if (p.nodes.length && focused) expandFocus(p.nodes[0]);
});
$("show-all").addEventListener("click", () => { focusOn(null); fitShown(); });

const viewStarts = [];
const whenViewStarts = listener => viewStarts.push(listener);
let started = false;
function startView() {
  if (started) return;
  started = true;
  tidyLabels();
  if (BIG && raw.focus && actorById.has(raw.focus)) {
    focusOn([...neighbourhood(raw.focus)]);
    fitTo([...focused], false);
  } else fitShown(false);
  for (const listener of viewStarts) listener();
}
$("fit").addEventListener("click", () => fitShown());
$("relayout").addEventListener("click", relayout);
$("undo-layout").addEventListener("click", undoLayout);
if (BIG) $("relayout").hidden = true;
