// The search page's controller: state → _search body → gateway → grid, facet, map and identification.
import { fileToBase64, search, thumbUrl } from './api.js';
import { renderDetail } from './detail.js';
import { esc, geoPoint, localTime, pct } from './format.js';
import { describeSelection, TrekMap } from './map.js';
import { catalogBody, mapPointsBody, searchBody } from './query.js';

const $ = (sel) => document.querySelector(sel);
const app = $('#app');
const PHOTOS = app.dataset.photosIndex;
const CATALOG = app.dataset.catalogIndex;
// Until an album has been indexed (or the catalog built), the page shows what is missing instead of searching an index that does not exist.
const PHOTOS_READY = app.dataset.photosReady === 'true';
const CATALOG_READY = app.dataset.catalogReady === 'true';

const state = {
  text: '', image: null, imageMode: 'same_peak', similarTo: null,
  peaks: new Set(), geo: null, from: '', to: '', sort: 'relevance', viewpoint: null,
};
let catalog = [];
let facetBuckets = [];
let hits = [];
let inflight = null;

const peakName = (id) => catalog.find((p) => p.id === id)?.name ?? id;
const map = new TrekMap($('#map'), { onSelect: (geo) => { state.geo = geo; run(); } });

async function loadContext() {
  const none = Promise.reject(new Error('not ready'));
  none.catch(() => {});
  const [peaks, points] = await Promise.allSettled([
    CATALOG_READY ? search(CATALOG, catalogBody()) : none,
    PHOTOS_READY ? search(PHOTOS, mapPointsBody()) : none,
  ]);
  if (peaks.status === 'fulfilled') {
    catalog = peaks.value.hits.hits.map((h) => h._source).map((s) => ({
      id: s.id, name: s.display_name ?? s.names?.[0] ?? s.id, names: s.names ?? [], elev: s.elev_m, ...geoPoint(s.latlon),
      references: s.album_references ?? [], negatives: s.album_negatives ?? [],
    })).filter((p) => Number.isFinite(p.lat));
  }
  const photoPoints = points.status === 'fulfilled'
    ? points.value.hits.hits.map((h) => geoPoint(h._source?.gps)).filter(Boolean) : [];
  map.setData(photoPoints, catalog);
  $('#vp-peak').innerHTML = '<option value="">Any peak</option>'
    + [...catalog].sort((a, b) => a.name.localeCompare(b.name)).map((p) => `<option value="${esc(p.id)}">${esc(p.name)}</option>`).join('');
}

async function run() {
  if (!PHOTOS_READY) {
    setStatus('No photos indexed yet.');
    return;
  }
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  setStatus('Searching…', true);
  renderChips();
  try {
    const started = performance.now();
    const response = await search(PHOTOS, searchBody(state), controller.signal);
    if (controller.signal.aborted) return;
    hits = response.hits.hits;
    facetBuckets = response.aggregations?.peaks?.buckets ?? [];
    renderGrid();
    renderFacet();
    renderIdentify(response._gateway);
    const total = response.hits.total?.value ?? hits.length;
    const ms = Math.round(performance.now() - started);
    const via = response._gateway?.queries?.find((q) => q.peak);
    setStatus(`${total} photo${total === 1 ? '' : 's'} · ${ms} ms${via ? ` · searched as ${peakName(via.peak)}` : ''}`);
    map.setHighlight(hits.map((h) => geoPoint(h._source?.gps)).filter(Boolean).map((p) => `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`));
  } catch (error) {
    if (error.name === 'AbortError') return;
    hits = [];
    renderGrid();
    setStatus(`${error.type ? `${error.type}: ` : ''}${error.message}`, false, true);
  }
}

function setStatus(text, busy = false, isError = false) {
  const status = $('#status');
  status.textContent = text;
  status.classList.toggle('busy', busy);
  status.classList.toggle('error', isError);
}

