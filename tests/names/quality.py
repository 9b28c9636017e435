#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Quality of the names engine on name-variants.json.

Pairwise precision and recall of the partition that
`variorum-tool cluster --tier N --json` prints for the distinct attested
forms, against the gold grouping of the file (two forms are the same person
when one group lists both). A form attested for two people would be counted
once, with the first group that lists it (the current file has none).
Also: how often `variorum-tool romanize` gives an attested form, for the
groups with Hangul.

    quality.py [--tool PATH] [--data name-variants.json] [--check]

--check exits 1 when a target is missed: tier 1 precision >= 0.99 and
recall >= 0.80, tier 2 precision >= 0.95 and recall >= 0.92.
"""
import argparse
import itertools
import json
import random
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = {1: (0.99, 0.80), 2: (0.95, 0.92)}


def gold_partition(data):
    label = {}
    for gi, group in enumerate(data["groups"]):
        for att in group["attested"]:
            label.setdefault(att["form"], gi)
    return label


def pairs_of(groups):
    out = set()
    for g in groups:
        for a, b in itertools.combinations(sorted(set(g)), 2):
            out.add((a, b))
    return out


def cluster(tool, forms, tier):
    res = subprocess.run([tool, "cluster", "--tier", str(tier), "--json"],
                         input="\n".join(forms) + "\n", capture_output=True,
                         text=True, check=True)
    return json.loads(res.stdout)


def fold(s):
    return "".join(c for c in s.lower() if c.isalnum())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default=os.environ.get("VARIORUM_TOOL"))
    ap.add_argument("--data", default=os.path.join(HERE, "name-variants.json"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if not args.tool:
        ap.error("give --tool or set VARIORUM_TOOL")

    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)
    label = gold_partition(data)
    forms = list(label)
    gold_groups = {}
    for form, gi in label.items():
        gold_groups.setdefault(gi, []).append(form)
    gold = pairs_of(gold_groups.values())

    ok = True
    print(f"{len(forms)} distinct attested forms, {len(data['groups'])} people, "
          f"{len(gold)} same-person pairs")
    for tier in (1, 2):
        groups = cluster(args.tool, forms, tier)
        seen = [f for g in groups for f in g]
        assert sorted(seen) == sorted(forms), "every form in exactly one group"
        predicted = pairs_of(groups)
        tp = len(predicted & gold)
        precision = tp / len(predicted) if predicted else 1.0
        recall = tp / len(gold) if gold else 1.0
        want_p, want_r = TARGETS[tier]
        verdict = "ok" if precision >= want_p and recall >= want_r else "MISSED"
        ok &= verdict == "ok"
        print(f"tier {tier}: precision {precision:.3f} ({tp}/{len(predicted)}), "
              f"recall {recall:.3f} ({tp}/{len(gold)}), {len(groups)} groups "
              f"[targets P>={want_p} R>={want_r}: {verdict}]")
        for a, b in sorted(predicted - gold):
            print(f"  false join: {a!r} ~ {b!r}")

    # Romanization agreement with the attested forms
    hangul = [g for g in data["groups"] if g.get("hangul")]
    res = subprocess.run([args.tool, "romanize", "--json"] + [g["hangul"] for g in hangul],
                         capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    rr_exact = rr_loose = mr_exact = mr_loose = 0
    for group, row in zip(hangul, rows):
        attested = [a["form"] for a in group["attested"]]
        lower = {a.lower() for a in attested}
        folded = {fold(a) for a in attested}
        rr_forms = [row["rr"]] + [row["rr"].replace(row["rr"].split(" ")[0], alt, 1)
                                  for alt in row["rr_surname_alternatives"]]
        rr_exact += any(r.lower() in lower for r in rr_forms)
        rr_loose += any(fold(r) in folded for r in rr_forms)
        mr_exact += row["mr"].lower() in lower or row["mr_ascii"].lower() in lower
        mr_loose += fold(row["mr"]) in folded or fold(row["mr_ascii"]) in folded
    n = len(rows)
    print(f"romanize, {n} names with Hangul: RR (any usual surname spelling) attested "
          f"{rr_exact}/{n} exactly, {rr_loose}/{n} ignoring case, spaces and hyphens; "
          f"MR or MR-ASCII attested {mr_exact}/{n} exactly, {mr_loose}/{n} loosely")
    synthetic(args.tool)
    return 0 if ok or not args.check else 1


SYN_SURNAMES = "김 리 박 최 정 윤 서 허 강 권 고 조 장 전 주 오 신 안 한 홍 남 송 문 백 유 임 노 황".split()
SYN_SYLLABLES = ("일 성 창 익 옥 공 흠 휘 필 규 승 화 두 봉 금 철 룡 만 정 애 용 건 상 조 우 헌 영 가 "
                 "책 준 택 의 완 삼 엽 하 직 주 현 선 진 석 복 길 호 강 동 명 수 혁 태 국 민 광 근 "
                 "순 희 원 기 남 식 경").split()


def synthetic(tool, n=1500, seed=7):
    """Generated Hangul names with their RR, MR and MR-ASCII from the tool:
    the spellings of one name must join; those of different names should
    not (a pair is right when both can spell one of the names)."""
    rng = random.Random(seed)
    names = set()
    while len(names) < n:
        names.add(rng.choice(SYN_SURNAMES) + rng.choice(SYN_SYLLABLES) + rng.choice(SYN_SYLLABLES))
    names = sorted(names)
    res = subprocess.run([tool, "romanize", "--json"] + names, capture_output=True, text=True,
                         check=True)
    spells = {}
    for line in res.stdout.splitlines():
        row = json.loads(line)
        for form in {row["hangul"], row["rr"], row["mr"], row["mr_ascii"]}:
            spells.setdefault(form, set()).add(row["hangul"])
    forms = sorted(spells)
    gold = set()
    by_name = {}
    for form, hs in spells.items():
        for h in hs:
            by_name.setdefault(h, []).append(form)
    for fs in by_name.values():
        gold |= pairs_of([fs])
    for tier in (1, 2):
        predicted = pairs_of(cluster(tool, forms, tier))
        right = sum(1 for a, b in predicted if spells[a] & spells[b])
        print(f"synthetic, {len(forms)} spellings (Hangul, RR, MR, MR-ASCII) of {n} generated "
              f"names, tier {tier}: precision {right / max(1, len(predicted)):.3f}, "
              f"recall {len(predicted & gold) / max(1, len(gold)):.3f}")


if __name__ == "__main__":
    sys.exit(main())
