"""Reads communique's exports back as an analyst would (pyarrow, DuckDB,
PyYAML) and checks them against the JSON Lines export and the schema.

Usage: check_export.py EXPORT_DIR SCHEMA_JSON
EXPORT_DIR holds a.jsonl, a.csv, a.parquet, os/ and qw/ of one index.
Exits 1 with the first difference found.
"""

import csv
import glob
import json
import os
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

LISTS = ["authors", "people", "places", "countries", "speakers"]


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def main():
    out, schema_path = sys.argv[1], sys.argv[2]
    rows = [json.loads(l) for l in open(os.path.join(out, "a.jsonl"), encoding="utf-8")]
    check(rows, "the JSON Lines export is empty")
    by_id = {r["id"]: r for r in rows}
    check(len(by_id) == len(rows), "ids repeat in the JSON Lines export")

    # Parquet through pyarrow: types and every value.
    table = pq.read_table(os.path.join(out, "a.parquet"))
    check(table.num_rows == len(rows), f"parquet has {table.num_rows} rows, jsonl {len(rows)}")
    s = table.schema
    check(s.field("date").type == pa.timestamp("ms", tz="UTC"), f"date is {s.field('date').type}")
    for name in LISTS:
        check(s.field(name).type == pa.list_(pa.field("item", pa.string(), nullable=False)) or
              pa.types.is_list(s.field(name).type) and s.field(name).type.value_type == pa.string(),
              f"{name} is {s.field(name).type}")
    qt = s.field("quotes").type
    check(pa.types.is_list(qt) and pa.types.is_struct(qt.value_type), f"quotes is {qt}")
    check([qt.value_type.field(i).name for i in range(qt.value_type.num_fields)]
          == ["text", "speaker", "speaker_kind", "start", "end"], f"quote parts {qt}")
    mt = s.field("mentions").type
    check(pa.types.is_list(mt) and mt.value_type.field("in_title").type == pa.bool_(), f"mentions is {mt}")
    for rec in table.to_pylist():
        j = by_id.get(rec["id"])
        check(j is not None, f"parquet row {rec['id']} not in jsonl")
        for key in ["path", "title", "body", "outlet", "url", "language", "duplicate_group"] + LISTS:
            check(rec[key] == j[key], f"{rec['id']}: parquet {key} {rec[key]!r} != {j[key]!r}")
        date = rec["date"].strftime("%Y-%m-%d") if rec["date"] else None
        check(date == (j["date"][:10] if j["date"] else None), f"{rec['id']}: date {date} != {j['date']}")
        for key in ["quotes", "mentions", "offices"]:
            check(rec[key] == j[key], f"{rec['id']}: parquet {key} differ")

    # Parquet and CSV through DuckDB, as people query them.
    con = duckdb.connect()
    p = os.path.join(out, "a.parquet").replace("'", "''")
    c = os.path.join(out, "a.csv").replace("'", "''")
    n = con.execute(f"select count(*) from read_parquet('{p}')").fetchone()[0]
    check(n == len(rows), f"duckdb reads {n} parquet rows")
    types = dict(con.execute(f"select column_name, column_type from (describe select * from read_parquet('{p}'))").fetchall())
    check(types["date"] == "TIMESTAMP WITH TIME ZONE", f"duckdb date type {types['date']}")
    check(types["people"] == "VARCHAR[]", f"duckdb people type {types['people']}")
    check(types["quotes"].startswith("STRUCT(") and types["quotes"].endswith("[]"), f"duckdb quotes {types['quotes']}")
    mentions = con.execute(f"select count(*) from (select unnest(people) from read_parquet('{p}'))").fetchone()[0]
    check(mentions == sum(len(r["people"]) for r in rows), "unnest(people) count")
    n = con.execute(f"select count(*) from read_csv('{c}', header=true, all_varchar=true)").fetchone()[0]
    check(n == len(rows), f"duckdb reads {n} csv rows")

    # CSV through Python's csv module: every value, lists joined with "; ".
    with open(os.path.join(out, "a.csv"), newline="", encoding="utf-8") as f:
        crows = list(csv.DictReader(f))
    check(len(crows) == len(rows), "csv row count")
    for r in crows:
        j = by_id[r["id"]]
        for key in ["title", "body", "duplicate_group"]:
            check(r[key] == j[key], f"{r['id']}: csv {key}")
        for key in LISTS:
            check(r[key] == "; ".join(j[key]), f"{r['id']}: csv {key} {r[key]!r}")
        for key in ["quotes", "mentions", "offices"]:
            check((json.loads(r[key]) if r[key] else []) == j[key], f"{r['id']}: csv {key}")
        check(r["date"] == (j["date"] or ""), f"{r['id']}: csv date")

    # Cluster configs: valid, and field for field the schema.
    schema = json.load(open(schema_path, encoding="utf-8"))
    fields = [f["name"] for f in schema["fields"] if not f["name"].endswith("_exact")]
    expected = set(fields) | {"duplicate_group"}
    template = json.load(open(os.path.join(out, "os", "index-template.json"), encoding="utf-8"))
    props = template["template"]["mappings"]["properties"]
    check(set(props) == expected, f"template fields {sorted(set(props) ^ expected)} differ from the schema")
    config = yaml.safe_load(open(os.path.join(out, "qw", "index-config.yaml"), encoding="utf-8"))
    qw_fields = {m["name"] for m in config["doc_mapping"]["field_mappings"]}
    check(qw_fields == expected, f"quickwit fields {sorted(qw_fields ^ expected)} differ from the schema")
    check(config["doc_mapping"]["timestamp_field"] == "date", "quickwit timestamp field")

    # Bulk files: an action and a source line per article, each article once.
    seen = {}
    for path in sorted(glob.glob(os.path.join(out, "os", "bulk-*.ndjson"))):
        check(os.path.getsize(path) <= 50_000_000, f"{path} is over 50 MB")
        lines = open(path, encoding="utf-8").read().splitlines()
        check(len(lines) % 2 == 0, f"{path}: odd number of lines")
        for action, source in zip(lines[::2], lines[1::2]):
            a, d = json.loads(action)["index"], json.loads(source)
            check(a["_id"] == d["id"] and a["_index"] == "communique", f"action {a}")
            check(set(d) <= expected, f"{d['id']}: unmapped {sorted(set(d) - expected)}")
            seen[d["id"]] = d
    check(set(seen) == set(by_id), f"bulk has {len(seen)} articles, jsonl {len(by_id)}")
    docs = {}
    for path in sorted(glob.glob(os.path.join(out, "qw", "docs-*.ndjson"))):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            docs[d["id"]] = d
    check(set(docs) == set(by_id), "quickwit docs and jsonl hold different articles")
    for i, j in by_id.items():
        for d in (seen[i], docs[i]):
            for key in ["title", "body", "outlet", "quotes", "mentions", "offices", "duplicate_group"] + LISTS:
                check(d[key] == j[key], f"{i}: cluster {key} differs")
            for field, kind in [("people_named", "person"), ("places_named", "place"), ("countries_named", "country")]:
                check(d[field] == [m["name"] for m in j["mentions"] if m["kind"] == kind], f"{i}: {field}")
            check((d["date"] or "")[:10] == (j["date"] or "")[:10], f"{i}: cluster date")
            check(len(d["fingerprint"]) in (0, 66), f"{i}: fingerprint of {len(d['fingerprint'])} values")
    print(f"ok: {len(rows)} articles read back by pyarrow, DuckDB, csv and PyYAML")


main()
