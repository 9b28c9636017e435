#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""docs/format.md documents every key and every enum value the JSON Schema
knows, so the two cannot drift apart. Prints TAP.

  test-format-docs.py SCHEMA.json FORMAT.md
"""

import re
import sys
import json


def walk(node, keys, enums):
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            keys.add(key)
        for value in node.get("enum", []):
            enums.add(value)
        for value in node.values():
            walk(value, keys, enums)
    elif isinstance(node, list):
        for value in node:
            walk(value, keys, enums)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        doc = f.read()

    keys, enums = set(), set()
    walk(schema, keys, enums)
    # Documented means written as code, `key`, somewhere on the page.
    documented = set(re.findall(r"`([^`\s]+)`", doc))

    tests = [
        ("every key of the schema is documented", sorted(keys - documented)),
        ("every enum value of the schema is documented", sorted(enums - documented)),
        ("the nesting limit, offsets, FILE~ and error forms are documented",
         [s for s in ("100", "code points", "end", "FILE~", "FILE:LINE:COL",
                      "FILE: /json/pointer", "made by a newer Variorum",
                      "variorum-tool stats", "hangul_note")
          if s not in doc]),
    ]
    print(f"1..{len(tests)}")
    failed = 0
    for i, (desc, missing) in enumerate(tests, 1):
        if missing:
            failed += 1
            print(f"not ok {i} - {desc}")
            print(f"# missing: {', '.join(map(str, missing))}")
        else:
            print(f"ok {i} - {desc}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
