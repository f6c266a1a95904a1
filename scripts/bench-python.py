"""The obvious alternative, measured on the same bytes: Python `json` (and orjson) + `jsonschema`.

    swift build -c release --product conform-bench
    .build/release/conform-bench --emit /tmp/bench     # writes page.json, contract.json, schema-pointer.txt
    python3 scripts/bench-python.py /tmp/bench

Prints best-of-N times and MB/s for parse and parse + schema validation (Draft 2020-12, formats asserted,
as Conform does), next to which `conform-bench`'s own table can be read. Needs `jsonschema` (PyPI).
"""
import json
import os
import sys
import time

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench"
repeat = int(os.environ.get("BENCH_REPEAT", "5"))
page = open(os.path.join(folder, "page.json"), "rb").read()
contract = json.load(open(os.path.join(folder, "contract.json")))
pointer = open(os.path.join(folder, "schema-pointer.txt")).read().strip()
mb = len(page) / 1e6


def best(fn):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def row(name, seconds):
    print(f"{name:<38}{seconds * 1000:9.2f} ms {mb / seconds:9.1f} MB/s")


print(f"input {mb:.2f} MB, best of {repeat}, Python {sys.version.split()[0]}")
row("python json.loads", best(lambda: json.loads(page)))
try:
    import orjson
    row("orjson.loads", best(lambda: orjson.loads(page)))
except ImportError:
    print("orjson not installed: skipped")

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

uri = "urn:conform:contract"
registry = Registry().with_resource(uri, Resource(contents=contract, specification=DRAFT202012))
validator = Draft202012Validator({"$ref": f"{uri}#{pointer}"}, registry=registry,
                                 format_checker=Draft202012Validator.FORMAT_CHECKER)
errors = list(validator.iter_errors(json.loads(page)))
assert not errors, f"the page should be valid: {errors[0].message}"
row("json.loads + jsonschema (2020-12)", best(lambda: list(validator.iter_errors(json.loads(page)))))
