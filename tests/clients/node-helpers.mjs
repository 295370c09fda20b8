// The official Node.js client's helpers against the gateway: bulk, scrollDocuments, scrollSearch, msearch.
// Prints one JSON line with what each helper saw; tests/Gateway.Tests/Clients/NodeClientHelpersTests.cs asserts on it.
import { Client } from '@elastic/elasticsearch';

const client = new Client({ node: process.env.GATEWAY_URL });
const index = process.env.INDEX ?? 'node_helpers';
const count = Number(process.env.DOCS ?? 2500);

await client.indices.create({ index, mappings: { properties: { n: { type: 'integer' }, tag: { type: 'keyword' } } } });
const bulk = await client.helpers.bulk({
  datasource: Array.from({ length: count }, (_, n) => ({ n, tag: n % 2 ? 'odd' : 'even' })),
  onDocument: (doc) => ({ index: { _index: index, _id: String(doc.n) } }),
  refreshOnCompletion: index,
});

const seen = new Set();
let scrolled = 0;
for await (const doc of client.helpers.scrollDocuments({ index, size: 300, sort: ['_doc'], query: { match_all: {} } })) {
  seen.add(doc.n);
  scrolled++;
}

let pages = 0;
let odd = 0;
for await (const result of client.helpers.scrollSearch({ index, size: 400, query: { term: { tag: 'odd' } } })) {
  pages++;
  odd += result.body.hits.hits.filter((h) => h._source.tag === 'odd').length;
}

const m = client.helpers.msearch({ operations: 2, flushInterval: 50 });
const [even, low] = await Promise.all([
  m.search({ index }, { query: { term: { tag: 'even' } }, size: 0, track_total_hits: true }),
  m.search({ index }, { query: { range: { n: { lt: 10 } } }, size: 20 }),
]);
m.stop();

const stats = await client.cat.count({ index, format: 'json' });
console.log(JSON.stringify({
  bulk: { total: bulk.total, successful: bulk.successful, failed: bulk.failed },
  scrolled,
  distinct: seen.size,
  pages,
  odd,
  msearchEven: even.body.hits.total.value,
  msearchLow: low.body.hits.hits.length,
  catCount: Number(stats[0].count),
}));
