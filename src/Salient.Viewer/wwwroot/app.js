// Salient viewer: plain JavaScript and SVG, no frameworks, nothing from the network but this server.
// Data: /files/run.json, cells.geojson, control.json, front.geojson, summary.json, replications.csv,
// /api/claims and /api/charts. The CSP allows no inline scripts or styles, so everything here sets attributes only.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const NEUTRAL = [244, 241, 234];

const state = {
  run: null, cells: [], control: null, fronts: [], borders: [], summary: null, reps: null, claims: [],
  day: 0, selected: null, timer: null, cellEls: new Map(), frontEl: null, project: null,
};

/** Kilometres per degree of latitude on the sphere of mean radius 6371.0088 km (IUGG), the projection's unit. */
const KM_PER_DEGREE = 6371.0088 * Math.PI / 180;

/** Settlement importance for label placement: a lower rank is placed first (docs/viewer.md, "Labels"). */
const TERRAIN_RANK = { city: 0, town: 1, 'urban-type settlement': 2, village: 3 };

/**
 * The map's drawing, as SVG presentation attributes per element class. The live map, the SVG export and the PNG
 * export (the SVG rasterised) all draw from these, so the files look like the screen. Sizes of labels and of the
 * scale bar are in screen pixels and converted to map units when laid out (layoutOverlays).
 */
