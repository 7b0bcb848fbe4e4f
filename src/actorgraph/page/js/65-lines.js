/* A large page's own drawing: its lines, the line under the pointer, and its actors filled
 * in bulk when zoomed far out. The only file that reaches into vis-network's internals
 * (network.body, network.renderer, 9.1.2), for large pages, where the times below were
 * measured (5,000-20,000 actors); and for linePoint on a small page, which reads
 * vis-network's own curve (no public call gives a line's middle).
 *
 * vis-network builds an object, an options tree and a label for every line (measured at
 * 20,000 actors / 60,000 claims: about 2 s before the first frame), strokes each line on its
 * own and hit-tests every line on a click or a hover. A large page draws its lines itself
 * instead, just before vis-network draws the actors (so actors stay on top), from the actors'
 * current positions, and finds the line under the pointer itself. What it draws follows the
 * same rules as vis-network's lines on a small page: each claim its own line coloured by its
 * relation's family, parallel claims each their own curve, dashes by certainty and an
 * arrowhead for directed relations. Those two cost most of a frame and are a pixel or less
 * zoomed out, so they are drawn only zoomed in past LEAN_SCALE and for lines on screen;
 * Chromium also dashes the off-screen length of a line (one frame zoomed in on a hub took
 * 700 ms), so a line longer on screen than DASH_MAX_PX is drawn solid. Lines whose box lies
 * off screen are skipped. Each line is stroked on its own, as vis-network does: Chromium
 * rasterised one path of many lines two to three times slower.
 *
 * What it draws are the lines of 45-lines.js: a tie of several claims as one line, as wide
 * as it has claims shown; selected and hovered lines are drawn again after the actors, and
 * so are the names wanted (70-highlight.js's, read at draw time) when zoomed too far out
 * for vis-network to write them. Each line's glyph (68-glyphs.js) is drawn with the lines,
 * under the actors: on a small page after vis-network's lines.
 *
 * Provides: lineAt(point) (large page only: the id of the line nearest a canvas point),
 *   linePoint(id), linePointAt(id, u), claimPoint(claim id) (the middle of the line drawing
 *   it), smallLine(id) (a small page's line as vis-network drew it last: { f, t, middle,
 *   label: { width, angle, font, ends (its actors' boxes) } or null }, or null), linePlan(),
 *   marked (the claims drawn as selected), markClaims(ids), hoverLine(id),
 *   redrawSoon(), holdFrames() and releaseFrames() (one frame for several changes made
 *   between them), setFocus(ids) (a large page's focus: these actors and the lines among
 *   them stand out, the rest is faded; null: none), focused (that Set, or null),
 *   LEAN_SCALE, lastPlan (the lines the last frame drew:
 *   { line, r, dashes, arrow, plain (drawn plain: zoomed out, or behind a focus's veil) }).
 * Uses: 40-data.js, 45-lines.js, 60-network.js; bendOf, controlPoint, distanceToLine,
 *   lineMiddle, pointAlong, boxMeets (30-geometry.js); tieWidth (25-ties.js); drawGlyphs
 *   (68-glyphs.js, at draw time).
 */
"use strict";

const LEAN_SCALE = 0.4, MARGIN = 80;  // canvas pixels around the view
const DASH_MAX_PX = 1500;
const LINE = { width: 1.7, selected: 3.7, hovered: 2.7, reach: 10 };  // as vis-network's
const ARROW = 0.55 * 15 + 3 * LINE.width;  // vis-network's arrowhead length for that width
const marked = new Set();  // claims drawn as selected (the focused actor's, a path's)
let hoveredLine = null;
let lastPlan = [];  // the lines the last frame drew (a large page)
// A large page's lines (45-lines.js), each with how far it bends; made again when a tie is
// expanded or folded.
let bigLines = [], lineById = new Map();
function layLines(lines = drawnLines()) {
  bigLines = lines;
  for (const line of bigLines) line.bend = bendOf(curves.get(line.id));
  lineById = new Map(bigLines.map(line => [line.id, line]));
}
if (BIG) {
  layLines(firstLines);
  whenLinesChange(() => { layLines(); redrawSoon(); });
}
// Where a line runs, between vis-network's actors (with their options and shapes).
function course(line, N = network.body.nodes) {
  const f = N[line.from], t = N[line.to];
  if (!f || !t) return null;
  return { f, t, via: controlPoint(f, t, line.bend) };
}
// The part of the current view a frame draws, with the lines' look at this zoom.
function viewBox() {
  const box = $("network").getBoundingClientRect();
  const a = network.DOMtoCanvas({ x: 0, y: 0 });
  const b = network.DOMtoCanvas({ x: box.width, y: box.height });
  return { x0: a.x - MARGIN, y0: a.y - MARGIN, x1: b.x + MARGIN, y1: b.y + MARGIN,
    scale: network.getScale() };
}
// A frame on vis-network's next animation frame (network.redraw() draws at once): the
// several changes of one click make one frame.
const redrawSoon = () => network.body.emitter.emit("_requestRedraw");
// No frame while several changes are made (each would draw its own), then one frame: the one
// already asked for, if any, else a new one.
function holdFrames() {
  network.body.emitter.emit("_blockRedraw");
}
function releaseFrames() {
  const asked = network.renderer.redrawRequested;
  network.body.emitter.emit("_allowRedraw");  // which forgets a frame asked for
  if (asked) network.renderer.redrawRequested = true;
  else redrawSoon();
}
// A line's certainty as drawn: its claim's, or its tie's strongest shown.
function lineCertainty(line) {
  if (line.claim) return line.claim.certainty;
  const now = look.get(line.tie.index);
  return now ? V.certainties[now.strongest].name : line.tie.strongest;
}
const lineWidth = line => (line.claim ? LINE.width
  : tieWidth((look.get(line.tie.index) || { count: 1 }).count));
