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

function drawMap() {
  const map = $('map');
  const features = state.cells;
  const proj = makeProjection(features);
  state.project = proj;
  map.setAttribute('viewBox', `0 0 ${proj.width.toFixed(0)} ${proj.height.toFixed(0)}`);
  const gCells = svg('g', { class: 'cells' });
  const pointRadius = Math.max(6, Math.min(18, proj.width / Math.max(8, features.length) / 2));
  features.forEach((f, i) => {
    const p = f.properties;
    let shape;
    if (f.geometry && f.geometry.type === 'Point') {
      const [x, y] = proj.point(f.geometry.coordinates);
      shape = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: pointRadius.toFixed(1) });
    } else {
      shape = svg('path', { d: geometryPath(f.geometry, proj.point), 'fill-rule': 'evenodd' });
    }
    shape.setAttribute('class', 'cell');
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
    const path = svg('path', { class: 'region', d: geometryPath(b.geometry, proj.point) });
    path.appendChild(svg('title', {}, `border: ${b.properties.a} / ${b.properties.b}`));
    gBorders.appendChild(path);
  }
  map.appendChild(gBorders);
  state.frontEl = svg('path', { class: 'front', d: '' });
  map.appendChild(state.frontEl);
  const gLabels = svg('g', { class: 'labels' });
  features.filter((f) => (f.properties.settlements || []).length > 0).slice(0, 80).forEach((f) => {
    const [x, y] = proj.point([f.properties.lon, f.properties.lat]);
    gLabels.appendChild(svg('circle', { class: 'dot', cx: x.toFixed(1), cy: y.toFixed(1), r: '2.2' }));
    gLabels.appendChild(svg('text', { class: 'label', x: (x + 4).toFixed(1), y: (y - 3).toFixed(1) }, f.properties.name));
  });
  map.appendChild(gLabels);
}

function drawLegend() {
  const legend = $('legend');
  const first = state.run.sides[0];
  const second = state.run.sides[1] || { name: 'other', id: 'other' };
  const bar = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  for (let i = 0; i < 50; i++) bar.appendChild(svg('rect', { x: i * 2, y: 0, width: 2.2, height: 10, fill: colourFor(i / 49) }));
  legend.append(el('span', {}, `${second.name} holds`), bar, el('span', {}, `${first.name} holds`),
    el('span', { class: 'front-key', 'aria-hidden': 'true' }), el('span', {}, 'median front line'),
    el('span', { class: 'border-key', 'aria-hidden': 'true' }), el('span', {}, 'region border'));
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
}

// ------------------------------------------------------------------ play

function setPlaying(on) {
  const button = $('play');
  if (state.timer) { clearInterval(state.timer); state.timer = null; }
  button.setAttribute('aria-pressed', on ? 'true' : 'false');
  button.textContent = on ? 'Pause' : 'Play';
  if (!on) return;
  const last = state.control.p.length - 1;
  if (state.day >= last) render(0);
  state.timer = setInterval(() => {
    if (state.day >= last) { setPlaying(false); return; }
    render(state.day + 1);
  }, 70);
}

// ------------------------------------------------------------------ selected settlement

function select(i) {
  if (state.selected !== null && state.cellEls.get(state.selected)) state.cellEls.get(state.selected).classList.remove('selected');
  state.selected = i;
  state.cellEls.get(i).classList.add('selected');
  renderPanel();
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
  if (c.probability !== null) return c.probability <= 0 ? 'never' : `${pct(c.probability)}: ${c.date_p50} [${c.date_p05}–${c.date_p95}]`;
  return c.note || '–';
}

function fitText(c) {
  const dated = c.low === null;
  return { inside: 'within', below: dated ? 'earlier' : 'below', above: dated ? 'later' : 'above', never: 'model: never' }[c.fit] || '–';
}

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

  drawMap();
  drawLegend();
  drawClaims();
  drawCharts(charts);
  render(0);
  document.body.setAttribute('data-ready', 'true');
}

document.addEventListener('DOMContentLoaded', () => {
  main().catch((e) => { showError(`The viewer could not load this run: ${e.message}`); console.error(e); });
});