function renderGrid() {
  const grid = $('#grid');
  if (hits.length === 0) {
    grid.innerHTML = '<li class="empty">No photos match. Try another word, fewer filters, or a photo.</li>';
    return;
  }
  grid.innerHTML = hits.map((hit, i) => {
    const s = hit._source ?? {};
    const badges = (s.predicted_peaks ?? []).slice(0, 3).map((id) => `<span class="badge">${esc(peakName(id))}</span>`).join('');
    const score = typeof hit._score === 'number' && (state.text || state.image || state.similarTo) ? `<span class="score" title="Similarity score">${hit._score.toFixed(3)}</span>` : '';
    const best = s.predicted_scores?.[0];
    const conf = typeof best === 'number' && s.predicted_peaks?.length ? `<span class="conf" title="Similarity of the photo to ${esc(peakName(s.predicted_peaks[0]))}">▲ ${best.toFixed(2)}</span>` : '';
    return `<li class="tile">
      <button type="button" class="tile-open" data-index="${i}" aria-label="Open ${esc(s.path ?? hit._id)}">
        <img src="${thumbUrl(hit._id)}" alt="${esc(s.path ?? '')}" loading="lazy" data-id="${esc(hit._id)}" />
        ${score || conf ? `<span class="tile-scores">${score}${conf}</span>` : ''}
      </button>
      <div class="tile-meta">
        <div class="tile-row"><time>${esc(localTime(s, false))}</time></div>
        <div class="badges">${badges}</div>
      </div>
      <button type="button" class="tile-more" data-more="${i}" title="More like this">More like this</button>
    </li>`;
  }).join('');
  grid.querySelectorAll('img').forEach((img) => img.addEventListener('error', () => img.classList.add('broken'), { once: true }));
}

function renderFacet() {
  const filter = $('#peak-filter').value.trim().toLowerCase();
  const buckets = new Map(facetBuckets.map((b) => [b.key, b.doc_count]));
  for (const id of state.peaks) if (!buckets.has(id)) buckets.set(id, 0);
  const rows = [...buckets.entries()]
    .map(([id, count]) => ({ id, count, name: peakName(id), names: catalog.find((p) => p.id === id)?.names ?? [] }))
    .filter((r) => !filter || r.name.toLowerCase().includes(filter) || r.id.includes(filter) || r.names.some((n) => n.toLowerCase().includes(filter)))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  $('#peak-facet').innerHTML = rows.length === 0
    ? '<li class="muted">No peaks predicted in these results.</li>'
    : rows.map((r) => `<li><label><input type="checkbox" value="${esc(r.id)}" ${state.peaks.has(r.id) ? 'checked' : ''} />
        <span class="facet-name">${esc(r.name)}</span><span class="count">${r.count}</span></label></li>`).join('');
  $('#peaks-clear').hidden = state.peaks.size === 0;
}

const RULES = {
  vision: 'any catalog peak (no GPS in the photo)',
  range: 'peaks within range of its GPS position',
  field_of_view: 'peaks in its field of view (GPS, compass, lens)',
};