// Whether a line is drawn as selected: its claim, or one of its tie's, is marked.
const isMarked = line => marked.size > 0 && (line.claim ? marked.has(line.claim.id)
  : line.tie.claims.some(c => marked.has(c.id)));
// Each shown line on screen in this view: its course and whether it gets dashes and an
// arrowhead. (The frame draws from this plan; tests read it through the API's linePlan.)
function linePlan(v = viewBox()) {
  const zoomedIn = v.scale >= LEAN_SCALE, dashMax2 = (DASH_MAX_PX / v.scale) ** 2;
  const N = network.body.nodes, plan = [];
  for (const line of bigLines) {
    const f = N[line.from], t = N[line.to];
    // Straight lines off screen are passed over before anything is made for them.
    if (!f || !t || (!line.bend && (Math.max(f.x, t.x) < v.x0 || Math.min(f.x, t.x) > v.x1 ||
      Math.max(f.y, t.y) < v.y0 || Math.min(f.y, t.y) > v.y1))) continue;
    if (line.claim ? !shown.claims.has(line.id) : !look.get(line.tie.index)) continue;
    const r = course(line, N);
    if (!boxMeets(r, v)) continue;
    const len2 = (f.x - t.x) ** 2 + (f.y - t.y) ** 2;
    // An arrowhead sits at the `to` end: drawn only if that end is on screen.
    const tipSeen = t.x >= v.x0 && t.x <= v.x1 && t.y >= v.y0 && t.y <= v.y1;
    // Behind a focus's veil, lines are drawn plain: dashes and arrowheads would not show.
    const plain = !zoomedIn || (focused !== null && !(focused.has(line.from) &&
      focused.has(line.to)));
    plan.push({ line, r, plain, dashes: !plain && len2 < dashMax2 &&
      CERTAINTIES[lineCertainty(line)].dashes,
    arrow: !plain && tipSeen && line.tie.directed });
  }
  return plan;
}
function trace(ctx, r) {
  ctx.moveTo(r.f.x, r.f.y);
  if (r.via) ctx.quadraticCurveTo(r.via.x, r.via.y, r.t.x, r.t.y);
  else ctx.lineTo(r.t.x, r.t.y);
}
function arrowhead(ctx, r, width) {
  // Pointing along the line's last stretch, its tip on the border of the actor drawn.
  const from = r.via || r.f, angle = Math.atan2(r.t.y - from.y, r.t.x - from.x);
  let gap = r.t.options.size || 10;
  try { gap = r.t.distanceToBorder(ctx, angle + Math.PI); } catch (err) { /* its size */ }
  const tip = { x: r.t.x - gap * Math.cos(angle), y: r.t.y - gap * Math.sin(angle) };
  const length = ARROW + 3 * (width - LINE.width);
  const back = a => ({ x: tip.x - length * Math.cos(a), y: tip.y - length * Math.sin(a) });
  const p = back(angle - 0.35), q = back(angle + 0.35);
  ctx.moveTo(tip.x, tip.y); ctx.lineTo(p.x, p.y); ctx.lineTo(q.x, q.y);  // fill() closes it
}
function drawLines(ctx) {
  const renderer = network.renderer;
  if (renderer.dragging || renderer.zooming) {  // as hideEdgesOnDrag/hideEdgesOnZoom
    lastPlan = [];
    return;
  }
  const plan = lastPlan = linePlan(), heads = new Map(), on = [];
  const least = 0.3 / network.getScale();
  ctx.save();
  let color = null, dashes = false, width = null;
  // In the lines' order, as vis-network draws them (no colour ends up on top of the rest).
  const stroke = (item, w) => {
    const want = relationColor(item.line.tie);
    if (want !== color) ctx.strokeStyle = color = want;
    if (item.dashes !== dashes) { dashes = item.dashes; ctx.setLineDash(dashes || []); }
    if (w !== width) ctx.lineWidth = width = w;
    ctx.beginPath();
    trace(ctx, item.r);
    ctx.stroke();
  };
  for (const item of plan) {
    const w = Math.max(lineWidth(item.line), least);
    stroke(item, w);
    if (item.arrow) {
      if (!heads.has(color)) heads.set(color, []);
      heads.get(color).push([item, w]);
    }
    if (isMarked(item.line) || item.line.id === hoveredLine) on.push(item);
  }
  ctx.restore();
  drawnOnTop = on;
  ctx.save();
  ctx.setLineDash([]);
  for (const [fill, items] of heads) {
    ctx.beginPath();
    for (const [item, w] of items) arrowhead(ctx, item.r, w);
    ctx.fillStyle = fill;
    ctx.fill();
  }
  ctx.restore();
  if (!focused) drawGlyphs(ctx, plan.filter(item => !item.plain));  // else over the veil
}
// Selected and hovered lines: wider, drawn after the actors (on top of everything).
let drawnOnTop = [];
function drawLinesOnTop(ctx) {
  if (!drawnOnTop.length || network.renderer.dragging || network.renderer.zooming) return;
  ctx.save();
  const least = 0.3 / network.getScale();
  for (const item of drawnOnTop) {
    const extra = isMarked(item.line) ? LINE.selected - LINE.width : LINE.hovered - LINE.width;
    ctx.lineWidth = Math.max(lineWidth(item.line) + extra, least);
    ctx.strokeStyle = relationColor(item.line.tie);
    ctx.setLineDash(item.dashes || []);
    ctx.beginPath();
    trace(ctx, item.r);
    ctx.stroke();
  }
  ctx.restore();
  drawGlyphs(ctx, drawnOnTop.filter(item => !item.plain));
}
// The shown line passing nearest a canvas point, within vis-network's reach of 10 canvas
// pixels (or null): its id.
function lineAt(point) {
  const near = linePlan({ x0: point.x - LINE.reach, x1: point.x + LINE.reach,
    y0: point.y - LINE.reach, y1: point.y + LINE.reach, scale: 0 });
  let best = null, bestDistance = LINE.reach;
  for (const { line, r } of near) {
    const d = distanceToLine(point, r);
    if (d < bestDistance) { best = line.id; bestDistance = d; }
  }
  return best;
}
// The point a share `u` (0 to 1) along a line, in canvas coordinates (null if not drawn).
function linePointAt(id, u = 0.5) {
  if (!BIG) {
    const edge = network.body.edges[id];
    return edge ? edge.edgeType.getPoint(u) : null;
  }
  const line = lineById.get(id);
  const r = line && course(line);
  if (!r) return null;
  return u === 0.5 ? lineMiddle(r) : pointAlong(r, u);
}
const linePoint = id => linePointAt(id, 0.5);
// A small page's line as vis-network drew it: its ends, its middle and, if vis-network wrote
// it, its label's width, angle (turned along the line, never upside down, as vis-network
// turns it) and font, and the boxes of the actors it joins.
function smallLine(id) {
  const edge = network.body.edges[id];
  if (!edge || !edge.connected) return null;
  const f = edge.from, t = edge.to, middle = edge.edgeType.getPoint(0.5);
  let label = null;
  if (edge.options.label !== undefined && edge.labelModule.visible()) {
    const dy = f.y - t.y, dx = f.x - t.x;
    let angle = Math.atan2(dy, dx);
    if ((angle < -1 && dx < 0) || (angle > 0 && dx < 0)) angle += Math.PI;
    const font = edge.labelModule.fontOptions;
    label = { width: edge.labelModule.size.width, angle, font: `${font.size}px ${font.face}`,
      ends: [network.getBoundingBox(edge.fromId), network.getBoundingBox(edge.toId)] };
  }
  return { f, t, middle, label };
}
// The middle of the line a claim is drawn in (its own, or its tie's).
const claimPoint = id => linePoint(lineOf(claimById.get(id)));
// Which claims are drawn as selected: a large page's lines are its own (small pages leave
// it to vis-network's selection).
function markClaims(ids) {
  if (!BIG) return;
  marked.clear();
  for (const id of ids || []) marked.add(id);
  redrawSoon();
}
// The line drawn as hovered (or null); whether that changed.
function hoverLine(id) {
  if (id === hoveredLine) return false;
  hoveredLine = id;
  redrawSoon();
  return true;
}
// A focus (a large page opens on one): the actors focused and the lines among them stand
// out, everything else is faded behind a veil drawn over it.
let focused = null;
function setFocus(ids) {
  focused = ids ? new Set(ids) : null;
  redrawSoon();
}
function fadeRest(ctx) {
  if (!focused || network.renderer.dragging || network.renderer.zooming) return;
  const v = viewBox();
  ctx.save();
  ctx.fillStyle = "rgba(255,255,255,0.8)";
  ctx.fillRect(v.x0, v.y0, v.x1 - v.x0, v.y1 - v.y0);
  const least = 0.3 / network.getScale(), seen = new Set();
  for (const a of focused) {
    for (const t of tiesOf.get(a) || []) {
      if (seen.has(t) || !focused.has(t.from) || !focused.has(t.to)) continue;
      seen.add(t);
      for (const id of linesOf(t)) {
        const line = lineById.get(id), r = line && course(line);
        if (!r || (line.claim ? !shown.claims.has(id) : !look.get(t.index))) continue;
        ctx.lineWidth = Math.max(lineWidth(line), least);
        ctx.strokeStyle = relationColor(t);
        ctx.setLineDash(CERTAINTIES[lineCertainty(line)].dashes || []);
        ctx.beginPath();
        trace(ctx, r);
        ctx.stroke();
      }
    }
  }
  ctx.setLineDash([]);
  drawGlyphs(ctx, lastPlan.filter(item => !item.plain));  // the focus's lines on screen
  const labels = [];
  for (const id of focused) {
    const n = network.body.nodes[id];
    if (n && shown.actors.has(id)) labels.push(n.draw(ctx).drawExternalLabel);
  }
  for (const draw of labels) if (draw) draw();
  ctx.restore();
}
// Zoomed out, vis-network draws no name smaller than 6 pixels: the names wanted (a selected
// actor, a path's, a focus's first) are drawn here at a size read on screen, over everything.
const NAMES_AT_MOST = 200;
function drawWantedNames(ctx) {
  const scale = network.getScale();
  if (14 * scale >= 6) return;
  const ids = new Set([...onDemand.wanted, ...network.getSelectedNodes()]);
  if (focused && raw.focus) ids.add(raw.focus);
  ctx.save();
  ctx.font = `${13 / scale}px system-ui, 'Segoe UI', Roboto, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3 / scale;
  ctx.strokeStyle = "#ffffff";
  ctx.fillStyle = "#1d2430";
  let n = 0;
  for (const id of ids) {
    const node = network.body.nodes[id];
    if (!node || !shown.actors.has(id) || ++n > NAMES_AT_MOST) continue;
    const y = node.y + (node.options.size || 10) + 3 / scale;
    ctx.strokeText(nameOf(id), node.x, y);
    ctx.fillText(nameOf(id), node.x, y);
  }
  ctx.restore();
}
// A small page's glyphs are drawn right after vis-network's lines, under its actors.
if (!BIG) {
  const drawEdges = network.renderer._drawEdges;
  network.renderer._drawEdges = function (ctx) {
    drawEdges.call(this, ctx);
    drawGlyphs(ctx);
  };
}
if (BIG) {
  network.on("beforeDrawing", drawLines);
  network.on("afterDrawing", ctx => { fadeRest(ctx); drawLinesOnTop(ctx); drawWantedNames(ctx); });
}

// Zoomed out past PLAIN_SCALE an actor is a few pixels wide and its name is too small to
// draw (below 6 pixels): vis-network still draws each actor on its own (about 170 ms a frame
// at 20,000 actors). A large page then fills the shapes itself, one path per type, in
// the same shapes and colours (a large page's shapes all have their border in their fill
// colour); a hovered or selected actor is drawn by vis-network on top, as it would be
// (and so is any actor of another shape).
// Every actor's box is kept up to date as vis-network does, for its hit-testing.
const PLAIN_SCALE = 0.25;
// The fixed-size shapes filled here; any other (sized by its label) is left to vis-network.
const FILLED = new Set(["dot", "square", "triangle", "triangleDown", "diamond", "hexagon",
  "star"]);
// vis-network's own outlines (its canvas shapes, 9.1.2) for an actor of size r at (x, y).
function shapePath(ctx, shape, x, y, r) {
  const polygon = points => {
    ctx.moveTo(points[0][0], points[0][1]);
    for (const [px, py] of points.slice(1)) ctx.lineTo(px, py);
  };  // no closePath: fill() closes each shape (and closePath slows a long path down)
  const triangle = down => {
    const q = r * 1.15, cy = y + (down ? -0.275 : 0.275) * q, s = 2 * q;
    const ir = Math.sqrt(3) / 6 * s, h = Math.sqrt(s * s - q * q), k = down ? -1 : 1;
    polygon([[x, cy - k * (h - ir)], [x + q, cy + k * ir], [x - q, cy + k * ir]]);
  };
  if (shape === "square") ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === "triangle") triangle(false);
  else if (shape === "triangleDown") triangle(true);
  else if (shape === "diamond") polygon([[x, y + r], [x + r, y], [x, y - r], [x - r, y]]);
  else if (shape === "hexagon") {
    polygon([...Array(6)].map((_, i) => [x + r * Math.cos(Math.PI / 3 * i),
      y + r * Math.sin(Math.PI / 3 * i)]));
  } else if (shape === "star") {
    const q = r * 0.82, cy = y + 0.1 * q;
    polygon([...Array(10)].map((_, i) => {
      const radius = i % 2 ? 0.5 * q : 1.3 * q, a = 2 * i * Math.PI / 10;
      return [x + radius * Math.sin(a), cy - radius * Math.cos(a)];
    }));
  } else { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); }
}
if (BIG) {
  const drawNodes = network.renderer._drawNodes;
  // Each actor's size and box, as vis-network works them out (its fixed-size shapes take
  // their size from their options, their label's box from the label); vis-network first
  // gathered every actor's formatting values for it (0.2 s at 20,000 actors).
  const boxAll = ctx => {
    for (const id of network.body.nodeIndices) {
      const n = network.body.nodes[id];
      n.updateBoundingBox(ctx, n.selected);
    }
  };
  network.renderer._resizeNodes = function () {
    this.canvas.setTransform();
    boxAll(this.canvas.getContext());
  };
  network.renderer._drawNodes = function (ctx, alwaysShow = false) {
    if (alwaysShow) {  // a hidden drawing, cleared at once: only the boxes count
      boxAll(ctx);
      return { drawExternalLabels() {} };
    }
    if (network.getScale() >= PLAIN_SCALE) return drawNodes.call(this, ctx, alwaysShow);
    const N = network.body.nodes, v = viewBox(), looks = new Map(), top = [];
    boxAll(ctx);
    for (const id of network.body.nodeIndices) {
      const n = N[id];
      if (n.hover || n.selected || !FILLED.has(n.options.shape)) { top.push(n); continue; }
      const r = n.options.size;
      if (n.x + r < v.x0 || n.x - r > v.x1 || n.y + r < v.y0 || n.y - r > v.y1) continue;
      const key = n.options.shape + "|" + n.options.color.background;
      if (!looks.has(key)) looks.set(key, []);
      looks.get(key).push(n);
    }
    for (const group of looks.values()) {
      const { shape, color, borderWidth } = group[0].options;
      // vis-network strokes the border in its fill colour, a pixel wide on screen at any
      // zoom (but no wider than the shape): it adds half of that all round.
      const border = borderWidth / network.getScale();
      ctx.beginPath();
      for (const n of group) {
        const r = n.options.size;
        shapePath(ctx, shape, n.x, n.y, r + Math.min(2 * r, border) / 2);
      }
      ctx.fillStyle = color.background;
      ctx.fill();
    }
    const labels = top.map(n => n.draw(ctx).drawExternalLabel).filter(Boolean);
    return { drawExternalLabels: () => labels.forEach(draw => draw()) };
  };
  // No frame until the page's start has set its first view (95-main.js lets them be): each
  // change before it (the focus, its names, the view) would draw a frame of its own, each
  // hundreds of milliseconds at 20,000 actors.
  holdFrames();
  network.setData({ nodes: nodeView, edges: [] });
  timings.network = performance.now();
  // The page is ready after its first frame, with no extra draw of tens of thousands of items.
  readyAfterNextFrame();
}
