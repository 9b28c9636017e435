#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmarks of the names engine (figures, not pass/fail timings).

1. Mention finding: 20 MB of generated text and 5,000 generated variant
   names (fixed seed), `variorum-tool find --count` against
   `LC_ALL=C grep -F -o -i -w -f NAMES TEXT | wc -l`: both times, the ratio
   and both match counts, which must agree.
2. Clustering 10,000 generated spellings at tier 1 and tier 2 (budget 1 s).

    bench-names.py [--tool PATH] [--size MB] [--names N] [--spellings N]

Exits 1 only when the two match counts differ.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

SURNAMES = ["Kim", "Pak", "Park", "Ri", "Li", "Yi", "Lee", "Choe", "Choi", "Jeong", "Chong",
            "Yun", "Yoon", "Seo", "So", "Heo", "Ho", "Kang", "Kwon", "Chu", "Nam", "An",
            "Han", "Hong", "Song", "Mun", "Jo", "Cho", "O", "Sin"]
SYLLABLES = ["il", "sung", "song", "seong", "chang", "ik", "ok", "gong", "kong", "heum",
             "hum", "hwi", "pil", "gyu", "kyu", "seung", "hwa", "du", "tu", "bong", "geum",
             "kum", "cheol", "chol", "yong", "man", "jeong", "ae", "geon", "gon", "kun",
             "sang", "jo", "u", "heon", "hon", "yeong", "ka", "i", "chaek", "jun", "taek",
             "ui", "wan", "sam", "yop", "ha", "o", "jik", "hyon", "hyung", "sun", "chin",
             "seok", "bok", "kil", "ho", "gan", "won", "min", "su", "young", "nam", "dong"]
FILLER = ("the of and to in a was that for on with as by at from plenum committee party "
          "central comrade delegation minister question report session meeting said "
          "government people economy plan work cadres criticism members decision "
          "said, told. asked; stated: (see) Korea Korean DPRK USSR Soviet embassy "
          "ambassador telegram 1956 August September x1 a_b").split()


def gen_name(rng):
    given = [rng.choice(SYLLABLES) for _ in range(rng.choice([1, 2, 2, 2]))]
    style = rng.random()
    if style < 0.4:
        g = given[0].capitalize() + "".join("-" + s for s in given[1:])
    elif style < 0.7:
        g = " ".join(s.capitalize() for s in given)
    else:
        g = "".join(given).capitalize()
    sur = rng.choice(SURNAMES)
    if rng.random() < 0.1:
        sur = sur.upper()
    name = f"{sur} {g}"
    if rng.random() < 0.03:
        name = f"{sur} [{given[0].capitalize()}]"
    return name


def gen_names(rng, n):
    names = set()
    while len(names) < n:
        names.add(gen_name(rng))
    return sorted(names)


def gen_text(rng, names, size):
    out = []
    total = 0
    while total < size:
        words = []
        for _ in range(rng.randint(8, 30)):
            r = rng.random()
            if r < 0.06:
                n = rng.choice(names)
                c = rng.random()
                if c < 0.2:
                    n = n.upper()
                elif c < 0.3:
                    n = n.lower()
                elif c < 0.35:
                    n = n + rng.choice(["s", "'s", "-like", "_x", "1"])
                elif c < 0.40:
                    n = rng.choice(["x", "(", "\"", "_"]) + n
                words.append(n)
            else:
                words.append(rng.choice(FILLER))
        line = " ".join(words) + ".\n"
        out.append(line)
        total += len(line)
    return "".join(out)


def timed(cmd, **kw):
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.perf_counter() - t0, res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default=os.environ.get("VARIORUM_TOOL"))
    ap.add_argument("--size", type=float, default=20.0, help="MB of text")
    ap.add_argument("--names", type=int, default=5000)
    ap.add_argument("--spellings", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=254)
    args = ap.parse_args()
    if not args.tool:
        ap.error("give --tool or set VARIORUM_TOOL")

    rng = random.Random(args.seed)
    names = gen_names(rng, args.names)
    text = gen_text(rng, names, int(args.size * 1024 * 1024))
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        names_path = os.path.join(tmp, "names.txt")
        text_path = os.path.join(tmp, "text.txt")
        with open(names_path, "w") as f:
            f.write("\n".join(names) + "\n")
        with open(text_path, "w") as f:
            f.write(text)

        env = dict(os.environ, LC_ALL="C")
        t_tool, r_tool = timed([args.tool, "find", "--names", names_path, "--count", text_path])
        t_grep, r_grep = timed(["sh", "-c", f"grep -F -o -i -w -f '{names_path}' '{text_path}' | wc -l"],
                               env=env)
        n_tool = int(r_tool.stdout.strip() or -1)
        n_grep = int(r_grep.stdout.strip() or -1)
        agree = n_tool == n_grep
        status |= 0 if agree else 1
        print(f"find: {len(text) / 1e6:.1f} MB, {len(names)} names")
        print(f"  variorum-tool find --count : {t_tool:.3f} s, {n_tool} matches")
        print(f"  LC_ALL=C grep -F -o -i -w  : {t_grep:.3f} s, {n_grep} matches")
        print(f"  ratio grep/variorum        : {t_grep / t_tool:.2f}x  "
              f"[counts {'agree' if agree else 'DIFFER'}]")

        spellings = gen_names(random.Random(args.seed + 1), args.spellings)
        spell_input = "\n".join(spellings) + "\n"
        for tier in (1, 2):
            t, r = timed([args.tool, "cluster", "--tier", str(tier), "--json"], input=spell_input)
            groups = r.stdout.count("],[") + 1 if r.returncode == 0 else -1
            print(f"cluster: {len(spellings)} spellings, tier {tier}: {t:.3f} s "
                  f"(budget 1 s), {groups} groups")
    return status


if __name__ == "__main__":
    sys.exit(main())