function renderIdentify(gateway) {
  const card = $('#identify');
  const peaks = gateway?.identified_peaks ?? [];
  const identification = gateway?.identification;
  if (!state.image || (peaks.length === 0 && !identification)) { card.hidden = true; return; }
  const result = identification?.result ?? peaks[0]?.id;
  const best = result === 'unknown' ? null : peaks.find((p) => p.id === result) ?? peaks[0];
  const others = peaks.filter((p) => p !== best);
  const inFrame = identification?.peaks_in_frame ?? [];
  const side = (offset) => (offset == null ? '' : Math.abs(offset) < 0.5 ? ' · centre' : ` · ${Math.abs(offset).toFixed(1)}° ${offset < 0 ? 'left' : 'right'}`);
  card.hidden = false;
  card.innerHTML = `
    <div class="card-head"><h2>Identified</h2><button type="button" class="link" data-clear-image>Clear</button></div>
    <div class="identify-main">
      ${state.image.preview ? `<img src="${state.image.preview}" alt="Your photo" />` : `<div class="identify-file">${esc(state.image.name)}</div>`}
      ${best ? `<div><div class="identify-name" data-identified="${esc(best.id)}">${esc(best.name)}</div>
      <div class="meter" aria-label="Confidence ${pct(best.confidence)}"><span style="width:${pct(best.confidence)}"></span></div>
      <div class="muted">confidence ${pct(best.confidence)} · similarity ${best.score.toFixed(3)}</div></div>`
    : `<div><div class="identify-name" data-unknown>Unknown</div>
      <div class="muted">${peaks.some((p) => p.in_frame !== false) ? 'No peak scores well enough' : 'No catalog peak is in this photo\'s frame'}</div></div>`}
    </div>
    ${identification ? `<p class="muted small" data-rule="${esc(identification.rule)}">Compared with ${esc(RULES[identification.rule] ?? identification.rule)}.</p>` : ''}
    ${others.length ? `<p class="muted small">${best ? 'Also' : 'Best guesses'}: ${others.slice(0, 3).map((p) => `${esc(p.name)} ${pct(p.confidence)}${p.in_frame === false ? ' (out of frame)' : ''}`).join(' · ')}</p>` : ''}
    ${inFrame.length ? `<details class="in-frame"><summary>${inFrame.length} peak${inFrame.length === 1 ? '' : 's'} in frame</summary><ul id="peaks-in-frame">
      ${inFrame.map((p) => `<li data-peak="${esc(p.id)}">${esc(p.name)} <span class="muted">${p.distance_km.toFixed(1)} km${side(p.bearing_offset_deg)}</span></li>`).join('')}</ul></details>` : ''}
    <div class="segmented" role="group" aria-label="Show">
      ${best ? `<button type="button" data-mode="same_peak" class="${state.imageMode === 'same_peak' ? 'on' : ''}">Photos of ${esc(best.name)}</button>` : ''}
      <button type="button" data-mode="similar" class="${state.imageMode === 'similar' || !best ? 'on' : ''}">Look alike</button>
    </div>`;
  card.querySelector('[data-clear-image]').addEventListener('click', () => { state.image = null; card.hidden = true; run(); });
  card.querySelectorAll('[data-mode]').forEach((b) => b.addEventListener('click', () => { state.imageMode = b.dataset.mode; run(); }));
}

function renderChips() {
  const chips = [];
  if (state.similarTo) chips.push(['similar', `Like ${state.similarTo.label}`]);
  if (state.image) chips.push(['image', `Photo: ${state.image.name}`]);
  for (const id of state.peaks) chips.push([`peak:${id}`, peakName(id)]);
  if (state.geo) chips.push(['geo', describeSelection(state.geo)]);
  if (state.viewpoint) {
    const { id, maxKm, side } = state.viewpoint;
    chips.push(['viewpoint', `${peakName(id)} in frame${maxKm > 0 ? ` · ≤ ${maxKm} km` : ''}${side ? ` · from ${side}` : ''}`]);
  }
  if (state.from || state.to) chips.push(['date', `${state.from || '…'} → ${state.to || '…'}`]);
  $('#chips').innerHTML = chips.map(([k, label]) => `<button type="button" class="chip" data-chip="${esc(k)}" title="Remove">${esc(label)} <span aria-hidden="true">×</span></button>`).join('');
  $('#geo-clear').hidden = !state.geo;
}

function removeChip(key) {
  if (key === 'similar') state.similarTo = null;
  else if (key === 'image') state.image = null;
  else if (key === 'geo') { state.geo = null; map.setSelection(null); }
  else if (key === 'viewpoint') { state.viewpoint = null; $('#vp-peak').value = ''; }
  else if (key === 'date') { state.from = ''; state.to = ''; $('#date-from').value = ''; $('#date-to').value = ''; }
  else if (key.startsWith('peak:')) state.peaks.delete(key.slice(5));
  run();
}

