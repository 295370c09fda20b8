// Talks to the gateway exactly like an Elasticsearch client: POST {index}/_search through the proxy.

export class SearchError extends Error {
  constructor(status, type, reason) {
    super(reason || type || `HTTP ${status}`);
    this.status = status;
    this.type = type;
  }
}

export async function search(index, body, signal) {
  return postJson(`/${encodeURIComponent(index)}/_search`, body, signal);
}

/** Admin only: marks an album photo as a reference of a peak, a negative ("not" the peak), or neither ('none'). */
export async function markPhoto(peakId, album, path, as) {
  return postJson(`/_gateway/peaks/${encodeURIComponent(peakId)}/_mark`, { album, path, as });
}

// POSTs JSON; an error answer (Elasticsearch-shaped or not) becomes a SearchError with its status, type and reason.
async function postJson(url, body, signal) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported below */ }
  if (!response.ok) {
    const error = json?.error;
    throw new SearchError(response.status, error?.type, error?.reason ?? (typeof error === 'string' ? error : text.slice(0, 200)));
  }
  return json;
}

/** Reads a File as bare base64 (no data: prefix). */
export function fileToBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const thumbUrl = (id) => `/_ui/photos/${encodeURIComponent(id)}/thumb`;
export const previewUrl = (id) => `/_ui/photos/${encodeURIComponent(id)}/preview`;
export const originalUrl = (id) => `/_ui/photos/${encodeURIComponent(id)}/original`;
