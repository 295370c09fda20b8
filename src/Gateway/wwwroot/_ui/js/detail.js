// The detail dialog: the full image, metadata, the peaks in frame with distance and bearing, download, and for the
// signed-in admin "This is <peak>" / "Not <peak>" (reference photos).
import { markPhoto, previewUrl, originalUrl } from './api.js';
import { compass, distanceAndBearing, esc, geoPoint, localTime } from './format.js';

const row = (label, value) => (value === undefined || value === null || value === '' ? '' : `<dt>${esc(label)}</dt><dd>${esc(value)}</dd>`);
const num = (v, digits = 0) => (typeof v === 'number' ? v.toFixed(digits) : v);

// The peaks in frame as ingestion stored them, or else computed from the catalog: peaks within 60 km,
// and within ±35° of the camera direction when the photo recorded one.
function peaksInFrame(source, catalog) {
  const stored = source.peaks_in_frame ?? source.visible_peaks;
  if (Array.isArray(stored) && stored.length > 0) {
    return stored.map((p) => ({
      id: p.peak_id ?? p.id ?? p.peak,
      km: p.distance_km,
      bearing: p.bearing_deg,
      offset: p.bearing_offset_deg,
    }));
  }
  const at = geoPoint(source.gps);
  if (!at) return [];
  const direction = source.direction_deg ?? source.img_direction;
  return catalog
    .map((peak) => ({ id: peak.id, ...distanceAndBearing(at, peak) }))
    .map((p) => ({ ...p, offset: typeof direction === 'number' ? ((p.bearing - direction + 540) % 360) - 180 : null }))
    .filter((p) => p.km <= 60 && (p.offset === null || Math.abs(p.offset) <= 35))
    .sort((a, b) => a.km - b.km)
    .slice(0, 8);
}

const samePhoto = (s) => (p) => p.album === s.album && p.path === s.path;

// The peaks a photo may be marked for: its predicted peaks, then the peaks in frame, at most six, catalog peaks only.
function markablePeaks(source, frame, byId) {
  const ids = [...(source.predicted_peaks ?? []), ...frame.map((p) => p.id)];
  return [...new Set(ids)].filter((id) => byId.has(id)).slice(0, 6).map((id) => byId.get(id));
}

function markState(peak, source) {
  if ((peak.references ?? []).some(samePhoto(source))) return 'reference';
  if ((peak.negatives ?? []).some(samePhoto(source))) return 'negative';
  return 'none';
}

function referenceSection(source, peaks) {
  if (!source.album || !source.path || peaks.length === 0) return '';
  return `<h3>Reference photo</h3><div class="marks">${peaks.map((peak) => {
    const state = markState(peak, source);
    return `<div class="mark-row" data-mark-peak="${esc(peak.id)}">
      <button type="button" data-mark="reference" aria-pressed="${state === 'reference'}">This is ${esc(peak.name)}</button>
      <button type="button" data-mark="negative" aria-pressed="${state === 'negative'}">Not ${esc(peak.name)}</button>
      <span class="muted" data-mark-status role="status"></span></div>`;
  }).join('')}</div>`;
}

