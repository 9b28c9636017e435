#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The limits: a 100 MB document, 1,000,000 mentions, deep nesting.

Generates each case into a temporary folder, then loads it with Variorum's
loader and with json-glib's bare parse (the base of the load budget in
DESIGN.md: at most 1.4x its time and 1.25x its peak memory), each in a
process of its own, and prints load time, peak RSS and the outcome.

    bench-limits.py --loader BUILDDIR/tests/limits/limits-load [--keep DIR]
"""
import argparse
import os
import subprocess
import sys
import tempfile

NAMES = ["Yun Gong-heum", "Yung Kong-hum", "Choe Chang-ik", "Kim Il Sung",
         "Ri Pil-gyu", "So Hwi", "Pak Chang-ok", "Kim Tu-bong"]
FILLER = ("The delegation was received at the ministry and the question of the "
          "plenum was raised again by ")


def header():
    return ('{\n  "variorum": 1,\n  "id": "limits",\n'
            '  "metadata": {"title": "Limits"},\n'
            '  "versions": [{"id": "en", "language": "en"}],\n')


def entities():
    out = []
    for i, n in enumerate(NAMES):
        out.append('{"id": "e%d", "kind": "person", "name": "%s", '
                   '"variants": [{"form": "%s", "system": "rr"}]}' % (i, n, n))
    return '  "entities": [\n    ' + ',\n    '.join(out) + '\n  ],\n'


def write_document(path, n_paragraphs, names_per_paragraph, filler_repeat):
    """Paragraphs of filler and names, every name a mention."""
    n_mentions = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(header())
        f.write('  "paragraphs": [\n')
        mentions = []
        for p in range(n_paragraphs):
            text = []
            pos = 0
            spans = []
            for k in range(names_per_paragraph):
                lead = FILLER * filler_repeat
                name = NAMES[(p + k) % len(NAMES)]
                pos += len(lead)
                spans.append(((p + k) % len(NAMES), pos, pos + len(name)))
                pos += len(name) + 2
                text.append(lead + name + ". ")
            sep = ",\n" if p + 1 < n_paragraphs else "\n"
            f.write('    {"id": "p%d", "kind": "body", "text": {"en": "%s"}}%s'
                    % (p, "".join(text), sep))
            mentions.append((p, spans))
        f.write('  ],\n')
        f.write(entities())
        f.write('  "mentions": [\n')
        first = True
        for p, spans in mentions:
            for e, s, t in spans:
                f.write(('' if first else ',\n') +
                        '    {"entity": "e%d", "paragraph": "p%d", "version": "en", '
                        '"start": %d, "end": %d}' % (e, p, s, t))
                first = False
                n_mentions += 1
        f.write('\n  ]\n}\n')
    return n_mentions


def write_nested(path, depth):
    """A document whose unknown member nests arrays and objects @depth deep
    (counting the document's own object)."""
    inner = depth - 1
    opening = "".join('[' if i % 2 == 0 else '{"k": ' for i in range(inner))
    closing = "".join(']' if i % 2 == 0 else '}' for i in reversed(range(inner)))
    with open(path, "w", encoding="utf-8") as f:
        f.write(header())
        f.write('  "paragraphs": [{"id": "p1", "text": {"en": "Deep."}}],\n')
        f.write('  "x-nested": %s1%s\n}\n' % (opening, closing))


def measure(loader, mode, path):
    out = subprocess.run([loader, mode, path], capture_output=True, text=True,
                         env=dict(os.environ, G_SLICE="always-malloc"))
    if out.returncode != 0:
        return None, None, "crashed (exit %d): %s" % (out.returncode, out.stderr.strip()[-200:])
    m, wall, rss, outcome = out.stdout.strip().split(" ", 3)
    return float(wall), int(rss), outcome


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loader", required=True)
    ap.add_argument("--keep", help="write the cases here and keep them")
    args = ap.parse_args()

    tmp = None
    folder = args.keep
    if folder is None:
        tmp = tempfile.TemporaryDirectory(prefix="variorum-limits-")
        folder = tmp.name
    os.makedirs(folder, exist_ok=True)

    cases = []
    # ~100 MB of text: 20,000 paragraphs of ~5 KB, 10 names each.
    p = os.path.join(folder, "size-100mb.json")
    n = write_document(p, 20000, 10, 5)
    cases.append(("100 MB document (%d mentions)" % n, p))
    # 1,000,000 mentions: 20,000 paragraphs, 50 names each.
    p = os.path.join(folder, "mentions-1m.json")
    n = write_document(p, 20000, 50, 0)
    cases.append(("%d mentions" % n, p))
    for depth in (50, 100, 101, 200000):
        p = os.path.join(folder, "nested-%d.json" % depth)
        write_nested(p, depth)
        cases.append(("nesting %d deep" % depth, p))

    failed = False
    for label, path in cases:
        size = os.path.getsize(path) / 1e6
        print("%s: %.1f MB" % (label, size))
        base = measure(args.loader, "json-glib", path)
        ours = measure(args.loader, "variorum", path)
        for name, (wall, rss, outcome) in (("json-glib", base), ("variorum", ours)):
            if wall is None:
                print("  %-9s %s" % (name, outcome))
                continue
            print("  %-9s %7.2f s  %7.1f MB peak RSS  %s"
                  % (name, wall, rss / 1024, outcome[:160]))
        if ours[0] is None:
            failed = True
        elif base[0] and ours[2].startswith("loaded") and ours[0] > 0.05:
            print("  variorum / json-glib: time %.2fx (budget 1.4x), peak RSS %.2fx "
                  "(budget 1.25x), %.1f MB/s"
                  % (ours[0] / base[0], ours[1] / base[1], size / ours[0]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
