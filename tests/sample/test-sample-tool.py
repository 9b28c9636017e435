#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled sample opens in Variorum: `variorum-tool validate` accepts it,
`variorum-tool stats` counts what the file holds, and loading and writing it
back (`variorum-tool normalize`) loses nothing, unknown keys included.
Prints TAP.

  test-sample-tool.py VARIORUM-TOOL SAMPLE.json
"""

import collections
import json
import subprocess
import sys


def expected_stats(doc):
    kinds = collections.Counter(e.get("kind", "other") for e in doc.get("entities", []))
    known = ("person", "organization", "place", "event")
    entities = {k: kinds[k] for k in known}
    entities["other"] = sum(n for k, n in kinds.items() if k not in known)
    entities["total"] = len(doc.get("entities", []))
    return {
        "paragraphs": len(doc["paragraphs"]),
        "versions": len(doc["versions"]),
        "entities": entities,
        "variants": sum(len(e.get("variants", [])) for e in doc.get("entities", [])),
        "mentions": len(doc.get("mentions", [])),
        "annotations": len(doc.get("annotations", [])),
        "decisions": len(doc.get("decisions", [])),
    }


def run(tool, *args):
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    tool, sample = sys.argv[1:]
    with open(sample, encoding="utf-8") as f:
        doc = json.load(f)

    print("1..3")
    failed = 0

    validate = run(tool, "validate", sample)
    if validate.returncode == 0:
        print("ok 1 - variorum-tool validate accepts the sample")
    else:
        failed += 1
        print("not ok 1 - variorum-tool validate accepts the sample")
        for line in (validate.stdout + validate.stderr).splitlines():
            print(f"# {line}")

    stats = run(tool, "stats", sample)
    want = expected_stats(doc)
    try:
        got = json.loads(stats.stdout) if stats.returncode == 0 else None
    except ValueError:
        got = None
    if got is not None and all(got.get(k) == v for k, v in want.items()):
        print("ok 2 - variorum-tool stats counts what the sample holds")
    else:
        failed += 1
        print("not ok 2 - variorum-tool stats counts what the sample holds")
        print(f"# expected {json.dumps(want)}")
        for line in (stats.stdout + stats.stderr).splitlines():
            print(f"# got {line}")

    normalize = run(tool, "normalize", sample)
    try:
        back = json.loads(normalize.stdout) if normalize.returncode == 0 else None
    except ValueError:
        back = None
    if back == doc:
        print("ok 3 - the sample survives loading and saving unchanged")
    else:
        failed += 1
        print("not ok 3 - the sample survives loading and saving unchanged")
        for line in normalize.stderr.splitlines():
            print(f"# {line}")
        if back is not None:
            for key in doc:
                if back.get(key) != doc[key]:
                    print(f"# /{key} differs")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
