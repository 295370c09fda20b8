// The OpenSearch JS client sends a `neural` query through the gateway. Prints {status, body} as one JSON line;
// tests/Gateway.Tests/Clients/OpenSearchNeuralTests.cs asserts on it (503 naming the model without one, hits with one).
import { Client } from '@opensearch-project/opensearch';

const client = new Client({ node: process.env.GATEWAY_URL });
try {
  const response = await client.search({
    index: process.env.INDEX,
    body: { size: 3, query: { neural: { [process.env.FIELD]: { query_text: process.env.QUERY_TEXT, k: 3 } } } },
  });
  console.log(JSON.stringify({ status: response.statusCode, body: response.body }));
} catch (error) {
  console.log(JSON.stringify({ status: error.meta?.statusCode ?? -1, body: error.meta?.body ?? String(error) }));
}