const MAP_STYLE = {
  cell: { stroke: '#ffffff', 'stroke-width': '0.4', 'vector-effect': 'non-scaling-stroke' },
  selected: { stroke: '#111111', 'stroke-width': '2.2', 'vector-effect': 'non-scaling-stroke' },
  region: { fill: 'none', stroke: '#333333', 'stroke-width': '1.6', 'stroke-dasharray': '5 3', 'vector-effect': 'non-scaling-stroke' },
  front: { fill: 'none', stroke: '#111111', 'stroke-width': '2.6', 'stroke-linejoin': 'round', 'stroke-linecap': 'round', 'vector-effect': 'non-scaling-stroke' },
  dot: { fill: '#111111' },
  label: { fill: '#111111', 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-opacity': '0.85', 'stroke-linejoin': 'round' },
  scaleBack: { fill: '#ffffff', 'fill-opacity': '0.8' },
  scaleLine: { stroke: '#111111', 'stroke-width': '2', 'vector-effect': 'non-scaling-stroke', 'stroke-linecap': 'butt' },
  scaleText: { fill: '#111111' },
};
const FONT = '"DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif';
const LABEL_PX = 12;

const $ = (id) => document.getElementById(id);

function el(name, attrs, text) {
  const e = document.createElement(name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function svg(name, attrs, text) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

async function fetchJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
  return r.json();
}

async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
  return r.text();
}

// ------------------------------------------------------------------ dates and numbers

function parseDate(s) { const [y, m, d] = s.split('-').map(Number); return Date.UTC(y, m - 1, d); }
function dayIndex(iso) { return Math.round((parseDate(iso) - parseDate(state.run.start)) / 86400000); }
function isoOfDay(day) { return new Date(parseDate(state.run.start) + day * 86400000).toISOString().slice(0, 10); }
function fmt(n) { return n === null || n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-GB'); }
function pct(p) { return `${Math.round(p * 100)}%`; }

// ------------------------------------------------------------------ colours

function hexToRgb(hex) {
  let h = (hex || '#888888').replace('#', '');
  if (h.length === 3) h = h.split('').map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

function mix(a, b, t) { return a.map((v, i) => Math.round(v + (b[i] - v) * t)); }

/** Colour for the probability p that the first side holds a cell: second side's colour at 0, neutral at 0.5, first side's at 1. */
function colourFor(p) {
  const first = hexToRgb(state.run.sides[0].colour);
  const second = hexToRgb(state.run.sides[1] ? state.run.sides[1].colour : '#888888');
  const c = p >= 0.5 ? mix(NEUTRAL, first, (p - 0.5) * 2) : mix(NEUTRAL, second, (0.5 - p) * 2);
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

// ------------------------------------------------------------------ map

function eachCoordinate(geometry, fn) {
  const walk = (c) => { if (typeof c[0] === 'number') fn(c); else c.forEach(walk); };
  if (geometry) walk(geometry.coordinates);
}

function makeProjection(features) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of features) eachCoordinate(f.geometry, ([x, y]) => {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  });
  const pad = Math.max(maxX - minX, maxY - minY) * 0.03 || 0.05;
  minX -= pad; maxX += pad; minY -= pad; maxY += pad;
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const width = 1000;
  const scale = width / ((maxX - minX) * k);
  const height = (maxY - minY) * scale;
  return { width, height, point: ([x, y]) => [(x - minX) * k * scale, (maxY - y) * scale], scale };
}

function ringPath(ring, project) {
  return ring.map((c, i) => { const [x, y] = project(c); return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`; }).join('') + 'Z';
}

function geometryPath(g, project) {
  if (!g) return '';
  switch (g.type) {
    case 'Polygon': return g.coordinates.map((r) => ringPath(r, project)).join('');
    case 'MultiPolygon': return g.coordinates.map((p) => p.map((r) => ringPath(r, project)).join('')).join('');
    case 'LineString': return lineD(g.coordinates, project);
    case 'MultiLineString': return g.coordinates.map((l) => lineD(l, project)).join('');
    default: return '';
  }
}

function lineD(line, project) {
  return line.map((c, i) => { const [x, y] = project(c); return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`; }).join('');
}

function styled(name, cls, attrs, text) {
  return svg(name, Object.assign({ class: cls }, MAP_STYLE[cls] || {}, attrs || {}), text);
}

function drawMap() {
  const map = $('map');
  const features = state.cells;
  const proj = makeProjection(features);
  state.project = proj;
  map.setAttribute('viewBox', `0 0 ${proj.width.toFixed(0)} ${proj.height.toFixed(0)}`);
  map.setAttribute('font-family', FONT);
  const gCells = svg('g', { class: 'cells' });
  const pointRadius = Math.max(6, Math.min(18, proj.width / Math.max(8, features.length) / 2));
  features.forEach((f, i) => {
    const p = f.properties;
    let shape;
    if (f.geometry && f.geometry.type === 'Point') {
      const [x, y] = proj.point(f.geometry.coordinates);
      shape = styled('circle', 'cell', { cx: x.toFixed(1), cy: y.toFixed(1), r: pointRadius.toFixed(1) });
    } else {
      shape = styled('path', 'cell', { d: geometryPath(f.geometry, proj.point), 'fill-rule': 'evenodd' });
    }
    shape.setAttribute('data-id', p.id);
    shape.setAttribute('data-index', String(i));
    shape.setAttribute('tabindex', '-1');
    shape.appendChild(svg('title', {}, p.name === p.id ? p.id : `${p.name} (${p.id})`));
    shape.addEventListener('click', () => select(i));
    gCells.appendChild(shape);
    state.cellEls.set(i, shape);
  });
  map.appendChild(gCells);
  const gBorders = svg('g', { class: 'borders' });
  for (const b of state.borders) {
    const path = styled('path', 'region', { d: geometryPath(b.geometry, proj.point) });
    path.appendChild(svg('title', {}, `border: ${b.properties.a} / ${b.properties.b}`));
    gBorders.appendChild(path);
  }
  map.appendChild(gBorders);
  state.frontEl = styled('path', 'front', { d: '' });
  map.appendChild(state.frontEl);
  map.appendChild(svg('g', { class: 'dots' }));
  map.appendChild(svg('g', { class: 'labels' }));
  map.appendChild(svg('g', { class: 'scalebar' }));
  layoutOverlays();
  new ResizeObserver(() => requestAnimationFrame(() => layoutOverlays())).observe(map);
}

/** Map units per screen pixel, from the map's current on-screen transform (0 when it is not displayed). */
function unitsPerPixel() {
  const ctm = $('map').getScreenCTM();
  return ctm && ctm.a > 0 ? 1 / ctm.a : 0;
}

/**
 * Lays out what is sized in screen pixels (settlement dots and labels, the scale bar) for the map's current
 * display size; runs on start, on every resize of the map, and when the selection changes.
 */
function layoutOverlays() {
  const u = unitsPerPixel();
  if (!u) return;
  const map = $('map');
  const scaleBox = drawScaleBar(u);
  placeLabels(u, [scaleBox]);
  // For tests: the width the overlays were laid out for.
  map.setAttribute('data-layout-width', String(Math.round(map.getBoundingClientRect().width)));
}

/** The scale bar: the longest round length (1, 2 or 5 x 10^k km) no longer than a quarter of the map's displayed width (60 to 160 px). */
function drawScaleBar(u) {
  const g = $('map').querySelector('g.scalebar');
  g.replaceChildren();
  const proj = state.project;
  const unitsPerKm = proj.scale / KM_PER_DEGREE;
  const pxPerKm = unitsPerKm / u;
  const displayed = proj.width / u;
  const maxPx = Math.max(60, Math.min(160, displayed / 4));
  const km = niceLength(maxPx / pxPerKm);
  const len = km * unitsPerKm;
  const x0 = 10 * u, y0 = proj.height - 12 * u, tick = 5 * u;
  const text = km >= 1 ? `${km} km` : `${Math.round(km * 1000)} m`;
  const label = styled('text', 'scaleText', { class: 'scalebar-label', x: (x0 + len + 6 * u).toFixed(2), y: (y0 + 4 * u).toFixed(2), 'font-size': (LABEL_PX * u).toFixed(3) }, text);
  g.setAttribute('data-km', String(km));
  g.append(styled('rect', 'scaleBack', { x: (x0 - 6 * u).toFixed(2), y: (y0 - 12 * u).toFixed(2), width: '0', height: (22 * u).toFixed(2) }));
  g.append(styled('line', 'scaleLine', { class: 'scalebar-bar', x1: x0.toFixed(3), x2: (x0 + len).toFixed(3), y1: y0.toFixed(2), y2: y0.toFixed(2) }));
  for (const x of [x0, x0 + len]) g.append(styled('line', 'scaleLine', { x1: x.toFixed(3), x2: x.toFixed(3), y1: (y0 - tick).toFixed(2), y2: y0.toFixed(2) }));
  g.append(label);
  const labelWidth = label.getBBox().width;
  const back = g.querySelector('rect');
  back.setAttribute('width', (len + labelWidth + 18 * u).toFixed(2));
  const b = back.getBBox();
  return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
}

/** The largest 1, 2 or 5 x 10^k not above max (max > 0). */
function niceLength(max) {
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [5, 2, 1]) if (m * p <= max * (1 + 1e-9)) return m * p;
  return p;
}

/**
 * Settlement labels, placed greedily by priority: the selected cell first, then by terrain (city, town, urban-type
 * settlement, village), then by name. Each label tries four places around its dot (right above, right below, left
 * above, left below) and takes the first whose box (1 px margin) stays inside the map and overlaps no label placed
 * before it, any settlement's dot or the scale bar; a label with no such place is not drawn.
 */
function placeLabels(u, obstacles) {
  const map = $('map');
  const proj = state.project;
  const dots = map.querySelector('g.dots');
  const labels = map.querySelector('g.labels');
  dots.replaceChildren();
  labels.replaceChildren();
  const named = state.cells.map((f, i) => ({ f, i })).filter(({ f }) => (f.properties.settlements || []).length > 0);
  const rank = ({ f, i }) => [i === state.selected ? 0 : 1, TERRAIN_RANK[f.properties.terrain] ?? 9];
  named.sort((a, b) => {
    const ra = rank(a), rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || a.f.properties.name.localeCompare(b.f.properties.name, 'en');
  });
  const placed = obstacles.slice();
  const pad = 1 * u;
  const r = 2.5 * u;
  for (const { f } of named) {
    const [x, y] = proj.point([f.properties.lon, f.properties.lat]);
    dots.appendChild(styled('circle', 'dot', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(2), 'data-id': f.properties.id }));
    placed.push({ x0: x - r - pad, y0: y - r - pad, x1: x + r + pad, y1: y + r + pad, dot: f.properties.id });
  }
  const fontSize = (LABEL_PX * u).toFixed(3);
  for (const { f, i } of named) {
    const [x, y] = proj.point([f.properties.lon, f.properties.lat]);
    const text = styled('text', 'label', { 'font-size': fontSize, 'stroke-width': (3 * u).toFixed(3), 'data-id': f.properties.id }, f.properties.name);
    if (i === state.selected) text.setAttribute('font-weight', 'bold');
    labels.appendChild(text);
    const w = text.getBBox().width;
    const spots = [[x + 4 * u, y - 4 * u, 'start'], [x + 4 * u, y + 13 * u, 'start'], [x - 4 * u, y - 4 * u, 'end'], [x - 4 * u, y + 13 * u, 'end']];
    let ok = false;
    for (const [tx, ty, anchor] of spots) {
      text.setAttribute('x', tx.toFixed(2));
      text.setAttribute('y', ty.toFixed(2));
      text.setAttribute('text-anchor', anchor);
      const b = text.getBBox();
      const box = { x0: b.x - pad, y0: b.y - pad, x1: b.x + b.width + pad, y1: b.y + b.height + pad };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > proj.width || box.y1 > proj.height || w <= 0) continue;
      if (placed.some((q) => q.dot !== f.properties.id && box.x0 < q.x1 && q.x0 < box.x1 && box.y0 < q.y1 && q.y0 < box.y1)) continue;
      placed.push(box);
      ok = true;
      break;
    }
    if (!ok) text.remove();
  }
  map.setAttribute('data-labels', `${labels.childElementCount}/${named.length}`);
}

