// Formatting and small geometry helpers shared by the grid and the detail view.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

export const pct = (value) => `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;

/** "+05:45" → 345 minutes; null when absent or malformed. */
export function parseOffset(text) {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

const formatOffset = (minutes) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/**
 * The photo's UTC offset: the one its camera recorded (OffsetTimeOriginal), else one derived from its longitude
 * (solar time rounded to 15 minutes: exact for Nepal's +05:45), else null.
 */
export function photoOffset(source) {
  const recorded = parseOffset(source.offset_time ?? source.shot_offset ?? source.shot_time_offset ?? source.offset_time_original);
  if (recorded !== null) return { minutes: recorded, derived: false };
  const lon = source.gps?.lon ?? (Array.isArray(source.gps) ? source.gps[0] : undefined);
  if (typeof lon === 'number') return { minutes: Math.round((lon / 15) * 4) * 15, derived: true };
  return null;
}

/** Shot time in the photo's own local time, e.g. "12 Oct 2024, 07:41 (+05:45)". */
export function localTime(source, withOffset = true) {
  if (!source.shot_time) return '';
  const utc = new Date(source.shot_time);
  if (Number.isNaN(utc.getTime())) return String(source.shot_time);
  const offset = photoOffset(source);
  const shifted = new Date(utc.getTime() + (offset?.minutes ?? 0) * 60000);
  const text = shifted.toLocaleString(undefined, {
    timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
  if (!withOffset) return text;
  if (!offset) return `${text} UTC`;
  return `${text} (${offset.derived ? '≈' : ''}${formatOffset(offset.minutes)})`;
}

const rad = (deg) => (deg * Math.PI) / 180;

/** Great-circle distance in km and initial bearing in degrees from a to b ({lat, lon}). */
export function distanceAndBearing(a, b) {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  const km = 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  const y = Math.sin(dLon) * Math.cos(rad(b.lat));
  const x = Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) - Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(dLon);
  const bearing = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return { km, bearing };
}

const COMPASS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];
export const compass = (deg) => COMPASS[Math.round(deg / 22.5) % 16];

/** A geo_point in any of ES's forms ({lat, lon}, [lon, lat], "lat,lon") as {lat, lon}, or null. */
export function geoPoint(value) {
  if (!value) return null;
  if (Array.isArray(value) && value.length >= 2) return { lat: Number(value[1]), lon: Number(value[0]) };
  if (typeof value === 'object' && 'lat' in value) return { lat: Number(value.lat), lon: Number(value.lon) };
  if (typeof value === 'string' && value.includes(',')) {
    const [lat, lon] = value.split(',').map(Number);
    return { lat, lon };
  }
  return null;
}
