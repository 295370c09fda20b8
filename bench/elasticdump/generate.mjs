// Writes N documents (768-d dense_vector, geo_point, date, keyword, text) as _bulk NDJSON to stdout, deterministic.
const n = Number(process.argv[2] ?? 100000);
const dims = Number(process.argv[3] ?? 768);
let seed = 19;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const out = [];
for (let i = 0; i < n; i++) {
  const vec = Array.from({ length: dims }, () => Math.round((next() * 2 - 1) * 10000) / 10000);
  out.push(JSON.stringify({ index: { _id: String(i) } }));
  out.push(JSON.stringify({
    vec,
    location: { lat: Math.round((next() * 180 - 90) * 1e5) / 1e5, lon: Math.round((next() * 360 - 180) * 1e5) / 1e5 },
    taken: new Date(Date.UTC(2020, 0, 1) + i * 60000).toISOString(),
    tag: 'tag-' + (i % 17),
    title: 'photo number ' + i + ' of the ridge',
  }));
  if (out.length >= 2000) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
