// Live progress on /admin/albums: while a job is enqueued or running, re-fetch the page and swap in the
// server-rendered jobs and albums tables (one rendering path, no JSON-to-HTML duplicate).
const INTERVAL_MS = 1500;
const live = document.querySelector('#jobs-live');

const active = (root) => [...root.querySelectorAll('#jobs .pill')].some((p) => /^(running|enqueued)$/.test(p.textContent.trim()));

async function refresh() {
  try {
    const response = await fetch(location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    if (!response.ok) return false;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const id of ['#jobs', '#albums']) {
      const fresh = doc.querySelector(`${id} tbody`);
      if (fresh) document.querySelector(`${id} tbody`).replaceWith(fresh);
    }
    return active(document);
  } catch {
    return false;
  }
}

async function loop() {
  live.textContent = '· updating live';
  while (await refresh()) await new Promise((r) => setTimeout(r, INTERVAL_MS));
  live.textContent = '';
}

if (active(document)) loop();
