// An offline map in plain SVG: photo points, the trek line (photos in time order), catalog peaks as triangles,
// a graticule, and area selection (drag a box, or drag out a radius) that becomes the geo filter.
import { distanceAndBearing, esc } from './format.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 400;
const H = 300;

const el = (name, attrs = {}) => {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};

export class TrekMap {
  constructor(container, { onSelect }) {
    this.onSelect = onSelect;
    this.mode = 'box';
    this.points = [];
    this.peaks = [];
    this.highlight = new Set();
    this.selection = null;
    this.svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map-svg', role: 'img' });
    container.append(this.svg);
    this.svg.addEventListener('pointerdown', (e) => this.#down(e));
    this.svg.addEventListener('pointermove', (e) => this.#move(e));
    this.svg.addEventListener('pointerup', (e) => this.#up(e));
    this.svg.addEventListener('wheel', (e) => this.#wheel(e), { passive: false });
    this.svg.addEventListener('dblclick', () => { this.#fit(); this.render(); });
    this.#fit();
  }

  setData(points, peaks) {
    this.points = points;
    this.peaks = peaks;
    this.#fit();
    this.render();
  }

  setHighlight(keys) { this.highlight = new Set(keys); this.render(); }

  setMode(mode) { this.mode = mode; }

  setSelection(selection) { this.selection = selection; this.render(); }

  // Fits the view to the photos (and the peaks within 40 km of them); to the peaks alone when no photo has GPS.
  #fit() {
    let shown = this.points;
    if (shown.length > 0) {
      const near = this.peaks.filter((p) => shown.some((q) => distanceAndBearing(q, p).km < 40));
      shown = shown.concat(near);
    } else {
      shown = this.peaks;
    }
    if (shown.length === 0) shown = [{ lat: 27.9, lon: 86.8 }];
    const lats = shown.map((p) => p.lat);
    const lons = shown.map((p) => p.lon);
    const mid = (Math.min(...lats) + Math.max(...lats)) / 2;
    this.kx = Math.cos((mid * Math.PI) / 180);
    let spanX = Math.max((Math.max(...lons) - Math.min(...lons)) * this.kx, 0.02);
    let spanY = Math.max(Math.max(...lats) - Math.min(...lats), 0.02);
    spanX *= 1.15; spanY *= 1.15;
    this.scale = Math.min(W / spanX, H / spanY);
    this.cx = (Math.min(...lons) + Math.max(...lons)) / 2;
    this.cy = mid;
  }

  project(p) { return { x: W / 2 + (p.lon - this.cx) * this.kx * this.scale, y: H / 2 - (p.lat - this.cy) * this.scale }; }

  unproject(x, y) { return { lon: this.cx + (x - W / 2) / (this.kx * this.scale), lat: this.cy - (y - H / 2) / this.scale }; }

  #svgPoint(e) {
    const r = this.svg.getBoundingClientRect();
    const s = Math.min(r.width / W, r.height / H);
    const ox = (r.width - W * s) / 2;
    const oy = (r.height - H * s) / 2;
    return { x: (e.clientX - r.left - ox) / s, y: (e.clientY - r.top - oy) / s };
  }

  #down(e) {
    if (e.button !== 0) return;
    this.drag = { start: this.#svgPoint(e), now: this.#svgPoint(e) };
    this.svg.setPointerCapture(e.pointerId);
  }

  #move(e) {
    if (!this.drag) return;
    this.drag.now = this.#svgPoint(e);
    this.render();
  }

  #up(e) {
    if (!this.drag) return;
    const { start, now } = this.drag;
    this.drag = null;
    this.svg.releasePointerCapture(e.pointerId);
    if (Math.hypot(now.x - start.x, now.y - start.y) < 5) { this.render(); return; }
    const a = this.unproject(start.x, start.y);
    const b = this.unproject(now.x, now.y);
    this.selection = this.mode === 'box'
      ? { type: 'box', top: Math.max(a.lat, b.lat), bottom: Math.min(a.lat, b.lat), left: Math.min(a.lon, b.lon), right: Math.max(a.lon, b.lon) }
      : { type: 'circle', lat: a.lat, lon: a.lon, km: Math.max(0.05, distanceAndBearing(a, b).km) };
    this.render();
    this.onSelect(this.selection);
  }

  #wheel(e) {
    e.preventDefault();
    const p = this.#svgPoint(e);
    const before = this.unproject(p.x, p.y);
    this.scale *= e.deltaY < 0 ? 1.25 : 0.8;
    const after = this.unproject(p.x, p.y);
    this.cx += before.lon - after.lon;
    this.cy += before.lat - after.lat;
    this.render();
  }

  render() {
    const svg = this.svg;
    svg.replaceChildren(el('rect', { x: 0, y: 0, width: W, height: H, class: 'map-bg' }));
    this.#graticule();
    const line = this.points.map((p) => this.project(p)).map((q) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' ');
    if (this.points.length > 1) svg.append(el('polyline', { points: line, class: 'map-trek' }));
    for (const peak of this.peaks) {
      const { x, y } = this.project(peak);
      if (x < -20 || x > W + 20 || y < -20 || y > H + 20) continue;
      const g = el('g', { class: 'map-peak' });
      g.append(el('path', { d: `M${x} ${y - 6} L${x + 5.5} ${y + 4} L${x - 5.5} ${y + 4} Z` }));
      const label = el('text', { x: x + 7, y: y + 3 });
      label.textContent = peak.name;
      const title = el('title');
      title.textContent = `${peak.name}${peak.elev ? ` · ${peak.elev} m` : ''}`;
      g.append(label, title);
      svg.append(g);
    }
    for (const p of this.points) {
      const { x, y } = this.project(p);
      const hot = this.highlight.has(`${p.lat.toFixed(5)},${p.lon.toFixed(5)}`);
      svg.append(el('circle', { cx: x, cy: y, r: hot ? 4 : 2.6, class: hot ? 'map-point hot' : 'map-point' }));
    }
    this.#selectionShape();
  }

  #graticule() {
    const tl = this.unproject(0, 0);
    const br = this.unproject(W, H);
    const span = Math.max(br.lon - tl.lon, tl.lat - br.lat);
    const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5].find((s) => span / s <= 6) ?? 10;
    for (let lon = Math.ceil(tl.lon / step) * step; lon <= br.lon; lon += step) {
      const { x } = this.project({ lat: 0, lon });
      this.svg.append(el('line', { x1: x, y1: 0, x2: x, y2: H, class: 'map-grid' }));
      const t = el('text', { x: x + 2, y: H - 4, class: 'map-grid-label' });
      t.textContent = `${lon.toFixed(2)}°E`;
      this.svg.append(t);
    }
    for (let lat = Math.ceil(br.lat / step) * step; lat <= tl.lat; lat += step) {
      const { y } = this.project({ lat, lon: 0 });
      this.svg.append(el('line', { x1: 0, y1: y, x2: W, y2: y, class: 'map-grid' }));
      const t = el('text', { x: 3, y: y - 2, class: 'map-grid-label' });
      t.textContent = `${lat.toFixed(2)}°N`;
      this.svg.append(t);
    }
  }

  #selectionShape() {
    if (this.drag) {
      const { start, now } = this.drag;
      if (this.mode === 'box') {
        this.svg.append(el('rect', { x: Math.min(start.x, now.x), y: Math.min(start.y, now.y), width: Math.abs(now.x - start.x), height: Math.abs(now.y - start.y), class: 'map-sel' }));
      } else {
        this.svg.append(el('circle', { cx: start.x, cy: start.y, r: Math.hypot(now.x - start.x, now.y - start.y), class: 'map-sel' }));
      }
      return;
    }
    const s = this.selection;
    if (s?.type === 'box') {
      const a = this.project({ lat: s.top, lon: s.left });
      const b = this.project({ lat: s.bottom, lon: s.right });
      this.svg.append(el('rect', { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y, class: 'map-sel' }));
    } else if (s?.type === 'circle') {
      const c = this.project(s);
      this.svg.append(el('circle', { cx: c.x, cy: c.y, r: (s.km / 111.195) * this.scale, class: 'map-sel' }));
    }
  }
}

export const describeSelection = (s) => (s?.type === 'box'
  ? `Area ${s.bottom.toFixed(3)}…${s.top.toFixed(3)}°N, ${s.left.toFixed(3)}…${s.right.toFixed(3)}°E`
  : s?.type === 'circle' ? `Within ${s.km < 1 ? `${Math.round(s.km * 1000)} m` : `${s.km.toFixed(1)} km`} of ${esc(s.lat.toFixed(3))}, ${esc(s.lon.toFixed(3))}` : '');