function drawLegend() {
  const legend = $('legend');
  const first = state.run.sides[0];
  const second = state.run.sides[1] || { name: 'other', id: 'other' };
  const bar = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  for (let i = 0; i < 50; i++) bar.appendChild(svg('rect', { x: i * 2, y: 0, width: 2.2, height: 10, fill: colourFor(i / 49) }));
  const group = (...children) => { const g = el('span', { class: 'legend-item' }); g.append(...children); return g; };
  legend.append(group(el('span', {}, `${second.name} holds`), bar, el('span', {}, `${first.name} holds`)),
    group(el('span', { class: 'front-key', 'aria-hidden': 'true' }), el('span', {}, 'median front line')),
    group(el('span', { class: 'border-key', 'aria-hidden': 'true' }), el('span', {}, 'region border')));
}

function frontFor(day) {
  let best = null;
  for (const f of state.fronts) if (f.properties.day <= day && (!best || f.properties.day > best.properties.day)) best = f;
  return best;
}

function render(day) {
  state.day = day;
  const p = state.control.p[day];
  state.cellEls.forEach((shape, i) => shape.setAttribute('fill', colourFor(p[i])));
  const front = frontFor(day);
  state.frontEl.setAttribute('d', front ? geometryPath(front.geometry, state.project.point) : '');
  const iso = isoOfDay(day);
  $('date').textContent = iso;
  $('day').value = String(day);
  const held = state.run.sides.map((s) => {
    const band = state.summary.daily[`control.area_km2.${s.id}`];
    return band && band[day] ? `${s.name}: ${fmt(band[day].p50)} km² [${fmt(band[day].p05)}–${fmt(band[day].p95)}]` : null;
  }).filter(Boolean);
  $('held').textContent = held.length ? `Ground held on ${iso} (median [90%]): ${held.join('; ')}` : '';
  if (state.selected !== null) renderPanel();
  markCurrentClaims(iso);
  if (!state.timer) updateUrl();
}