async function searchWithImage(file) {
  if (!file) return;
  const base64 = await fileToBase64(file);
  const previewable = /^image\/(jpeg|png|webp|gif)$/.test(file.type);
  state.image = { base64, name: file.name, preview: previewable ? URL.createObjectURL(file) : null };
  state.text = ''; state.similarTo = null; state.imageMode = 'same_peak';
  $('#q').value = '';
  run();
}

function wire() {
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.text = $('#q').value.trim();
    if (state.text) { state.image = null; state.similarTo = null; }
    run();
  });
  $('#image-button').addEventListener('click', () => $('#image-input').click());
  $('#image-input').addEventListener('change', (e) => searchWithImage(e.target.files[0]));
  $('#peak-filter').addEventListener('input', renderFacet);
  $('#peak-facet').addEventListener('change', (e) => {
    if (e.target.checked) state.peaks.add(e.target.value); else state.peaks.delete(e.target.value);
    run();
  });
  $('#peaks-clear').addEventListener('click', () => { state.peaks.clear(); run(); });
  $('#geo-clear').addEventListener('click', () => removeChip('geo'));
  $('#chips').addEventListener('click', (e) => { const chip = e.target.closest('[data-chip]'); if (chip) removeChip(chip.dataset.chip); });
  document.querySelectorAll('[data-geo-mode]').forEach((b) => b.addEventListener('click', () => {
    document.querySelectorAll('[data-geo-mode]').forEach((o) => { o.classList.toggle('on', o === b); o.setAttribute('aria-pressed', String(o === b)); });
    map.setMode(b.dataset.geoMode);
    $('#map-hint').textContent = b.dataset.geoMode === 'box' ? 'Drag on the map to filter by area.' : 'Drag from a centre outwards to filter by distance.';
  }));
  for (const [id, key] of [['#date-from', 'from'], ['#date-to', 'to']]) $(id).addEventListener('change', (e) => { state[key] = e.target.value; run(); });
  $('#sort').addEventListener('change', (e) => { state.sort = e.target.value; run(); });
  const viewpointChanged = () => {
    const id = $('#vp-peak').value;
    state.viewpoint = id ? { id, maxKm: Number($('#vp-km').value) || 0, side: $('#vp-side').value } : null;
    run();
  };
  $('#viewpoint').addEventListener('change', viewpointChanged);
  $('#grid').addEventListener('click', (e) => {
    const open = e.target.closest('[data-index]');
    const more = e.target.closest('[data-more]');
    if (open) showDetail(hits[Number(open.dataset.index)]);
    if (more) moreLikeThis(hits[Number(more.dataset.more)]);
  });
  $('#detail-close').addEventListener('click', () => $('#detail').close());
  $('#detail').addEventListener('click', (e) => { if (e.target.id === 'detail') $('#detail').close(); });
  wireDrop();
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') { e.preventDefault(); $('#q').focus(); }
  });
}

function wireDrop() {
  const overlay = $('#drop-overlay');
  let depth = 0;
  document.addEventListener('dragenter', (e) => { if (e.dataTransfer?.types.includes('Files')) { depth++; overlay.hidden = false; } });
  document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (depth === 0) overlay.hidden = true; });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault(); depth = 0; overlay.hidden = true;
    searchWithImage(e.dataTransfer?.files?.[0]);
  });
}

function showDetail(hit) {
  renderDetail($('#detail'), hit, catalog, {
    admin: app.dataset.admin === 'true',
    onMoreLikeThis: moreLikeThis,
    onPeak: (id) => { state.peaks = new Set([id]); run(); },
  });
}

function moreLikeThis(hit) {
  state.similarTo = { id: hit._id, label: (hit._source?.path ?? hit._id).split('/').pop() };
  state.text = ''; state.image = null; $('#q').value = '';
  window.scrollTo({ top: 0, behavior: 'smooth' });
  run();
}

const initial = new URLSearchParams(location.search).get('q');
if (initial) { state.text = initial; $('#q').value = initial; }
wire();
loadContext().finally(run);
