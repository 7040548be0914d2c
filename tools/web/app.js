// claimgraph's web page: the conflicts side by side, a figure's trace drawn as a graph, a
// source's text with its claims and figures. Plain JS over the JSON API (/api/<command>); every
// text from the store goes into the page as text (textContent), never as markup.
'use strict';

const view = document.getElementById('view');
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

// An element with attributes and children; strings become text nodes.
function el(tag, attrs, ...children) {
  const svg = ['svg', 'g', 'rect', 'line', 'path', 'text', 'title', 'a'].includes(tag) && attrs && attrs.svg;
  const e = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'svg' || v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

const link = (href, text, attrs = {}) => el('a', { href, ...attrs }, text);
const figureHref = (id) => '#/figure/' + encodeURIComponent(id);
const sourceHref = (id) => '#/source/' + encodeURIComponent(id);
const conflictHref = (id) => '#/conflict/' + encodeURIComponent(id);

async function api(command, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined && v !== null && v !== false) q.set(k, v);
  const res = await fetch('/api/' + command + (q.toString() ? '?' + q : ''));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return { body, note: res.headers.get('X-Claimgraph-Note') || '' };
}

const cache = new Map();
function node(id) {
  if (!cache.has(id)) cache.set(id, api('show', { id }).then((r) => r.body.node));
  return cache.get(id);
}

// Bytes [b, e) of `text` (offsets are UTF-8 bytes) as a string.
function cut(bytes, b, e) { return fromUtf8.decode(bytes.subarray(b, e)); }

// A sentence with the figure's bytes marked and linked to its trace.
function sentence(claim, figureSpan, figureId) {
  const text = claim.text;
  const bytes = utf8.encode(text);
  const base = claim.span[0];
  if (!figureSpan || figureSpan[0] < base || figureSpan[1] - base > bytes.length) return el('p', { class: 'sentence' }, text);
  const b = figureSpan[0] - base, e = figureSpan[1] - base;
  return el('p', { class: 'sentence' }, cut(bytes, 0, b),
            el('mark', {}, figureId ? link(figureHref(figureId), cut(bytes, b, e), { title: 'trace this figure' }) : cut(bytes, b, e)),
            cut(bytes, e, bytes.length));
}

function sourceLine(s) {
  const parts = [s.outlet || s.file, s.date || 'date unknown'];
  return el('span', {}, link(sourceHref(s.id), parts.join(', ')), s.title ? ' — ' + s.title : '');
}

async function reference(id) {
  const r = await node(id);
  const title = r.title || r.raw;
  const original = r.title_original && r.title_original !== title ? ' (' + r.title_original + ')' : '';
  const who = (r.authors || []).join(', ');
  return el('div', { class: 'cites' }, 'Cites: ', who ? who + ', ' : '', el('cite', {}, title), original, r.date ? ', ' + r.date : '');
}

// An editor's verdict in force: "preferred by Jane Roe, 2026-12-01T10:00:00Z: the reason".
function verdictLine(v) {
  if (!v) return null;
  return el('div', { class: 'verdict ' + v.rank }, el('span', { class: 'badge ' + v.rank }, v.rank),
    'by ', el('strong', {}, v.by), ', ' + v.at + (v.reason ? ': ' + v.reason : ''));
}

async function item(it) {
  const claim = await node(it.claim_id);
  const refs = await Promise.all((it.cites || []).map(reference));
  return el('div', { class: 'item' },
    it.stance ? el('span', { class: 'badge' }, it.stance) : null,
    sentence(claim, it.figure_id ? it.span : null, it.figure_id),
    el('div', { class: 'who' }, 'Said by ', el('strong', {}, it.claimant), ' · ', sourceLine(it.source)),
    verdictLine(it.verdict),
    refs);
}

async function conflictCard(c, agree) {
  const sides = await Promise.all(c.sides.map(async (s) =>
    el('section', { class: 'side' + (agree ? ' agree' : '') }, el('h3', {}, s.label), await Promise.all(s.items.map(item)))));
  return el('article', { class: 'conflict', id: c.id },
    el('h2', {}, link(conflictHref(c.id), c.topic)),
    el('div', { class: 'meta' }, el('span', { class: 'badge' }, c.kind),
      c.resolved ? el('span', { class: 'badge resolved' }, 'resolved by an editor') : null,
      'confidence ' + Math.round(c.confidence * 100) + '%'),
    el('p', { class: 'why' }, c.explanation),
    el('div', { class: 'sides' }, sides));
}

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query] = h.split('?');
  const [route, ...rest] = path.split('/');
  return { route: route || 'conflicts', arg: rest.length ? decodeURIComponent(rest.join('/')) : '', params: new URLSearchParams(query || '') };
}