// ------------------------------------------------------------------ play

function setPlaying(on) {
  const button = $('play');
  if (state.timer) { clearInterval(state.timer); state.timer = null; }
  button.setAttribute('aria-pressed', on ? 'true' : 'false');
  button.textContent = on ? 'Pause' : 'Play';
  if (!on) { if (state.control) updateUrl(); return; }
  const last = state.control.p.length - 1;
  if (state.day >= last) render(0);
  state.timer = setInterval(() => {
    if (state.day >= last) { setPlaying(false); return; }
    render(state.day + 1);
  }, 70);
}

// ------------------------------------------------------------------ selected settlement

function select(i) {
  const previous = state.selected !== null ? state.cellEls.get(state.selected) : null;
  if (previous) {
    previous.classList.remove('selected');
    for (const [k, v] of Object.entries(MAP_STYLE.cell)) previous.setAttribute(k, v);
  }
  state.selected = i;
  const shape = state.cellEls.get(i);
  shape.classList.add('selected');
  for (const [k, v] of Object.entries(MAP_STYLE.selected)) shape.setAttribute(k, v);
  shape.parentNode.appendChild(shape); // drawn last, so its outline is not covered by its neighbours
  renderPanel();
  layoutOverlays();
  updateUrl();
}

function renderPanel() {
  const f = state.cells[state.selected];
  const p = f.properties;
  $('sel-name').textContent = p.name === p.id ? p.id : p.name;
  const body = $('sel-body');
  body.replaceChildren();
  const first = state.run.sides[0];
  const prob = state.control.p[state.day][state.selected];
  body.append(
    el('p', { class: 'kv' }, `Cell ${p.id}, region ${p.region}, ${fmt(p.area_km2)} km²`),
    el('p', { class: 'kv' }, (p.settlements || []).length ? `Settlements: ${p.settlements.join(', ')}` : 'No named settlement'),
    el('p', { class: 'kv', id: 'sel-prob' }, `P(${first.name} holds) on ${isoOfDay(state.day)}: ${pct(prob)}`));
  body.append(el('h3', {}, `Probability ${first.name} holds it`), holdSparkline(state.selected));
  for (const side of state.run.sides) {
    // replications.csv names columns by docs/outputs.md's rule: capture.<cell>.<side> is capture_<cell>_<side>.
    const column = `capture.${p.id}.${side.id}`.replace(/[^A-Za-z0-9_]/g, '_');
    body.append(el('h3', {}, `Captured by ${side.name}`));
    if (!state.reps || !state.reps.has(column)) {
      body.append(el('p', { class: 'hint' }, 'Not recorded for this cell (capture dates are recorded for settlements).'));
      continue;
    }
    body.append(...captureHistogram(state.reps.get(column), side));
  }
  const placeClaims = state.claims.filter((c) => c.metric.startsWith('event.capture.') &&
    (p.settlements || []).concat([p.id]).some((s) => c.metric.startsWith(`event.capture.${s}.`)));
  if (placeClaims.length) {
    body.append(el('h3', {}, 'Claims'));
    const ul = el('ul');
    for (const c of placeClaims) ul.append(el('li', {}, `${c.value} (${c.reliability}): ${c.claimant}`));
    body.append(ul);
  }
}

