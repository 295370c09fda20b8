#!/usr/bin/env bash
# elasticdump export and import through the gateway on the embedded store (docs/embedded-store.md, "Benchmark").
# Usage: bash bench/elasticdump/run.sh [docs=100000] [dims=768]. Needs node and `npm ci --prefix tests/clients`.
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCS=${1:-100000}
DIMS=${2:-768}
PORT=${PORT:-9281}
WORK=$(mktemp -d /tmp/elasticdump-bench.XXXXXX)
URL=http://127.0.0.1:$PORT
DUMP="node tests/clients/node_modules/elasticdump/bin/elasticdump"
SEARCH_BODY='{"query":{"match_all":{}},"_source":{"exclude_vectors":false}}'

dotnet build -c Release src/Gateway -v q -nologo >/dev/null
Urls=$URL Gateway__DataFolder=$WORK/data EmbeddedStore__DataPath=$WORK/store Embeddings__ModelDirectory=$WORK/no-model \
  Embeddings__Download__AutoDownload=false Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --project src/Gateway >"$WORK/gateway.log" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "$URL/" >/dev/null && break; sleep 1; done

node bench/elasticdump/generate.mjs "$DOCS" "$DIMS" > "$WORK/bulk.ndjson"
split -l 2000 "$WORK/bulk.ndjson" "$WORK/part."
curl -sf -XPUT "$URL/bench_src" -H 'content-type: application/json' -d "{\"settings\":{\"number_of_replicas\":0},\"mappings\":{\"properties\":{
  \"vec\":{\"type\":\"dense_vector\",\"dims\":$DIMS,\"similarity\":\"cosine\"},\"location\":{\"type\":\"geo_point\"},
  \"taken\":{\"type\":\"date\"},\"tag\":{\"type\":\"keyword\"},\"title\":{\"type\":\"text\"}}}}" >/dev/null

seconds() { local s=$(date +%s.%N); "$@" >"$WORK/step.log" 2>&1 || { cat "$WORK/step.log"; exit 1; }; echo "$(date +%s.%N) - $s" | bc; }
load_bulk() { for f in "$WORK"/part.*; do curl -sf -XPOST "$URL/bench_src/_bulk" -H 'content-type: application/x-ndjson' --data-binary @"$f" | grep -q '"errors":false'; done; curl -sf -XPOST "$URL/bench_src/_refresh" >/dev/null; }

echo "uptime before: $(uptime)"
BULK=$(seconds load_bulk)
EXPORT=$(seconds $DUMP --input="$URL/bench_src" --output="$WORK/dump.json" --type=data --limit=1000 --searchBody="$SEARCH_BODY")
$DUMP --input="$URL/bench_src" --output="$URL/bench_copy" --type=mapping >/dev/null
IMPORT=$(seconds $DUMP --input="$WORK/dump.json" --output="$URL/bench_copy" --type=data --limit=1000)
curl -sf -XPOST "$URL/bench_copy/_refresh" >/dev/null
COUNT=$(curl -sf "$URL/_cat/count/bench_copy?h=count" | tr -d ' \n')
echo "uptime after:  $(uptime)"
echo
echo "| step ($DOCS docs, $DIMS-d) | seconds | docs/s |"
echo "| --- | ---: | ---: |"
printf '| _bulk through the gateway (curl, 1000 docs per request) | %.1f | %.0f |\n' "$BULK" "$(echo "$DOCS / $BULK" | bc -l)"
printf '| elasticdump export (scroll, --limit=1000) to a file | %.1f | %.0f |\n' "$EXPORT" "$(echo "$DOCS / $EXPORT" | bc -l)"
printf '| elasticdump import (_bulk, --limit=1000) from the file | %.1f | %.0f |\n' "$IMPORT" "$(echo "$DOCS / $IMPORT" | bc -l)"
echo
echo "copy count: $COUNT of $DOCS; dump file $(du -h "$WORK/dump.json" | cut -f1)"