// Pressing a pressed button removes the mark; the answer updates the in-memory catalog so reopening shows it.
function wireMarks(container, source, byId) {
  container.querySelectorAll('.mark-row').forEach((row) => row.querySelectorAll('[data-mark]').forEach((button) => button.addEventListener('click', async () => {
    const peak = byId.get(row.dataset.markPeak);
    const as = button.getAttribute('aria-pressed') === 'true' ? 'none' : button.dataset.mark;
    const status = row.querySelector('[data-mark-status]');
    status.textContent = 'Saving…';
    try {
      const answer = await markPhoto(peak.id, source.album, source.path, as);
      const others = (list) => (list ?? []).filter((p) => !samePhoto(source)(p));
      const photo = { album: source.album, path: source.path };
      peak.references = as === 'reference' ? [...others(peak.references), photo] : others(peak.references);
      peak.negatives = as === 'negative' ? [...others(peak.negatives), photo] : others(peak.negatives);
      row.querySelectorAll('[data-mark]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mark === as)));
      const done = { reference: `Reference photo of ${peak.name}`, negative: `Marked as not ${peak.name}`, none: 'Mark removed' }[as];
      status.textContent = answer.prototype_rebuilt ? `${done}; prototype rebuilt.` : `${done}; rebuild failed: ${answer.rebuild_problem}`;
    } catch (e) {
      status.textContent = `Not saved: ${e.message}`;
    }
  })));
}

export function renderDetail(dialog, hit, catalog, { admin, onMoreLikeThis, onPeak }) {
  const s = hit._source ?? {};
  const byId = new Map(catalog.map((p) => [p.id, p]));
  const img = dialog.querySelector('#detail-img');
  img.src = previewUrl(hit._id);
  img.alt = s.path ?? hit._id;
  const gps = geoPoint(s.gps);
  const camera = [s.camera_make ?? s.make, s.camera_model ?? s.model].filter(Boolean).join(' ');
  const frame = peaksInFrame(s, catalog);
  const predicted = (s.predicted_peaks ?? []).map((id) => `<button type="button" class="badge" data-peak="${esc(id)}">${esc(byId.get(id)?.name ?? id)}</button>`).join('');
  dialog.querySelector('#detail-info').innerHTML = `
    <h2 class="detail-title">${esc((s.path ?? hit._id).split('/').pop())}</h2>
    <p class="muted">${esc(s.path ?? '')}${s.album ? ` · ${esc(s.album)}` : ''}</p>
    <div class="badges">${predicted}</div>
    <dl class="meta">
      ${row('Taken', localTime(s))}
      ${row('Position', gps ? `${gps.lat.toFixed(5)}, ${gps.lon.toFixed(5)}` : '')}
      ${row('Altitude', s.altitude_m !== undefined ? `${num(s.altitude_m)} m` : '')}
      ${row('Facing', typeof s.direction_deg === 'number' ? `${num(s.direction_deg)}° ${compass(s.direction_deg)}` : '')}
      ${row('Camera', camera)}
      ${row('Focal length', s.focal_35mm !== undefined ? `${num(s.focal_35mm)} mm (35 mm eq.)` : '')}
      ${row('Size', s.width && s.height ? `${s.width} × ${s.height}` : '')}
      ${row('Score', typeof hit._score === 'number' ? hit._score.toFixed(3) : '')}
    </dl>
    ${frame.length ? `<h3>Peaks in frame</h3><table class="frame"><thead><tr><th>Peak</th><th>Distance</th><th>Bearing</th></tr></thead><tbody>${frame.map((p) => `
      <tr><td>${esc(byId.get(p.id)?.name ?? p.id)}</td><td>${typeof p.km === 'number' ? `${p.km.toFixed(1)} km` : ''}</td>
      <td>${typeof p.bearing === 'number' ? `${Math.round(p.bearing)}° ${compass(p.bearing)}` : ''}${typeof p.offset === 'number' ? ` <span class="muted">(${p.offset > 0 ? '+' : ''}${Math.round(p.offset)}°)</span>` : ''}</td></tr>`).join('')}</tbody></table>` : ''}
    ${admin ? referenceSection(s, markablePeaks(s, frame, byId)) : ''}
    <div class="detail-actions">
      <button type="button" class="primary" data-more>More like this</button>
      <a class="button" href="${originalUrl(hit._id)}" download>Download original</a>
    </div>`;
  dialog.querySelector('[data-more]').addEventListener('click', () => { dialog.close(); onMoreLikeThis(hit); });
  if (admin) wireMarks(dialog.querySelector('#detail-info'), s, byId);
  dialog.querySelectorAll('[data-peak]').forEach((b) => b.addEventListener('click', () => { dialog.close(); onPeak(b.dataset.peak); }));
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('[data-more]').focus();
}