function holdSparkline(i) {
  const w = 300, h = 60;
  const s = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': 'probability over time' });
  const days = state.control.p.length;
  const pts = state.control.p.map((row, d) => `${((d / Math.max(1, days - 1)) * w).toFixed(1)},${(h - 4 - row[i] * (h - 8)).toFixed(1)}`);
  s.append(svg('line', { x1: 0, x2: w, y1: h / 2, y2: h / 2, stroke: '#ccc', 'stroke-dasharray': '2 2' }));
  s.append(svg('polyline', { points: pts.join(' '), fill: 'none', stroke: state.run.sides[0].colour, 'stroke-width': 1.6 }));
  const x = (state.day / Math.max(1, days - 1)) * w;
  s.append(svg('line', { class: 'now', x1: x, x2: x, y1: 0, y2: h }));
  return s;
}

function captureHistogram(values, side) {
  const dates = values.filter((v) => v).map(dayIndex).sort((a, b) => a - b);
  const n = values.length;
  if (!dates.length) return [el('p', { class: 'hint' }, `Never, in ${n} replications.`)];
  const q = (t) => dates[Math.min(dates.length - 1, Math.max(0, Math.round(t * (dates.length - 1))))];
  const text = el('p', { class: 'kv' },
    `${pct(dates.length / n)} of replications; median ${isoOfDay(q(0.5))} [${isoOfDay(q(0.05))} – ${isoOfDay(q(0.95))}]`);
  const days = state.control.p.length;
  const weeks = Math.ceil(days / 7);
  const counts = new Array(weeks).fill(0);
  for (const d of dates) counts[Math.min(weeks - 1, Math.floor(d / 7))]++;
  const max = Math.max(...counts);
  const w = 300, h = 70, bw = w / weeks;
  const s = svg('svg', { viewBox: `0 0 ${w} ${h + 12}`, role: 'img', 'aria-label': `capture dates by ${side.name}, per week` });
  counts.forEach((c, k) => {
    if (!c) return;
    const bh = (c / max) * (h - 4);
    s.append(svg('rect', { class: 'bar', x: (k * bw).toFixed(2), y: (h - bh).toFixed(2), width: Math.max(1, bw - 0.6).toFixed(2), height: bh.toFixed(2), fill: side.colour }));
  });
  s.append(svg('line', { x1: 0, x2: w, y1: h, y2: h, stroke: '#999' }));
  const x = (state.day / Math.max(1, days - 1)) * w;
  s.append(svg('line', { class: 'now', x1: x, x2: x, y1: 0, y2: h }));
  s.append(svg('text', { class: 'axis', x: 0, y: h + 10 }, state.run.start));
  s.append(svg('text', { class: 'axis', x: w, y: h + 10, 'text-anchor': 'end' }, state.run.end));
  return [text, s];
}

// ------------------------------------------------------------------ charts and claims

function drawCharts(list) {
  const box = $('charts');
  if (!list.charts.length) box.append(el('p', { class: 'hint' }, 'No charts for this run.'));
  for (const c of list.charts) {
    const fig = el('figure', { id: `chart-${c.id}` });
    fig.append(el('img', { src: c.url, alt: c.title, loading: 'lazy' }), el('figcaption', {}, c.caption));
    box.append(fig);
  }
  if (list.omitted.length) {
    const ul = el('ul', { class: 'hint' });
    for (const o of list.omitted) ul.append(el('li', {}, o));
    box.after(ul);
  }
  $('report-link').hidden = !list.report;
}

function claimValue(c) {
  if (c.low !== null && c.high !== null) {
    const v = c.low === c.high ? fmt(c.low) : `${fmt(c.low)}–${fmt(c.high)}`;
    return c.unit && !c.unit.startsWith('date') ? `${v} ${c.unit}` : v;
  }
  return c.value;
}