async function conflictsView(params, only) {
  const sources = (await api('sources')).body;
  const form = el('form', { class: 'filters', role: 'search' },
    el('label', {}, 'Kind', el('select', { name: 'kind' }, ['', 'figure', 'stance'].map((k) =>
      el('option', { value: k, selected: params.get('kind') === k ? 'selected' : null }, k || 'both')))),
    el('label', {}, 'Measure', el('input', { name: 'measure', value: params.get('measure') || '', placeholder: 'workers' })),
    el('label', {}, 'Actor', el('input', { name: 'actor', value: params.get('actor') || '', placeholder: 'ministry' })),
    el('label', {}, 'Source', el('select', { name: 'source' }, el('option', { value: '' }, 'any'),
      sources.map((s) => el('option', { value: s.id, selected: params.get('source') === s.id ? 'selected' : null }, s.id)))),
    el('label', {}, 'Without a time', el('select', { name: 'include-undated' },
      el('option', { value: '' }, 'hidden'), el('option', { value: 'true', selected: params.get('include-undated') ? 'selected' : null }, 'shown'))),
    el('label', {}, 'Decided by an editor', el('select', { name: 'unresolved' },
      el('option', { value: '' }, 'shown'), el('option', { value: 'true', selected: params.get('unresolved') ? 'selected' : null }, 'hidden'))),
    el('label', {}, 'Verdicts as of', el('input', { name: 'as-of', type: 'date', value: params.get('as-of') || '' })),
    el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, v);
    location.hash = '#/conflicts' + (q.toString() ? '?' + q : '');
  });
  const query = Object.fromEntries(['kind', 'measure', 'actor', 'source', 'include-undated', 'unresolved', 'as-of'].map((k) => [k, params.get(k) || '']));
  if (only) query['include-undated'] = 'true';
  const { body, note } = await api('conflicts', query);
  const shown = only ? body.filter((c) => c.id === only) : body;
  const cards = await Promise.all(shown.map((c) => conflictCard(c, false)));
  return [el('h1', {}, only ? 'Conflict' : 'Where the sources disagree'), only ? null : form,
          shown.length ? cards : el('p', { class: 'muted' }, only ? 'No conflict has this id.' : 'No conflict.'),
          note ? el('p', { class: 'muted' }, note) : null];
}

async function sourcesView() {
  const list = (await api('sources')).body;
  return [el('h1', {}, 'Sources'), el('table', { class: 'list' },
    el('tr', {}, el('th', {}, 'Source'), el('th', {}, 'Outlet'), el('th', {}, 'Date'), el('th', {}, 'Title'), el('th', {}, 'Claims'), el('th', {}, 'Figures')),
    list.map((s) => el('tr', {}, el('td', {}, link(sourceHref(s.id), s.id)), el('td', {}, s.outlet || ''),
      el('td', {}, s.date || 'unknown'), el('td', {}, s.title || ''), el('td', {}, String(s.claims ?? '')), el('td', {}, String(s.figures ?? '')))))];
}

