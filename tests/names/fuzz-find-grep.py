#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`variorum-tool find` reports exactly what `LC_ALL=C grep -F -o -i -w -b`
reports, on small random names and texts full of overlaps, prefixes,
punctuation at pattern edges and word characters next to matches.

    fuzz-find-grep.py --tool PATH [--seeds N]      (exit 1 on a difference)
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

ALPHABETS = ["ab ", "ab _-", "abc ", "aB 1'[]", "ab.c ", "Kim Il Sung "]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default=os.environ.get("VARIORUM_TOOL"))
    ap.add_argument("--seeds", type=int, default=300)
    args = ap.parse_args()
    if not args.tool:
        ap.error("give --tool or set VARIORUM_TOOL")

    bad = 0
    env = dict(os.environ, LC_ALL="C")
    with tempfile.TemporaryDirectory() as tmp:
        names_path = os.path.join(tmp, "names.txt")
        text_path = os.path.join(tmp, "text.txt")
        for seed in range(args.seeds):
            r = random.Random(seed)
            alpha = r.choice(ALPHABETS)
            names = set()
            for _ in range(r.randint(1, 12)):
                n = "".join(r.choice(alpha) for _ in range(r.randint(1, 6))).strip()
                if n:
                    names.add(n)
            names = sorted(names)
            text = "".join(r.choice(alpha + "\n") for _ in range(r.randint(0, 300)))
            with open(names_path, "w") as f:
                f.write("\n".join(names) + "\n")
            with open(text_path, "w") as f:
                f.write(text)
            grep = subprocess.run(["grep", "-F", "-o", "-i", "-w", "-b", "-f", names_path, text_path],
                                  capture_output=True, text=True, env=env).stdout.splitlines()
            grep = [(int(l.split(":", 1)[0]), len(l.split(":", 1)[1])) for l in grep]
            ours = subprocess.run([args.tool, "find", "--names", names_path, text_path],
                                  capture_output=True, text=True, check=True).stdout.splitlines()
            ours = [(int(l.split("\t")[1]), int(l.split("\t")[2])) for l in ours]
            if grep != ours:
                bad += 1
                print(f"seed {seed}: names {names!r} text {text!r}\n  grep {grep}\n  ours {ours}")
    print(f"{args.seeds} random cases, {bad} differing from grep")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
