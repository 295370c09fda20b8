# The official Python client as Debian ships it (python3-elasticsearch) against the gateway: index management, the
# bulk/streaming_bulk/parallel_bulk/scan/reindex helpers, search with aggregations, kNN, a query_text search (the
# gateway's rewrite), updates, mget, msearch, by-query writes, aliases, cat, point in time.
# Prints one JSON line with what each step saw; tests/Gateway.Tests/Clients/PythonClientTests.cs asserts on it.
import json
import os
import warnings

from elasticsearch import Elasticsearch, helpers
from elasticsearch.exceptions import ConflictError, NotFoundError

warnings.simplefilter("ignore")  # the 7.x client's deprecation notes about body= go to stderr otherwise
es = Elasticsearch(os.environ["GATEWAY_URL"])
index = os.environ.get("INDEX", "python_client")
count = int(os.environ.get("DOCS", "1500"))
out = {"version": es.info()["version"]["number"]}

es.indices.create(index=index, body={"mappings": {"properties": {
    "title": {"type": "text"}, "tag": {"type": "keyword"}, "n": {"type": "integer"},
    "v": {"type": "dense_vector", "dims": 3, "index": True, "similarity": "cosine"}}}})
ok, errors = helpers.bulk(es, ({"_index": index, "_id": str(i), "title": f"prayer flags {i}", "tag": "odd" if i % 2 else "even",
                               "n": i, "v": [1.0, i % 7, 0.5]} for i in range(count)), chunk_size=400, refresh=True)
out["bulk"] = {"ok": ok, "errors": len(errors)}
out["count"] = es.count(index=index)["count"]

found = es.search(index=index, body={"query": {"match": {"title": "flags"}}, "size": 3,
                                     "aggs": {"tags": {"terms": {"field": "tag"}}, "top": {"max": {"field": "n"}}}})
out["search"] = {"total": found["hits"]["total"]["value"], "hits": len(found["hits"]["hits"]),
                 "tags": {b["key"]: b["doc_count"] for b in found["aggregations"]["tags"]["buckets"]},
                 "max": found["aggregations"]["top"]["value"]}

seen = set(int(h["_id"]) for h in helpers.scan(es, index=index, query={"query": {"term": {"tag": "odd"}}}, size=250))
out["scan"] = {"docs": len(seen), "all_odd": all(i % 2 for i in seen)}

knn = es.search(index=index, body={"knn": {"field": "v", "query_vector": [1.0, 3.0, 0.5], "k": 5, "num_candidates": 50}, "_source": ["n"]})
out["knn"] = [h["_source"]["n"] % 7 for h in knn["hits"]["hits"]]

es.update(index=index, id="1", body={"doc": {"tag": "changed"}}, refresh=True)
out["get"] = es.get(index=index, id="1")["_source"]["tag"]
out["mget"] = [d["found"] for d in es.mget(index=index, body={"ids": ["1", "2", "nope"]})["docs"]]
try:
    es.get(index=index, id="nope")
    out["missing"] = "found"
except NotFoundError as e:
    out["missing"] = e.status_code
try:
    es.create(index=index, id="2", body={"n": 2})
    out["conflict"] = "created"
except ConflictError as e:
    out["conflict"] = e.error

streamed = list(helpers.streaming_bulk(es, [{"_index": index, "_id": "bad", "n": "not a number"}], raise_on_error=False))
out["streaming_bulk"] = {"ok": streamed[0][0], "status": streamed[0][1]["index"]["status"]}
out["parallel_bulk"] = sum(1 for ok, _ in helpers.parallel_bulk(
    es, ({"_index": index + "_parallel", "_id": str(i), "n": i} for i in range(600)), thread_count=2, chunk_size=100) if ok)

copied = helpers.reindex(es, index, index + "_copy", query={"query": {"range": {"n": {"lt": 100}}}})
es.indices.refresh(index=index + "_copy")
out["reindex"] = {"copied": copied[0], "count": es.count(index=index + "_copy")["count"]}

deleted = es.delete_by_query(index=index, body={"query": {"range": {"n": {"gte": count - 100}}}}, refresh=True)
out["delete_by_query"] = deleted["deleted"]
updated = es.update_by_query(index=index, body={"query": {"term": {"tag": "even"}}}, refresh=True)
out["update_by_query"] = updated["updated"]

responses = es.msearch(body=[{"index": index}, {"query": {"term": {"tag": "odd"}}, "size": 0},
                             {"index": "no_such_index"}, {"query": {"match_all": {}}}])["responses"]
out["msearch"] = [r.get("hits", {}).get("total", {}).get("value", r.get("status")) for r in responses]

es.indices.put_alias(index=index, name=index + "_alias")
out["alias"] = list(es.indices.get_alias(name=index + "_alias").keys())
out["cat"] = sorted(i["index"] for i in es.cat.indices(index=index + "*", format="json"))
pit = es.open_point_in_time(index=index, keep_alive="1m")["id"]
paged = es.search(body={"pit": {"id": pit, "keep_alive": "1m"}, "size": 10, "sort": [{"n": "asc"}], "query": {"match_all": {}}})
out["pit"] = [h["_source"]["n"] for h in paged["hits"]["hits"]][:3]
es.close_point_in_time(body={"id": pit})

if os.environ.get("QUERY_TEXT"):
    hits = es.search(index=os.environ["PHOTOS_INDEX"], body={"query_text": os.environ["QUERY_TEXT"], "size": 1})["hits"]["hits"]
    out["query_text"] = hits[0]["_source"]["path"] if hits else None

es.indices.delete(index=index + "_parallel")
print(json.dumps(out))