// The source's text, its claims underlined and its figures marked, each linked.
async function sourceView(id) {
  const src = await node(id);
  const figures = (await api('figures', { source: id })).body;
  const claims = (await api('claims', { source: id })).body;
  const bytes = utf8.encode(src.text);
  const marks = [];
  for (const c of claims) marks.push({ b: c.span[0], e: c.span[1], kind: 'claim', id: c.id });
  for (const f of figures) marks.push({ b: f.span[0], e: f.span[1], kind: 'figure', id: f.id });
  const cuts = new Set([0, bytes.length]);
  for (const m of marks) { cuts.add(m.b); cuts.add(m.e); }
  const points = [...cuts].filter((x) => x >= 0 && x <= bytes.length).sort((a, b) => a - b);
  const body = el('div', { class: 'sourcetext' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [b, e] = [points[i], points[i + 1]];
    let piece = document.createTextNode(cut(bytes, b, e));
    const fig = figures.find((f) => f.span[0] <= b && e <= f.span[1]);
    if (fig) piece = el('mark', {}, link(figureHref(fig.id), piece.textContent, { title: fig.measure }));
    const claim = claims.find((c) => c.span[0] <= b && e <= c.span[1]);
    body.appendChild(claim ? el('span', { class: 'claim', 'data-claim': claim.id }, piece) : piece);
  }
  return [el('h1', {}, src.title || src.file),
          el('p', { class: 'muted' }, [src.outlet, (src.authors || []).join(', '), src.date || 'date unknown', src.format].filter(Boolean).join(' · ')),
          el('p', { class: 'muted' }, figures.length + ' figures, ' + claims.length + ' claims'), body];
}

// A figure's trace as a graph: figure → sentence → claimant → source → cited works, and the
// figures related to it, each edge marked by how they relate.
async function figureView(id) {
  const t = (await api('trace', { query: id })).body;
  const cols = [
    [{ label: t.figure.text, sub: t.figure.measure, href: figureHref(t.figure.id), kind: 'figure' }],
    [{ label: t.claim.text, sub: t.claim.id }],
    [{ label: t.claimant, sub: 'claimant' }],
    [{ label: (t.source.outlet || t.source.file), sub: t.source.date || 'date unknown', href: sourceHref(t.source.id) }],
    t.references.map((r) => ({ label: (r.title || r.raw) + (r.title_original && r.title_original !== r.title ? ' (' + r.title_original + ')' : ''), sub: r.kind + (r.date ? ', ' + r.date : '') })),
    t.related.map((r) => ({ label: r.figure.text + ' · ' + (r.figure.source.outlet || r.figure.source.id), sub: r.relation.replaceAll('_', ' '), href: figureHref(r.figure.id), relation: r.relation })),
  ];
  const W = 190, H = 52, GX = 40, GY = 14, X0 = 10, Y0 = 30;
  const rows = Math.max(1, ...cols.map((c) => c.length));
  const width = X0 * 2 + cols.length * W + (cols.length - 1) * GX;
  const height = Y0 + rows * (H + GY) + 10;
  const svg = el('svg', { svg: true, xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'trace of ' + t.figure.text });
  const heads = ['figure', 'sentence', 'claimant', 'source', 'cited works', 'related figures'];
  const pos = (ci, ri) => [X0 + ci * (W + GX), Y0 + ri * (H + GY)];
  heads.forEach((h, ci) => svg.appendChild(el('text', { svg: true, x: pos(ci, 0)[0], y: 16, class: 'label' }, h)));
  const short = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  cols.forEach((col, ci) => col.forEach((n, ri) => {
    const [x, y] = pos(ci, ri);
    if (ci > 0) {
      const from = ci === 5 ? pos(0, 0) : pos(ci - 1, 0);
      const fx = ci === 5 ? from[0] + W / 2 : from[0] + W;
      const fy = ci === 5 ? from[1] + H : from[1] + H / 2;
      svg.appendChild(el('path', { svg: true, class: 'edge ' + (n.relation || ''), d: `M${fx},${fy} C${fx + 30},${fy} ${x - 30},${y + H / 2} ${x},${y + H / 2}` }));
    }
    const box = el('g', { svg: true, class: 'node ' + (n.kind || '') },
      el('title', { svg: true }, n.label),
      el('rect', { svg: true, x, y, width: W, height: H, rx: 5 }),
      el('text', { svg: true, x: x + 8, y: y + 20 }, short(n.label, 27)),
      el('text', { svg: true, x: x + 8, y: y + 38, class: 'label' }, short(n.sub || '', 30)));
    svg.appendChild(n.href ? el('a', { svg: true, href: n.href }, box) : box);
  }));
  const claim = await node(t.claim.id);
  return [el('h1', {}, 'Where “' + t.figure.text + '” comes from'),
          sentence(claim, t.figure.span, null),
          el('p', { class: 'muted' }, 'Measure ' + t.figure.measure + ' · place ' + (t.figure.place || 'unknown') + ' · claimant ' + t.claimant),
          verdictLine(t.figure.verdict),
          el('div', { class: 'trace' }, svg),
          el('h2', {}, 'Related figures'),
          t.related.length ? el('ul', {}, t.related.map((r) => el('li', {}, el('span', { class: 'badge ' + r.relation }, r.relation.replaceAll('_', ' ')),
            link(figureHref(r.figure.id), r.figure.text), ' — ', r.figure.source.outlet || r.figure.source.id))) : el('p', { class: 'muted' }, 'No other figure of this measure.')];
}

async function render() {
  const { route, arg, params } = parseHash();
  view.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    let parts;
    if (route === 'figure') parts = await figureView(arg);
    else if (route === 'source') parts = await sourceView(arg);
    else if (route === 'sources') parts = await sourcesView();
    else if (route === 'conflict') parts = await conflictsView(params, arg);
    else parts = await conflictsView(params, null);
    view.replaceChildren(...parts.flat().filter(Boolean));
    document.title = 'claimgraph — ' + (view.querySelector('h1') || {}).textContent;
  } catch (err) {
    view.replaceChildren(el('p', { class: 'error' }, 'Error: ' + err.message));
  }
  view.dataset.ready = 'true';
}

window.addEventListener('hashchange', render);
render();