function modelText(c) {
  if (c.p50 !== null) return `${fmt(c.p50)} [${fmt(c.p05)}–${fmt(c.p95)}]`;
  // A capture that happened in fewer than 95% (50%, 5%) of replications has no 95th (50th, 5th) percentile date: "never".
  if (c.probability !== null) return c.probability <= 0 ? 'never' : `${pct(c.probability)}: ${c.date_p50 ?? 'never'} [${c.date_p05 ?? 'never'}–${c.date_p95 ?? 'never'}]`;
  return c.note || '–';
}

function fitText(c) {
  const dated = c.low === null;
  return { inside: 'within', below: dated ? 'earlier' : 'below', above: dated ? 'later' : 'above', never: 'model: never' }[c.fit] || '–';
}

const CLAIM_COLUMNS = ['as of', 'metric', 'claim', 'grade', 'claimant', 'model median [90%]', 'claim vs model'];

function drawClaims() {
  const tbody = document.querySelector('#claims tbody');
  tbody.replaceChildren();
  const all = $('all-claims').checked;
  const rows = state.claims.filter((c) => all || c.compared);
  if (!rows.length) {
    const tr = el('tr');
    tr.append(el('td', { colspan: '7' }, state.claims.length ? 'No claim can be compared with this run.' : 'This run has no evidence ledger.'));
    tbody.append(tr);
    return;
  }
  for (const c of rows) {
    const tr = el('tr', { 'data-date': c.date || '' });
    const grade = el('span', { class: `grade g${(c.reliability[0] || '').toLowerCase()}` }, c.reliability || '–');
    const gradeCell = el('td');
    gradeCell.append(grade);
    const metric = el('td');
    metric.append(el('code', {}, c.metric));
    tr.append(el('td', {}, c.date || c.as_of), metric, el('td', { title: c.statement }, claimValue(c)), gradeCell,
      el('td', {}, c.claimant), el('td', {}, c.compared ? modelText(c) : c.note), el('td', { class: `fit-${c.fit}` }, c.compared ? fitText(c) : '–'));
    // Each cell carries its column's name, which a narrow screen shows beside it (app.css: one card per row).
    [...tr.children].forEach((td, k) => td.setAttribute('data-label', CLAIM_COLUMNS[k]));
    if (c.date) {
      const d = dayIndex(c.date);
      if (d >= 0 && d < state.control.p.length) {
        tr.classList.add('dated');
        tr.addEventListener('click', () => { setPlaying(false); render(d); $('map').scrollIntoView({ block: 'nearest' }); });
      }
    }
    tbody.append(tr);
  }
  markCurrentClaims(isoOfDay(state.day));
}

function markCurrentClaims(iso) {
  const day = dayIndex(iso);
  document.querySelectorAll('#claims tbody tr').forEach((tr) => {
    const d = tr.getAttribute('data-date');
    tr.classList.toggle('current', !!d && Math.abs(dayIndex(d) - day) <= 3);
  });
}

// ------------------------------------------------------------------ deep links

/**
 * Reads ?day= and ?cell= (docs/viewer.md, "Links"). day: a date of the run's calendar (YYYY-MM-DD) or a day index
 * (0 is the first day); cell: a cell id, a cell name or a settlement id, case-insensitive. Returns the day and the
 * cell index to open on, and the problems found, each a sentence for the page; a bad value falls back to day 0 or
 * no selection.
 */
function parseLink(search) {
  const params = new URLSearchParams(search);
  const days = state.control.p.length;
  const problems = [];
  let day = 0, cell = null;
  const range = `${state.run.start} (day 0) to ${isoOfDay(days - 1)} (day ${days - 1})`;
  if (params.has('day')) {
    const raw = params.get('day').trim();
    if (/^\d+$/.test(raw)) {
      const d = Number(raw);
      if (d < days) day = d;
      else problems.push(`day=${raw} is past the last day of this run: days run from ${range}. Showing day 0.`);
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
      const t = parseDate(raw);
      if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== raw) {
        problems.push(`day=${raw} is not a calendar date. Showing day 0 (${state.run.start}).`);
      } else {
        const d = dayIndex(raw);
        if (d >= 0 && d < days) day = d;
        else problems.push(`day=${raw} is outside this run's calendar, ${range}. Showing day 0.`);
      }
    } else {
      problems.push(`day=${raw} is neither a date (YYYY-MM-DD) nor a day number (0 to ${days - 1}). Showing day 0 (${state.run.start}).`);
    }
  }
  if (params.has('cell')) {
    const raw = params.get('cell').trim();
    const key = raw.toLowerCase();
    const match = (test) => state.cells.findIndex((f) => test(f.properties));
    let i = match((p) => String(p.id).toLowerCase() === key);
    if (i < 0) i = match((p) => String(p.name).toLowerCase() === key);
    if (i < 0) i = match((p) => (p.settlements || []).some((x) => String(x).toLowerCase() === key));
    if (i >= 0) cell = i;
    else problems.push(`cell=${raw} matches no cell id, cell name or settlement of this run. No cell is selected.`);
  }
  return { day, cell, problems };
}

