/* actorgraph explorer: draws the casebook with vis-network and lets an analyst read,
 * search, filter and trace it. Every text from the casebook is inserted as text (textContent,
 * text nodes), never as markup. Nothing is fetched: all data is in the page. */
(function () {
  "use strict";

  // ---------------------------------------------------------------- data
  const timings = { start: performance.now() };  // ms since navigation, for measuring
  const raw = JSON.parse(document.getElementById("casebook-data").textContent);
  timings.parsed = performance.now();
  const named = (row, fields) => {
    const item = {};
    for (let i = 0; i < fields.length; i++) item[fields[i]] = row[i];
    return item;
  };
  const actors = raw.nodes.map(r => named(r, raw.fields.nodes));
  // A claim's actors come as row numbers in raw.nodes, some fields as places in raw.tables.
  const tables = Object.entries(raw.tables);
  const claims = raw.edges.map(r => {
    const c = named(r, raw.fields.edges);
    for (const f of raw.refs) c[f] = actors[c[f]].id;
    for (const [f, values] of tables) c[f] = values[c[f]];
    return c;
  });
  const documents = Object.fromEntries(Object.entries(raw.documents)
    .map(([id, r]) => [id, named(r, raw.fields.documents)]));
  // A large page leaves out each quote its document holds word for word (null): rebuilt here.
  for (const c of claims) {
    if (c.quote === null) {
      const text = documents[c.doc].text;
      c.quote = c.pieces.map(([s, e]) => text.slice(s, e)).join(" \u2026 ");
    }
  }
  const V = raw.vocabulary;
  const byName = list => Object.fromEntries(list.map(x => [x.name, x]));
  const TYPES = byName(V.types), RELATIONS = byName(V.relations);
  const FAMILIES = byName(V.families), CERTAINTIES = byName(V.certainties);
  const RANK = Object.fromEntries(V.certainties.map((c, i) => [c.name, i]));  // 0 = strongest
  const actorById = new Map(actors.map(a => [a.id, a]));
  const claimById = new Map(claims.map(c => [c.id, c]));
  const claimsOf = new Map(actors.map(a => [a.id, []]));
  for (const c of claims) {
    claimsOf.get(c.from).push(c);
    if (c.to !== c.from) claimsOf.get(c.to).push(c);
  }
  const BIG = !raw.physics;
  // Animated view moves go astray on thousands of actors (vis-network 9.1.2): jump instead.
  const glide = ms => (BIG ? false : { duration: ms, easingFunction: "easeInOutQuad" });
  const LABEL_EDGES = claims.length <= 150;
  // 12,345: toLocaleString's first call loads the locale data (about 50 ms).
  const fmt = n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const strongestFirst = (a, b) => RANK[a.certainty] - RANK[b.certainty] || byId(a, b);

  // ---------------------------------------------------------------- DOM helpers (text only)
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    e.append(...children.filter(c => c != null && c !== false));
    return e;
  }
  const $ = id => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  }
  function shapeSwatch(type) {
    const t = TYPES[type], fill = t.color, c = 7;
    const star = [...Array(10)].map((_, i) => {
      const r = i % 2 ? 2.8 : 6.8, a = Math.PI / 5 * i - Math.PI / 2;
      return `${c + r * Math.cos(a)},${c + r * Math.sin(a)}`;
    }).join(" ");
    const hex = [...Array(6)].map((_, i) => {
      const a = Math.PI / 3 * i;
      return `${c + 6 * Math.cos(a)},${c + 6 * Math.sin(a)}`;
    }).join(" ");
    const shapes = {
      dot: ["circle", { cx: c, cy: c, r: 6 }], triangle: ["polygon", { points: "7,1 13,13 1,13" }],
      triangleDown: ["polygon", { points: "1,1 13,1 7,13" }],
      square: ["rect", { x: 1.5, y: 1.5, width: 11, height: 11 }],
      diamond: ["polygon", { points: "7,0.5 13.5,7 7,13.5 0.5,7" }],
      star: ["polygon", { points: star }], hexagon: ["polygon", { points: hex }],
      ellipse: ["ellipse", { cx: c, cy: c, rx: 6.5, ry: 4.5 }],
      box: ["rect", { x: 0.5, y: 3, width: 13, height: 8, rx: 2 }],
    };
    const [tag, attrs] = shapes[t.shape] || shapes.dot;
    return svg("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" },
      svg(tag, { ...attrs, fill, stroke: "rgba(0,0,0,.35)", "stroke-width": 0.8 }));
  }
  function lineSwatch(color, dashes, directed) {
    const line = svg("line", { x1: 1, y1: 6, x2: directed ? 22 : 27, y2: 6, stroke: color,
      "stroke-width": 2, "stroke-dasharray": dashes ? dashes.map(d => d / 2).join(" ") : "none" });
    const parts = [line];
    if (directed) parts.push(svg("polygon", { points: "21,2 28,6 21,10", fill: color }));
    return svg("svg", { width: 28, height: 12, viewBox: "0 0 28 12", "aria-hidden": "true" },
      ...parts);
  }
  const relationColor = c => FAMILIES[RELATIONS[c.relation].family].color;
  const nameOf = id => actorById.get(id).name;
  const sentence = c => `${nameOf(c.from)} ${RELATIONS[c.relation].label} ${nameOf(c.to)}`;
  const clip = (text, n) => (text.length > n ? text.slice(0, n - 1).trimEnd() + "…" : text);
  const norm = s => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[\u2018\u2019'.]/g, "").replace(/[-\s]+/g, " ").trim();

  // ---------------------------------------------------------------- look
  function tint(hex, amount) {
    const n = parseInt(hex.slice(1), 16);
    const mix = v => Math.round(v + (255 - v) * amount);
    return `rgb(${mix(n >> 16)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
  }
  const DIM_NODE = { background: "#eceef1", border: "#d8dce2" };
  // Per item only what differs between items: vis-network spends most of its start-up
  // merging per-item options (shared ones are set once, in the network's options below).
  function nodeLook(a, dim, restyle = false) {
    const t = TYPES[a.type], inside = t.shape === "box" || t.shape === "ellipse";
    const bg = dim ? DIM_NODE.background : inside ? tint(t.color, 0.72) : t.color;
    const border = dim ? DIM_NODE.border : t.color;
    const look = { shape: t.shape, color: { background: bg, border,
      highlight: { background: bg, border: "#1d2430" }, hover: { background: bg, border: "#1d2430" } } };
    if (inside) Object.assign(look, { borderWidth: 1.5, margin: 7 });
    else look.size = Math.min(34, 10 + 2.6 * Math.sqrt(claimsOf.get(a.id).length));
    if (dim || inside || restyle) {
      look.font = { color: dim ? "#b4bac3" : "#1d2430", strokeWidth: inside ? 0 : 3 };
    }
    return look;
  }
  // Several claims between the same two actors: each its own curve, spread on both sides.
  const curve = new Map();
  {
    const pairs = new Map();
    for (const c of claims) {
      const key = c.from < c.to ? c.from + "\u0000" + c.to : c.to + "\u0000" + c.from;
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(c);
    }
    for (const group of pairs.values()) {
      group.forEach((c, i) => {
        if (group.length === 1) return;
        const offset = (i - (group.length - 1) / 2) * Math.min(0.28, 1.2 / group.length);
        // Curve sides are relative to the edge's direction: flip for the reversed ones.
        const side = (offset > 0) === (c.from < c.to) ? "curvedCW" : "curvedCCW";
        curve.set(c.id, { enabled: offset !== 0, type: side, roundness: Math.abs(offset) });
      });
    }
  }
  function edgeLook(c, dim, restyle = false) {
    const look = { color: dim ? "#e3e6ea" : relationColor(c) };
    const dashes = CERTAINTIES[c.certainty].dashes;
    if (dashes) look.dashes = dashes;
    if (RELATIONS[c.relation].directed) look.arrows = "to";
    if (curve.has(c.id)) look.smooth = curve.get(c.id);
    if (LABEL_EDGES) look.label = RELATIONS[c.relation].label;
    if (dim || restyle) look.font = { color: dim ? "#c9ced5" : "#6a7484" };
    return look;
  }

  // ---------------------------------------------------------------- network
  // A large page names only its busiest actors from the start (raw.labelled): vis-network
  // measures every label while it builds the network. Others are named when wanted (below).
  const labelled = new Set(raw.labelled || actors.map(a => a.id));
  const nodeSet = new vis.DataSet(actors.map(a => ({ id: a.id, ...nodeLook(a, false),
    ...(labelled.has(a.id) ? { label: a.name } : {}), ...(BIG ? { x: a.x, y: a.y } : {}) })));
  // A large page draws its lines itself (below): vis-network gets its actors only.
  const edgeSet = BIG ? null : new vis.DataSet(claims.map(c => ({ id: c.id, from: c.from,
    to: c.to, ...edgeLook(c, false) })));
  const shown = { actors: new Set(actors.map(a => a.id)), claims: new Set(claims.map(c => c.id)) };
  timings.datasets = performance.now();
  const nodeView = new vis.DataView(nodeSet, { filter: n => shown.actors.has(n.id) });
  const edgeView = BIG ? null
    : new vis.DataView(edgeSet, { filter: e => shown.claims.has(e.id) });
  // A large page gets its actors once its own drawing is in place (below).
  const network = new vis.Network($("network"), BIG ? {} : { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: !BIG && actors.length <= 100 },
    physics: BIG ? false : {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, springLength: 130, avoidOverlap: 0.4 },
      stabilization: { iterations: 600, updateInterval: 100 },
    },
    interaction: { hover: true, tooltipDelay: 3600000, multiselect: false,
      hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, navigationButtons: false },
    nodes: {
      borderWidth: 1, scaling: { label: { drawThreshold: 6 } },
      font: { color: "#1d2430", size: 14, strokeWidth: 3, strokeColor: "#ffffff",
        face: "system-ui, 'Segoe UI', Roboto, sans-serif" },
    },
    edges: {
      width: 1.7, selectionWidth: 2, hoverWidth: 1, smooth: false,
      arrows: { to: { enabled: false, scaleFactor: 0.55 } },
      font: { size: 10, color: "#6a7484", strokeWidth: 0, background: "rgba(255,255,255,0.9)",
        align: "middle", face: "system-ui, sans-serif" },
      // Relation labels only once zoomed in, past a few dozen claims: colour tells the family.
      scaling: { label: { drawThreshold: claims.length > 40 ? 9 : 5 } },
    },
  });
  timings.network = performance.now();
  const api = { network, data: { actors, claims, documents, vocabulary: V }, ready: false,
    nodes: nodeSet, edges: edgeSet, shown, timings };
  window.actorgraph = api;
  function markReady() {
    network.once("afterDrawing", () => { timings.drawn = performance.now(); api.ready = true; });
    network.redraw();
  }
  if (!BIG) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      network.fit();
      markReady();
    });
  }

  // ---------------------------------------------------------------- lines of a large page
  // vis-network builds an object, an options tree and a label for every line (measured at
  // 20,000 actors / 60,000 claims: about 2 s before the first frame), strokes each line on
  // its own and hit-tests every line on a click or a hover. A large page draws its lines
  // itself instead, just before vis-network draws the actors (so actors stay on top), from
  // the actors' current positions, and finds the line under the pointer itself. What it draws
  // follows the same rules as vis-network's lines on a small page: each claim its own line
  // coloured by its relation's family, parallel claims each their own curve, dashes by
  // certainty and an arrowhead for directed relations. Those two cost most of a frame and are
  // a pixel or less zoomed out, so they are drawn only zoomed in past LEAN_SCALE and for lines
  // on screen; Chromium also dashes the off-screen length of a line (one frame zoomed in on
  // a hub took 700 ms), so a line longer on screen than DASH_MAX_PX is drawn solid. Lines
  // whose box lies off screen are skipped. Each line is stroked on its own, as vis-network
  // does: Chromium rasterised one path of many lines two to three times slower.
  const LEAN_SCALE = 0.4, MARGIN = 80;  // canvas pixels around the view
  const DASH_MAX_PX = 1500;
  const LINE = { width: 1.7, selected: 3.7, hovered: 2.7, reach: 10 };  // as vis-network's
  const ARROW = 0.55 * 15 + 3 * LINE.width;  // vis-network's arrowhead length for that width
  const marked = new Set();  // claims drawn as selected (the focused actor's, a path's)
  let hoveredClaim = null;
  // How far a curve's control point sits off its line, per unit of length, to the side
  // curve() chose (0: straight).
  const bendOf = c => {
    const bend = curve.get(c.id);
    return bend && bend.enabled ? 2 * bend.roundness * (bend.type === "curvedCW" ? 1 : -1) : 0;
  };
  const bends = BIG ? claims.map(bendOf) : null;
  // Where claim c's line runs: its ends and, for a curve, its control point (or null).
  function course(c, k = bendOf(c), N = network.body.nodes) {
    const f = N[c.from], t = N[c.to];
    if (!f || !t) return null;
    if (!k) return { f, t, via: null };
    const dx = t.x - f.x, dy = t.y - f.y;  // perpendicular to the line from f to t
    return { f, t, via: { x: (f.x + t.x) / 2 - dy * k, y: (f.y + t.y) / 2 + dx * k } };
  }
  // The part of the current view a frame draws, with the lines' look at this zoom.
  function viewBox() {
    const box = $("network").getBoundingClientRect();
    const a = network.DOMtoCanvas({ x: 0, y: 0 });
    const b = network.DOMtoCanvas({ x: box.width, y: box.height });
    return { x0: a.x - MARGIN, y0: a.y - MARGIN, x1: b.x + MARGIN, y1: b.y + MARGIN,
      scale: network.getScale() };
  }
  // Whether a line's box (its ends' and control point's) meets the box v.
  function boxSeen(r, v) {
    const { f, t } = r, via = r.via || f;
    return !(Math.max(f.x, t.x, via.x) < v.x0 || Math.min(f.x, t.x, via.x) > v.x1 ||
      Math.max(f.y, t.y, via.y) < v.y0 || Math.min(f.y, t.y, via.y) > v.y1);
  }
  // A frame on vis-network's next animation frame (network.redraw() draws at once).
  const redrawSoon = () => network.body.emitter.emit("_requestRedraw");
  // Each shown claim on screen in this view: its course and whether it gets dashes and an
  // arrowhead. (The frame draws from this plan; tests read it through api.linePlan.)
  function linePlan(v = viewBox()) {
    const zoomedIn = v.scale >= LEAN_SCALE, dashMax2 = (DASH_MAX_PX / v.scale) ** 2;
    const N = network.body.nodes, plan = [];
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i], f = N[c.from], t = N[c.to];
      // Straight lines off screen are passed over before anything is made for them.
      if (!f || !t || (!bends[i] && (Math.max(f.x, t.x) < v.x0 || Math.min(f.x, t.x) > v.x1 ||
        Math.max(f.y, t.y) < v.y0 || Math.min(f.y, t.y) > v.y1))) continue;
      if (!shown.claims.has(c.id)) continue;
      const r = course(c, bends[i], N);
      if (!boxSeen(r, v)) continue;
      const len2 = (f.x - t.x) ** 2 + (f.y - t.y) ** 2;
      // An arrowhead sits at the `to` end: drawn only if that end is on screen.
      const tipSeen = t.x >= v.x0 && t.x <= v.x1 && t.y >= v.y0 && t.y <= v.y1;
      plan.push({ c, r, dashes: zoomedIn && len2 < dashMax2 && CERTAINTIES[c.certainty].dashes,
        arrow: zoomedIn && tipSeen && RELATIONS[c.relation].directed });
    }
    return plan;
  }
  function trace(ctx, r) {
    ctx.moveTo(r.f.x, r.f.y);
    if (r.via) ctx.quadraticCurveTo(r.via.x, r.via.y, r.t.x, r.t.y);
    else ctx.lineTo(r.t.x, r.t.y);
  }
  function arrowhead(ctx, r) {
    // Pointing along the line's last stretch, its tip on the border of the actor drawn.
    const from = r.via || r.f, angle = Math.atan2(r.t.y - from.y, r.t.x - from.x);
    let gap = r.t.options.size || 10;
    try { gap = r.t.distanceToBorder(ctx, angle + Math.PI); } catch (err) { /* its size */ }
    const tip = { x: r.t.x - gap * Math.cos(angle), y: r.t.y - gap * Math.sin(angle) };
    const back = a => ({ x: tip.x - ARROW * Math.cos(a), y: tip.y - ARROW * Math.sin(a) });
    const p = back(angle - 0.35), q = back(angle + 0.35);
    ctx.moveTo(tip.x, tip.y); ctx.lineTo(p.x, p.y); ctx.lineTo(q.x, q.y);  // fill() closes it
  }
  function drawLines(ctx) {
    const renderer = network.renderer;
    if (renderer.dragging || renderer.zooming) return;  // as hideEdgesOnDrag/hideEdgesOnZoom
    const plan = linePlan(), heads = new Map(), on = [];
    ctx.save();
    ctx.lineWidth = Math.max(LINE.width, 0.3 / network.getScale());
    let color = null, dashes = false;
    // In the claims' order, as vis-network draws them (no colour ends up on top of the rest).
    const stroke = item => {
      const want = relationColor(item.c);
      if (want !== color) ctx.strokeStyle = color = want;
      if (item.dashes !== dashes) { dashes = item.dashes; ctx.setLineDash(dashes || []); }
      ctx.beginPath();
      trace(ctx, item.r);
      ctx.stroke();
    };
    for (const item of plan) {
      stroke(item);
      if (item.arrow) {
        if (!heads.has(color)) heads.set(color, []);
        heads.get(color).push(item);
      }
      if (marked.has(item.c.id) || item.c.id === hoveredClaim) on.push(item);
    }
    for (const item of on) {  // selected and hovered lines: wider, on top
      ctx.lineWidth = Math.max(marked.has(item.c.id) ? LINE.selected : LINE.hovered,
        0.3 / network.getScale());
      stroke(item);
    }
    ctx.setLineDash([]);
    for (const [fill, items] of heads) {
      ctx.beginPath();
      for (const item of items) arrowhead(ctx, item.r);
      ctx.fillStyle = fill;
      ctx.fill();
    }
    ctx.restore();
  }
  function distanceToSegment(p, a, b) {
    const dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const u = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
    return Math.hypot(a.x + u * dx - p.x, a.y + u * dy - p.y);
  }
  function distanceToLine(p, r) {
    if (!r.via) return distanceToSegment(p, r.f, r.t);
    let best = Infinity, prev = r.f;
    for (let i = 1; i <= 16; i++) {  // the curve as 16 straight pieces
      const u = i / 16, w = 1 - u;
      const q = { x: w * w * r.f.x + 2 * u * w * r.via.x + u * u * r.t.x,
        y: w * w * r.f.y + 2 * u * w * r.via.y + u * u * r.t.y };
      best = Math.min(best, distanceToSegment(p, prev, q));
      prev = q;
    }
    return best;
  }
  // The shown claim whose line passes nearest a canvas point, within vis-network's reach of
  // 10 canvas pixels (or null).
  function claimAt(point) {
    const near = linePlan({ x0: point.x - LINE.reach, x1: point.x + LINE.reach,
      y0: point.y - LINE.reach, y1: point.y + LINE.reach, scale: 0 });
    let best = null, bestDistance = LINE.reach;
    for (const { c, r } of near) {
      const d = distanceToLine(point, r);
      if (d < bestDistance) { best = c.id; bestDistance = d; }
    }
    return best;
  }
  // The middle of a claim's line, in canvas coordinates.
  function claimPoint(id) {
    if (!BIG) return network.body.edges[id].edgeType.getPoint(0.5);
    const r = course(claimById.get(id));
    if (!r.via) return { x: (r.f.x + r.t.x) / 2, y: (r.f.y + r.t.y) / 2 };
    return { x: (r.f.x + 2 * r.via.x + r.t.x) / 4, y: (r.f.y + 2 * r.via.y + r.t.y) / 4 };
  }
  // Which claims are drawn as selected: a large page's lines are its own (small pages leave
  // it to vis-network's selection).
  function markClaims(ids) {
    if (!BIG) return;
    marked.clear();
    for (const id of ids || []) marked.add(id);
    redrawSoon();
  }
  if (BIG) network.on("beforeDrawing", drawLines);

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
  }
  Object.assign(api, { claimPoint, marked, claimAt: BIG ? claimAt : null,
    linePlan: BIG ? () => linePlan().map(item => [item.c.id, item.dashes, item.arrow]) : null });
  if (BIG) {
    network.setData({ nodes: nodeView, edges: [] });
    timings.network = performance.now();
    // The network has a draw pending already (set up when its data arrived): the page is
    // ready after that one, with no extra draw of tens of thousands of items.
    network.once("afterDrawing", () => { timings.drawn = performance.now(); api.ready = true; });
  }
  if (raw.notice) { $("notice").textContent = raw.notice; $("notice").hidden = false; }

  // ---------------------------------------------------------------- names on demand
  // An actor labelled from the start keeps its name; any other shows it while it is hovered
  // or while it is wanted (selected, searched, on a path, near a focused actor). Only the
  // actors whose label changes are updated.
  const onDemand = { hovered: null, wanted: new Set(), drawn: new Set() };
  function nameActors() {
    const want = new Set(onDemand.wanted);
    if (onDemand.hovered !== null) want.add(onDemand.hovered);
    const updates = [];
    for (const id of onDemand.drawn) {
      if (!want.has(id)) { onDemand.drawn.delete(id); updates.push({ id, label: "" }); }
    }
    for (const id of want) {
      if (labelled.has(id) || onDemand.drawn.has(id) || !actorById.has(id)) continue;
      onDemand.drawn.add(id);
      updates.push({ id, label: nameOf(id) });
    }
    if (updates.length) nodeSet.update(updates);
  }
  const hoverName = id => { onDemand.hovered = id; nameActors(); };
  const wantNames = ids => { onDemand.wanted = new Set(ids || []); nameActors(); };

  // ---------------------------------------------------------------- highlight
  const dimmed = { nodes: new Set(), edges: new Set() };
  function highlight(actorIds, claimIds) {
    if (BIG) {
      wantNames(actorIds);
      // Restyling tens of thousands of items takes seconds: select them instead.
      if (actorIds === null) network.unselectAll();
      else network.setSelection({ nodes: [...actorIds].filter(id => shown.actors.has(id)) },
        { highlightEdges: false });
      markClaims(claimIds);
      return;
    }
    const nodeUpdates = [], edgeUpdates = [];
    for (const a of actors) {
      const dim = actorIds !== null && !actorIds.has(a.id);
      if (dim !== dimmed.nodes.has(a.id)) {
        dim ? dimmed.nodes.add(a.id) : dimmed.nodes.delete(a.id);
        nodeUpdates.push({ id: a.id, ...nodeLook(a, dim, true) });
      }
    }
    for (const c of claims) {
      const dim = claimIds !== null && !claimIds.has(c.id);
      if (dim !== dimmed.edges.has(c.id)) {
        dim ? dimmed.edges.add(c.id) : dimmed.edges.delete(c.id);
        edgeUpdates.push({ id: c.id, ...edgeLook(c, dim, true) });
      }
    }
    nodeSet.update(nodeUpdates);
    edgeSet.update(edgeUpdates);
  }
  const clearHighlight = () => highlight(null, null);

  // ---------------------------------------------------------------- tooltip
  const tip = $("tooltip");
  function showTip(content, pointer) {
    delete tip.dataset.claim;
    tip.replaceChildren(...content);
    tip.hidden = false;
    const box = $("network").getBoundingClientRect();
    const x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x, window.innerWidth - w - 8)) + "px";
    tip.style.top = (y + h > window.innerHeight - 4 ? y - h - 24 : y) + "px";
  }
  function claimTip(id, pointer) {
    const c = claimById.get(id);
    showTip([el("b", {}, sentence(c)),
      el("div", { class: "meta" }, [c.certainty, "claimed by " + c.claimed_by, c.date]
        .filter(Boolean).join(" · ")),
      el("div", { class: "q" }, "“" + clip(c.quote, 220) + "”")], pointer);
    tip.dataset.claim = id;
  }
  network.on("hoverEdge", p => claimTip(p.edge, p.pointer.DOM));
  network.on("hoverNode", p => {
    hoverName(p.node);
    const a = actorById.get(p.node);
    showTip([el("b", {}, a.name),
      el("div", { class: "meta" }, TYPES[a.type].label + " · " + claimsOf.get(a.id).length +
        " claims"),
      a.description ? el("div", { class: "q" }, clip(a.description, 220)) : null]
      .filter(Boolean), p.pointer.DOM);
  });
  network.on("blurNode", () => hoverName(null));
  for (const ev of ["blurEdge", "blurNode", "dragStart", "zoom"]) {
    network.on(ev, () => { tip.hidden = true; });
  }
  if (BIG) {
    // A large page's lines are its own: it finds the one under the pointer (once a frame),
    // unless an actor is there or a button is down (a drag).
    const box = $("network");
    let pending = null;
    const setHovered = (id, pointer) => {
      if (id === hoveredClaim) return;
      if (tip.dataset.claim) tip.hidden = true;  // its tip, not an actor's shown since
      hoveredClaim = id;
      if (id !== null) claimTip(id, pointer);
      redrawSoon();
    };
    box.addEventListener("mousemove", e => {
      if (pending === null) requestAnimationFrame(() => {
        const ev = pending;
        pending = null;
        const rect = box.getBoundingClientRect();
        const dom = { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
        if (ev.buttons || network.getNodeAt(dom) !== undefined) setHovered(null);
        else setHovered(claimAt(network.DOMtoCanvas(dom)), dom);
      });
      pending = e;
    });
    box.addEventListener("mouseleave", () => setHovered(null));
    network.on("dragStart", () => setHovered(null));
  }

  // ---------------------------------------------------------------- panel
  const panel = $("panel"), body = $("panel-body");
  let back = null;  // re-renders the last list (an actor's claims, a path) from a claim
  function openPanel(...children) {
    tip.hidden = true;
    panel.scrollTop = 0;  // before the new rows are in: no layout of them just for this
    body.replaceChildren(...children.filter(c => c != null));
    const resized = panel.hidden;
    panel.hidden = false;
    if (resized) fitCanvas();
  }
  // The canvas follows its box at once (not on the next resize event), so that a view move
  // made right after opening or closing the panel lands where it should.
  const fitCanvas = () => network.canvas.setSize();
  function closePanel() {
    panel.hidden = true;
    body.replaceChildren();
    fitCanvas();
    back = null;
    network.unselectAll();
    markClaims(null);
    clearHighlight();
  }
  $("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", e => {
    if (e.key === "Escape" && !e.defaultPrevented) closePanel();
  });

  function contextOf(c) {
    // The paragraph(s) holding the quote, its fragments marked, trimmed if very long.
    const text = documents[c.doc].text, pieces = [...c.pieces].sort((a, b) => a[0] - b[0]);
    const first = pieces[0][0], last = pieces[pieces.length - 1][1];
    let from = text.lastIndexOf("\n", first - 1) + 1, to = text.indexOf("\n", last);
    if (to < 0) to = text.length;
    const lead = first - from > 700, tail = to - last > 700;
    if (lead) from = Math.max(from, text.lastIndexOf(". ", first - 500) + 2);
    if (tail) to = Math.min(to, text.indexOf(". ", last + 500) + 1 || to);
    const box = el("blockquote", { class: "context" }, lead ? "…" : null);
    let at = from;
    for (const [s, e] of pieces) {
      box.append(text.slice(at, s), el("mark", {}, text.slice(s, e)));
      at = e;
    }
    box.append(text.slice(at, to), tail ? "…" : "");
    return box;
  }
  function sourceLine(c) {
    const d = documents[c.doc];
    const line = el("div", { class: "source" }, el("b", {}, d.title || c.doc),
      `, paragraph ${c.paragraph}`,
      [d.publisher, d.published].filter(Boolean).map(s => " · " + s).join(""));
    if (/^https?:\/\//i.test(d.url)) {
      line.append(" · ", el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" },
        d.url));
    } else if (d.url) {
      line.append(" · " + d.url);
    }
    return line;
  }
  function facts(pairs) {
    const dl = el("dl", { class: "facts" });
    for (const [k, v] of pairs) if (v) dl.append(el("dt", {}, k), el("dd", {}, v));
    return dl;
  }
  function relationTag(c) {
    const r = RELATIONS[c.relation];
    return el("span", { class: "kind" },
      lineSwatch(relationColor(c), CERTAINTIES[c.certainty].dashes, r.directed),
      r.label + " · " + c.certainty);
  }
  function showClaim(id) {
    const c = claimById.get(id);
    const returnTo = back;
    openPanel(
      returnTo ? el("button", { type: "button", class: "back", onclick: () => returnTo() },
        "← Back") : null,
      el("h2", {}, sentence(c)),
      el("div", { class: "meta" }, relationTag(c)),
      contextOf(c),
      sourceLine(c),
      facts([["Claimed by", c.claimed_by],
        ["Certainty", c.certainty + " — " + CERTAINTIES[c.certainty].description],
        ["Date", c.date || "not given"], ["Notes", c.notes], ["Claim", c.id]]),
      shown.claims.has(c.id) ? null : el("p", { class: "empty" }, "Hidden by the filters."));
    panel.dataset.claim = c.id;
    delete panel.dataset.actor;
    if (!shown.claims.has(c.id)) { /* nothing to select */ } else if (BIG) {
      network.unselectAll();
      markClaims([c.id]);
    } else network.setSelection({ nodes: [], edges: [c.id] }, { highlightEdges: false });
    wantNames([c.from, c.to]);
  }
  function claimButton(c, showSentence) {
    const hidden = !shown.claims.has(c.id);
    return el("button", { type: "button", class: "claim" + (hidden ? " hidden-claim" : ""),
      "data-claim": c.id, title: hidden ? "hidden by the filters" : "read this claim",
      onclick: () => focusClaim(c.id) },
      showSentence ? el("span", {}, sentence(c)) : null,
      el("span", { class: "meta" }, " " + [c.certainty, "claimed by " + c.claimed_by, c.date]
        .filter(Boolean).join(" · ")),
      el("span", { class: "q" }, "“" + clip(c.quote, 160) + "”"));
  }
  // A long list shows its first rows, then a button for the next ones: the busiest actors
  // of a large casebook have thousands of claims, and laying out thousands of rows delays
  // the answer to a click.
  const LIST_STEP = raw.list_step;
  function rows(list, make, from = 0) {
    const some = list.slice(from, from + LIST_STEP).map(make);
    const left = list.length - from - some.length;
    if (left > 0) {
      const more = el("button", { type: "button", class: "more",
        onclick: () => more.replaceWith(...rows(list, make, from + LIST_STEP)) },
      `Show ${fmt(Math.min(left, LIST_STEP))} more of ${fmt(left)}`);
      some.push(more);
    }
    return some;
  }
  function showActor(id) {
    const a = actorById.get(id);
    const own = claimsOf.get(id);
    const groups = V.relations.map(r => [r, own.filter(c => c.relation === r.name)
      .sort(strongestFirst)]).filter(([, list]) => list.length);
    back = () => showActor(id);
    openPanel(
      el("h2", {}, a.name),
      el("div", { class: "meta kind" }, shapeSwatch(a.type), TYPES[a.type].label),
      a.aliases.length ? el("p", { class: "meta" }, "Also called: " + a.aliases.join(", ")) : null,
      a.description ? el("p", {}, a.description) : null,
      el("h3", {}, own.length === 1 ? "1 claim" : `${own.length} claims`),
      ...groups.flatMap(([r, list]) => [
        el("h3", { class: "kind" }, lineSwatch(FAMILIES[r.family].color, false, r.directed),
          `${r.label} (${list.length})`),
        ...rows(list, c => claimButton(c, true))]));
    panel.dataset.actor = id;
    delete panel.dataset.claim;
  }
  function focusClaim(id) {
    const c = claimById.get(id);
    showClaim(id);
    if (shown.claims.has(id)) {
      const pos = network.getPositions([c.from, c.to]);
      network.moveTo({ position: { x: (pos[c.from].x + pos[c.to].x) / 2,
        y: (pos[c.from].y + pos[c.to].y) / 2 }, animation: glide(300) });
    }
  }
  network.on("click", p => {
    const line = BIG && !p.nodes.length ? claimAt(p.pointer.canvas) : null;
    if (p.nodes.length) {
      back = null;
      wantNames(p.nodes);
      // vis-network selects the actor's lines on a small page; a large page marks them.
      markClaims(claimsOf.get(p.nodes[0]).filter(c => shown.claims.has(c.id)).map(c => c.id));
      showActor(p.nodes[0]);
    } else if (p.edges.length || line) { back = null; showClaim(p.edges[0] || line); }
    else markClaims(null);  // vis-network unselected everything
  });

  // ---------------------------------------------------------------- search
  // Built on the first search, not before the first frame.
  let index = null;
  const searchIndex = () => index || (index = actors.flatMap(a => [[norm(a.name), a, null],
    ...a.aliases.map(al => [norm(al), a, al])]));
  function matches(query, limit = 12) {
    const q = norm(query);
    if (!q) return [];
    const seen = new Set(), hits = [];
    for (const [key, a, alias] of searchIndex()) {
      const at = key.indexOf(q);
      if (at < 0 || !shown.actors.has(a.id)) continue;
      hits.push({ a, alias, score: (at === 0 ? 0 : 2) + (alias ? 1 : 0), len: key.length });
    }
    hits.sort((x, y) => x.score - y.score || x.len - y.len || byId(x.a, y.a));
    return hits.filter(h => !seen.has(h.a.id) && seen.add(h.a.id)).slice(0, limit);
  }
  function resolve(text) {
    const q = norm(text);
    const exact = searchIndex().find(([key]) => key === q);
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
    back = null;
    showActor(id);
    if (shown.actors.has(id)) {
      if (!BIG) network.selectNodes([id], false);
      network.focus(id, { scale: Math.max(network.getScale(), 1), animation: glide(400) });
    }
    return true;
  }
  suggest($("search"), focusActor);

  // ---------------------------------------------------------------- filters
  const off = { types: new Set(), relations: new Set(), certainties: new Set() };
  function checkbox(kind, name, label, swatch, count) {
    const box = el("input", { type: "checkbox", "data-filter": kind, value: name });
    box.checked = true;
    box.addEventListener("change", () => {
      box.checked ? off[kind].delete(name) : off[kind].add(name);
      applyFilters();
    });
    return el("label", {}, box, swatch, label, el("span", { class: "n" }, fmt(count)));
  }
  const tally = (list, key) => list.reduce((m, x) => m.set(x[key], (m.get(x[key]) || 0) + 1),
    new Map());
  {
    const types = tally(actors, "type"), rels = tally(claims, "relation");
    const certs = tally(claims, "certainty");
    $("filter-types").append(...V.types.map(t =>
      checkbox("types", t.name, t.label, shapeSwatch(t.name), types.get(t.name))));
    $("filter-certainties").append(...V.certainties.map(c =>
      checkbox("certainties", c.name, c.name, lineSwatch("#4b5563", c.dashes, false),
        certs.get(c.name))));
    for (const f of V.families) {
      $("filter-relations").append(el("div", { class: "family", title: f.description },
        lineSwatch(f.color, false, false), f.name));
      $("filter-relations").append(...V.relations.filter(r => r.family === f.name).map(r =>
        checkbox("relations", r.name, r.label, lineSwatch(f.color, false, r.directed),
          rels.get(r.name))));
    }
    for (const c of V.certainties) {
      $("filter-certainties").querySelector(`input[value="${c.name}"]`).parentElement.title =
        c.description;
    }
  }
  {
    let first = null, last = null;
    for (const { date } of claims) {
      if (!date) continue;
      if (first === null || date < first) first = date;
      if (last === null || date > last) last = date;
    }
    if (first !== null) {
      $("date-from").placeholder = first.slice(0, 4);
      $("date-to").placeholder = last.slice(0, 4);
    }
  }
  const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  const low = d => d + "-01-01".slice(d.length - 4);
  const high = d => d + "-12-31".slice(d.length - 4);
  function dateBound(input) {
    const v = input.value.trim();
    const ok = !v || DATE.test(v);
    input.setAttribute("aria-invalid", ok ? "false" : "true");
    input.style.borderColor = ok ? "" : "#d62728";
    return ok ? v : "";
  }
  const sameSet = (a, b) => a.size === b.size && [...a].every(x => b.has(x));
  function applyFilters() {
    const from = dateBound($("date-from")), to = dateBound($("date-to"));
    const undated = $("undated").checked;
    const before = { actors: shown.actors, claims: shown.claims };
    shown.actors = new Set(actors.filter(a => !off.types.has(a.type)).map(a => a.id));
    shown.claims = new Set(claims.filter(c =>
      shown.actors.has(c.from) && shown.actors.has(c.to) &&
      !off.relations.has(c.relation) && !off.certainties.has(c.certainty) &&
      (c.date ? (!from || high(c.date) >= low(from)) && (!to || low(c.date) <= high(to))
        : undated)).map(c => c.id));
    if ($("hide-isolated").checked) {
      const used = new Set();
      for (const c of claims) if (shown.claims.has(c.id)) { used.add(c.from); used.add(c.to); }
      shown.actors = new Set([...shown.actors].filter(id => used.has(id)));
    }
    // A view refresh redraws the network: only refresh a view whose items changed.
    if (!sameSet(shown.actors, before.actors)) nodeView.refresh();
    if (sameSet(shown.claims, before.claims)) { /* unchanged */ } else if (BIG) redrawSoon();
    else edgeView.refresh();
    api.shown = shown;
    $("count").textContent = `${fmt(shown.actors.size)} of ${fmt(actors.length)} actors, ` +
      `${fmt(shown.claims.size)} of ${fmt(claims.length)} claims shown`;
    if (lastPath) runPath();
  }
  for (const id of ["date-from", "date-to"]) $(id).addEventListener("input", applyFilters);
  for (const id of ["undated", "hide-isolated"]) $(id).addEventListener("change", applyFilters);

  // ---------------------------------------------------------------- path finder
  // The same answer as `actorgraph path`: among the paths with the fewest hops, the one whose
  // weakest hop is strongest (a hop is as strong as its strongest claim), then the one whose
  // sequence of actor ids comes first. Only the claims shown count.
  function links(directed) {
    const adj = new Map();
    const add = (u, v, c) => {
      if (!adj.has(u)) adj.set(u, new Map());
      if (!adj.get(u).has(v)) adj.get(u).set(v, []);
      adj.get(u).get(v).push(c);
    };
    for (const c of claims) {
      if (!shown.claims.has(c.id) || c.from === c.to) continue;
      add(c.from, c.to, c);
      if (!directed || !RELATIONS[c.relation].directed) add(c.to, c.from, c);
    }
    return adj;
  }
  function findPath(source, target, { directed = false } = {}) {
    if (!shown.actors.has(source) || !shown.actors.has(target) || source === target) return null;
    const adj = links(directed);
    const next = v => adj.get(v) || new Map();
    const dist = new Map([[source, 0]]);
    for (let frontier = [source]; frontier.length && !dist.has(target);) {
      const later = [];
      for (const v of frontier) {
        for (const w of next(v).keys()) {
          if (!dist.has(w)) { dist.set(w, dist.get(v) + 1); later.push(w); }
        }
      }
      frontier = later;
    }
    if (!dist.has(target)) return null;
    const hops = dist.get(target);
    const hopRank = (v, w) => Math.min(...next(v).get(w).map(c => RANK[c.certainty]));
    const steps = v => [...next(v).keys()].filter(w => dist.get(w) === dist.get(v) + 1 &&
      (w === target || dist.get(w) < hops));
    // best(v): the strongest weakest-hop rank over shortest routes from v to the target.
    const best = new Map([[target, -1]]), count = new Map([[target, 1]]);
    const solve = v => {
      if (best.has(v)) return best.get(v);
      let b = Infinity, n = 0;
      for (const w of steps(v)) {
        const r = solve(w);
        if (r === Infinity) continue;
        b = Math.min(b, Math.max(hopRank(v, w), r));
        n += count.get(w);
      }
      best.set(v, b); count.set(v, n);
      return b;
    };
    const strength = solve(source);
    const path = [source];
    for (let v = source; v !== target;) {
      v = steps(v).filter(w => best.get(w) !== undefined && Math.max(hopRank(v, w),
        best.get(w)) <= strength).sort()[0];
      path.push(v);
    }
    return {
      path, strength: V.certainties[strength].name, shortest: count.get(source),
      hops: path.slice(1).map((w, i) => ({ from: path[i], to: w,
        claims: [...next(path[i]).get(w)].sort(strongestFirst) })),
    };
  }
  let lastPath = null;
  function showPath(from, to, directed, result) {
    const title = `${nameOf(from)} → ${nameOf(to)}`;
    if (!result) {
      highlight(new Set([from, to]), new Set());
      openPanel(el("h2", {}, "No path"), el("p", { class: "empty", id: "no-path" },
        `No chain of shown claims links ${nameOf(from)} to ${nameOf(to)}` +
        (directed ? " following the arrows." : ".")));
      return;
    }
    highlight(new Set(result.path), new Set(result.hops.flatMap(h => h.claims.map(c => c.id))));
    network.fit({ nodes: result.path, animation: glide(400) });
    const n = result.hops.length;
    const list = el("ol", { class: "path", "data-path": result.path.join(" ") });
    for (const h of result.hops) {
      list.append(el("li", { class: "hop", "data-from": h.from, "data-to": h.to },
        el("div", { class: "hop-title" }, `${nameOf(h.from)} → ${nameOf(h.to)}`),
        ...rows(h.claims, c => claimButton(c, true))));
    }
    back = () => showPath(from, to, directed, result);
    openPanel(el("h2", {}, "Path: " + title),
      el("p", { class: "meta" }, `${n} hop${n === 1 ? "" : "s"} · weakest link: ${result.strength}` +
        (result.shortest > 1 ? ` · best of ${fmt(result.shortest)} shortest paths` : "") +
        (directed ? " · following arrows" : "")),
      list);
  }
  function runPath() {
    const a = $("path-from"), b = $("path-to");
    const from = a.dataset.actor || resolve(a.value), to = b.dataset.actor || resolve(b.value);
    if (!from || !to) {
      lastPath = null;
      openPanel(el("h2", {}, "Path"), el("p", { class: "empty" },
        !from ? `No actor matches “${a.value}”.` : `No actor matches “${b.value}”.`));
      return null;
    }
    if (from === to) {
      openPanel(el("h2", {}, "Path"), el("p", { class: "empty" }, "Pick two different actors."));
      return null;
    }
    a.value = nameOf(from); b.value = nameOf(to);
    const directed = $("path-directed").checked;
    lastPath = { from, to };
    const result = findPath(from, to, { directed });
    showPath(from, to, directed, result);
    return result;
  }
  suggest($("path-from"), () => {});
  suggest($("path-to"), () => {});
  $("path-find").addEventListener("click", runPath);
  $("path-directed").addEventListener("change", () => { if (lastPath) runPath(); });
  $("path-clear").addEventListener("click", () => {
    lastPath = null;
    for (const id of ["path-from", "path-to"]) { $(id).value = ""; delete $(id).dataset.actor; }
    closePanel();
  });

  // ---------------------------------------------------------------- picture
  function savePng() {
    const src = $("network").querySelector("canvas");
    const out = document.createElement("canvas");
    out.width = src.width; out.height = src.height;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    const a = el("a", { href: out.toDataURL("image/png"),
      download: (document.title || "actorgraph").replace(/[^\w.-]+/g, "-") + ".png" });
    document.body.append(a);
    a.click();
    a.remove();
  }
  $("save-png").addEventListener("click", savePng);

  Object.assign(api, { focusActor, findPath, applyFilters, showClaim, showActor, closePanel,
    focusClaim, savePng });
  applyFilters();
})();