function showNotice(problems) {
  const box = $('notice');
  box.textContent = problems.length ? `This link could not be followed in full: ${problems.join(' ')}` : '';
  box.hidden = problems.length === 0;
}

/** Writes the day and the selected cell into the address (history.replaceState), so it can be copied. */
function updateUrl() {
  if (!state.control) return;
  const params = new URLSearchParams(window.location.search);
  params.set('day', isoOfDay(state.day));
  if (state.selected !== null) params.set('cell', state.cells[state.selected].properties.id);
  else params.delete('cell');
  const url = `${window.location.pathname}?${params.toString()}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) history.replaceState(null, '', url);
}

// ------------------------------------------------------------------ export

/** The file name of an export: the scenario (and variant), the day shown, the extension. */
function exportName(ext) {
  const base = `${state.run.scenario}${state.run.variant ? `-${state.run.variant}` : ''}-${isoOfDay(state.day)}`;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}.${ext}`;
}

let measureCtx = null;
function textWidth(text, px, weight) {
  measureCtx = measureCtx || document.createElement('canvas').getContext('2d');
  measureCtx.font = `${weight || 'normal'} ${px}px ${FONT}`;
  return measureCtx.measureText(text).width;
}

/** Splits text into lines no wider than max (a word longer than max gets a line of its own). */
function wrapLines(text, px, max, weight) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, px, weight) > max) { lines.push(line); line = word; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The map as a standalone SVG document at its displayed size: a title with the run and the date, the live map's
 * own drawing (a copy of its elements, which carry their style as attributes), and the legend. Returns the text and
 * the size in CSS pixels.
 */
function exportSvg() {
  const map = $('map');
  const rect = map.getBoundingClientRect();
  const width = Math.round(rect.width), mapHeight = Math.round(rect.height);
  const first = state.run.sides[0];
  const second = state.run.sides[1] || { name: 'other', id: 'other' };
  // Legend items in reading order; rows wrap at the width.
  const items = [
    { kind: 'text', text: `${second.name} holds` }, { kind: 'ramp', w: 120 }, { kind: 'text', text: `${first.name} holds` },
    { kind: 'key', style: 'front' }, { kind: 'text', text: 'median front line' },
    { kind: 'key', style: 'region' }, { kind: 'text', text: 'region border' },
  ];
  const groups = [[items[0], items[1], items[2]], [items[3], items[4]], [items[5], items[6]]];
  const itemWidth = (it) => (it.kind === 'text' ? textWidth(it.text, 12) : it.kind === 'ramp' ? it.w : 24);
  const groupWidth = (g) => g.reduce((a, it) => a + itemWidth(it), 0) + 6 * (g.length - 1);
  const rows = [[]];
  let x = 10;
  for (const g of groups) {
    const w = groupWidth(g);
    if (rows[rows.length - 1].length && x + w > width - 10) { rows.push([]); x = 10; }
    rows[rows.length - 1].push({ g, x });
    x += w + 16;
  }
  // The title and the date line, wrapped to the width.
  const titleLines = wrapLines(state.run.title, 15, width - 20, 'bold');
  const dateLines = wrapLines(`${isoOfDay(state.day)} (day ${state.day}): share of ${state.run.replications} replications (seed ${state.run.seed}) in which each side holds each cell`, 12, width - 20);
  const top = 10 + titleLines.length * 19 + dateLines.length * 16 + 6, rowH = 20, bottom = rows.length * rowH + 10;
  const height = top + mapHeight + bottom;
  const doc = svg('svg', { width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, 'font-family': FONT });
  doc.append(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  let ty = 10;
  for (const line of titleLines) { ty += 19; doc.append(svg('text', { class: 'export-title', x: 10, y: ty - 4, 'font-size': 15, 'font-weight': 'bold', fill: '#1c1c1c' }, line)); }
  for (const line of dateLines) { ty += 16; doc.append(svg('text', { class: 'export-date', x: 10, y: ty - 3, 'font-size': 12, fill: '#5a5a5a' }, line)); }
  const inner = map.cloneNode(true);
  inner.removeAttribute('id');
  inner.removeAttribute('class');
  inner.removeAttribute('style');
  inner.removeAttribute('role');
  for (const a of ['x', 'y', 'width', 'height']) inner.setAttribute(a, String({ x: 0, y: top, width, height: mapHeight }[a]));
  inner.querySelectorAll('[tabindex]').forEach((e) => e.removeAttribute('tabindex'));
  doc.append(inner);
  const legend = svg('g', { class: 'legend', 'font-size': 12, fill: '#5a5a5a' });
  rows.forEach((row, r) => {
    const y = top + mapHeight + 6 + r * rowH + 10;
    for (const { g, x: gx } of row) {
      let cx = gx;
      for (const it of g) {
        if (it.kind === 'text') legend.append(svg('text', { x: cx.toFixed(1), y: (y + 4).toFixed(1) }, it.text));
        else if (it.kind === 'ramp') {
          for (let k = 0; k < 40; k++) legend.append(svg('rect', { x: (cx + k * it.w / 40).toFixed(2), y: y - 6, width: (it.w / 40 + 0.3).toFixed(2), height: 12, fill: colourFor(k / 39) }));
        } else {
          legend.append(svg('line', Object.assign({}, MAP_STYLE[it.style], { x1: cx, x2: cx + 24, y1: y, y2: y })));
        }
        cx += itemWidth(it) + 6;
      }
    }
  });
  doc.append(legend);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
  return { text, width, height };
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function downloadSvg() {
  setPlaying(false);
  download(new Blob([exportSvg().text], { type: 'image/svg+xml' }), exportName('svg'));
}

/** The SVG export rasterised at the displayed size times devicePixelRatio (the CSP allows blob: images for this). */
async function downloadPng() {
  setPlaying(false);
  const { text, width, height } = exportSvg();
  const ratio = window.devicePixelRatio || 1;
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
    download(blob, exportName('png'));
  } catch (e) {
    showError(`The PNG export failed: ${e.message}`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// ------------------------------------------------------------------ CSV

function parseCsvColumns(text) {
  const lines = text.split('\n').filter((l) => l.length);
  if (!lines.length) return new Map();
  const names = lines[0].split(',');
  const cols = names.map(() => []);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    for (let i = 0; i < names.length; i++) cols[i].push(cells[i] || '');
  }
  return new Map(names.map((n, i) => [n, cols[i]]));
}

// ------------------------------------------------------------------ start

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
}

async function main() {
  let run;
  try {
    run = await fetchJson('/files/run.json');
  } catch (e) {
    showError('This folder has no viewer data (run.json, cells.geojson, control.json). Re-run it with the current `salient run`.');
    return;
  }
  state.run = run;
  $('title').textContent = run.title;
  document.title = `${run.title} — Salient viewer`;
  $('meta').textContent = `${run.scenario}${run.variant ? ` (variant ${run.variant})` : ''}: ${run.start} to ${run.end}, ${run.replications.toLocaleString('en-GB')} replications, seed ${run.seed}. Cells are coloured by the share of replications in which each side holds them.`;
  const [cells, control, front, borders, summary, csv, claims, charts] = await Promise.all([
    fetchJson('/files/cells.geojson'), fetchJson('/files/control.json'), fetchJson('/files/front.geojson'), fetchJson('/files/borders.geojson'),
    fetchJson('/files/summary.json'), fetchText('/files/replications.csv'), fetchJson('/api/claims'), fetchJson('/api/charts'),
  ]);
  state.cells = cells.features;
  state.control = control;
  state.fronts = front.features;
  state.borders = borders.features;
  state.summary = summary;
  state.reps = parseCsvColumns(csv);
  state.claims = claims;
  if (control.cells.length !== state.cells.length) throw new Error('control.json and cells.geojson disagree on the cells');

  const slider = $('day');
  slider.max = String(control.p.length - 1);
  slider.addEventListener('input', () => { render(Number(slider.value)); });
  $('play').addEventListener('click', () => setPlaying(!state.timer));
  $('all-claims').addEventListener('change', drawClaims);
  $('export-svg').addEventListener('click', downloadSvg);
  $('export-png').addEventListener('click', () => { downloadPng(); });

  drawMap();
  drawLegend();
  drawClaims();
  drawCharts(charts);
  const link = parseLink(window.location.search);
  showNotice(link.problems);
  render(link.day);
  if (link.cell !== null) select(link.cell);
  updateUrl();
  document.body.setAttribute('data-ready', 'true');
}

document.addEventListener('DOMContentLoaded', () => {
  main().catch((e) => { showError(`The viewer could not load this run: ${e.message}`); console.error(e); });
});
