#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the bundled sample document against the schema, its source page and
the rules of docs/format.md. Prints TAP.

  test-sample.py SAMPLE.json SCHEMA.json SEED.txt
"""

import json
import re
import sys
import traceback

import jsonschema

FURNITURE = [
    "Search in",
    "Digital Archive International History Declassified",
    "September 15, 1956",
    "Citation",
    "get citation",
    "share document",
    "English HTML",
    "•",
    "It appears your Web browser is not configured to display PDF files",
    "click here to download the PDF file",
    "Click here to view the PDF file in a new window",
    "PDFs cannot be printed inline in the page",
    "http",
]

METADATA = {
    "title": "Telegram from the USSR Ambassador to the DPRK Ivanov addressed to "
             "Mikoyan and Shepilov, 'August Plenum of the Korean Workers' Party "
             "Central Committee'",
    "date": "1956-09-15",
    "summary": "Ivanov provides a detailed report on the proceedings of the August "
               "Plenum of the Korean Workers' Party Central Committee.",
    "repository": "History and Public Policy Program Digital Archive",
    "archive": "GARF",
    "archive_location": "Fond 5446, Opis 98, Delo 721, Listy 153-164",
    "translator": "Gary Goldberg",
    "original_language": "ru",
    "classification": "Top Secret",
    "recipients": ["Mikoyan", "Shepilov"],
}

FIELDS = [
    ("Document number", "254"),
    ("Copy number", "1"),
    ("Copies printed", "3"),
    ("Drafted by", "Samsonov"),
    ("Typed by", "Sarycheva"),
    ("Closing number", "939"),
    ("Closing date", "14 November 1956"),
]

HEADINGS = ["Nº 254", "Top Secret", "15 September 1956", "Copy Nº 1"]
CLOSINGS = ["Three copies printed", "1 - to Cde. Mikoyan", "2 - to Cde. Shepilov",
            "3. - to file", "Drafted by Samsonov", "Typed by Sarycheva", "Nº 939",
            "14 November 1956"]

# Spellings the text prints that a reader must find as names, with their kind.
REQUIRED_NAMES = {
    "person": ["Kim Il Sung", "Pak Geum-cheol", "Choe Chang-ik", "Pak Chang-ok",
               "So Hwi", "Yun Gong-heum", "Yung Kong-hum", "Kim Seung-hwa",
               "Kim Du-bong", "Jeong Il-yong", "Jeong [Dyun Tkhyak]", "Kim Chang-man",
               "Pak Jeong-ae", "Nam Il", "Choe Yong-geon", "Kim Il", "Pak Il-u",
               "Ri Pil-gyu", "Kim [Gan]", "Kim [Won Sun]", "Ri [Ur Gyu]", "Ri [Yn Ho]",
               "Ri Sang-jo", "Kim Chang [Hyp]", "Bierut", "Stalin", "Mikoyan",
               "Shepilov", "Samsonov", "Sarycheva"],
    "organization": ["KWP", "CPSU", "PUWP", "KPA", "Soviet Embassy"],
    "place": ["DPRK", "USSR", "Soviet Union", "Poland", "Poznan", "Moscow", "Britain",
              "PRC", "Pyongyang"],
    "event": ["August Plenum", "December Plenum", "20th CPSU congress",
              "3rd KWP congress"],
}

# Pairs of spellings that name the same entity, and pairs that must not.
SAME = [("Yun Gong-heum", "Yung Kong-hum"), ("USSR", "Soviet Union")]
DIFFERENT = [("Kim Il", "Kim Il Sung"), ("Kim Chang [Hyp]", "Kim Chang-man"),
             ("Choe Chang-ik", "Choe Yong-geon"), ("Pak Chang-ok", "Pak Geum-cheol")]

# Short references: (text starting at the mention, its length, entity spelling).
SHORTS = [("Yun's speech caused", 3, "Yun Gong-heum"),
          ("Yun himself", 3, "Yun Gong-heum"),
          ("Choe was asked", 4, "Choe Chang-ik"),
          ("Pak also was not allowed", 3, "Pak Chang-ok")]

# Hangul given by shared/reference/name-variants.json with a source. Any
# other Hangul in the sample must carry a "hangul_note".
VERIFIED_HANGUL = {
    "Kim Il Sung": "김일성", "Choe Chang-ik": "최창익", "Pak Chang-ok": "박창옥",
    "Yun Gong-heum": "윤공흠", "So Hwi": "서휘", "Ri Pil-gyu": "리필규",
    "Kim Seung-hwa": "김승화", "Kim Du-bong": "김두봉", "Pak Geum-cheol": "박금철",
    "Pak Jeong-ae": "박정애", "Nam Il": "남일", "Choe Yong-geon": "최용건",
    "Kim Il": "김일", "Ri Sang-jo": "리상조", "Pak Il-u": "박일우",
}

WORD = r"(?<!\w){}(?!\w)"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Sample:
    def __init__(self, sample_path, schema_path, seed_path):
        with open(sample_path, encoding="utf-8") as f:
            self.raw = f.read()
        self.doc = json.loads(self.raw)
        with open(schema_path, encoding="utf-8") as f:
            self.schema = json.load(f)
        with open(seed_path, encoding="utf-8") as f:
            self.seed = f.read()

        d = self.doc
        self.paragraphs = d.get("paragraphs", [])
        self.entities = d.get("entities", [])
        self.mentions = d.get("mentions", [])
        self.para_index = {p["id"]: i for i, p in enumerate(self.paragraphs)}
        self.entity_by_id = {e["id"]: e for e in self.entities}
        self.forms = {e["id"]: {v["form"] for v in e.get("variants", [])}
                      for e in self.entities}
        self.version_ids = [v["id"] for v in d.get("versions", [])]

    def text(self, paragraph_id, version):
        return self.paragraphs[self.para_index[paragraph_id]]["text"].get(version)

    def mention_text(self, m):
        return self.text(m["paragraph"], m["version"])[m["start"]:m["end"]]

    def entity_with_form(self, form):
        return [e for e in self.entities if form in self.forms[e["id"]]]

    # --- the checks, one TAP point each ---

    def test_schema(self):
        """the sample validates against data/variorum.schema.json"""
        cls = jsonschema.validators.validator_for(self.schema)
        cls.check_schema(self.schema)
        errors = sorted(cls(self.schema).iter_errors(self.doc), key=lambda e: e.path)
        check(not errors, "; ".join(
            f"/{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]))

    def test_schema_rules(self):
        """the schema keeps unknown keys valid and refuses what version 1 forbids"""
        validator = jsonschema.validators.validator_for(self.schema)(self.schema)
        minimal = {"variorum": 1, "versions": [{"id": "en"}],
                   "paragraphs": [{"id": "p1", "text": {"en": "Nam Il spoke."}}]}
        check(validator.is_valid(minimal), "the smallest document is refused")

        # A later minor version may add keys anywhere.
        future = json.loads(json.dumps(self.doc))
        future["x-future"] = {"nested": [1, 2]}
        for path in (["metadata"], ["versions", 0], ["paragraphs", 0], ["entities", 0],
                     ["entities", 0, "variants", 0], ["mentions", 0],
                     ["decisions", 0], ["metadata", "fields", 0]):
            node = future
            for step in path:
                node = node[step]
            node["x-future"] = True
        check(validator.is_valid(future), "unknown keys are refused")

        def broken(change):
            d = json.loads(json.dumps(minimal))
            d.update(entities=[{"id": "nam-il", "kind": "person",
                                "variants": [{"form": "Nam Il", "system": "rr"}]}],
                     mentions=[{"entity": "nam-il", "paragraph": "p1", "start": 0, "end": 6}],
                     decisions=[{"a": "Nam Il", "b": "Nam II", "verdict": "same"}])
            check(validator.is_valid(d), "the example before breaking is refused")
            change(d)
            return d

        refused = {
            "no variorum": lambda d: d.pop("variorum"),
            "variorum 2": lambda d: d.update(variorum=2),
            "variorum \"1\"": lambda d: d.update(variorum="1"),
            "no versions": lambda d: d.pop("versions"),
            "empty versions": lambda d: d.update(versions=[]),
            "no paragraphs": lambda d: d.pop("paragraphs"),
            "paragraph without id": lambda d: d["paragraphs"][0].pop("id"),
            "paragraph without text": lambda d: d["paragraphs"][0].pop("text"),
            "text not a string": lambda d: d["paragraphs"][0]["text"].update(en=7),
            "paragraph kind": lambda d: d["paragraphs"][0].update(kind="title"),
            "entity kind": lambda d: d["entities"][0].update(kind="ship"),
            "variant system": lambda d: d["entities"][0]["variants"][0].update(system="ala"),
            "variant status": lambda d: d["entities"][0]["variants"][0].update(status="maybe"),
            "variant without form": lambda d: d["entities"][0]["variants"][0].pop("form"),
            "negative offset": lambda d: d["mentions"][0].update(start=-1),
            "offset as string": lambda d: d["mentions"][0].update(end="6"),
            "short not boolean": lambda d: d["mentions"][0].update(short=1),
            "mention without entity": lambda d: d["mentions"][0].pop("entity"),
            "verdict": lambda d: d["decisions"][0].update(verdict="maybe"),
        }
        for what, change in refused.items():
            check(not validator.is_valid(broken(change)), f"accepted: {what}")

    def test_file_form(self):
        """the file is pretty-printed UTF-8 with 2-space indent"""
        check(self.raw == json.dumps(self.doc, ensure_ascii=False, indent=2) + "\n",
              "not json.dumps(indent=2, ensure_ascii=False) output")

    def test_ids(self):
        """ids are unique and paragraph ids run p1, p2, …"""
        for name, items in (("versions", self.doc["versions"]),
                            ("paragraphs", self.paragraphs),
                            ("entities", self.entities)):
            ids = [x["id"] for x in items]
            check(len(ids) == len(set(ids)), f"duplicate id in {name}")
        ids = [p["id"] for p in self.paragraphs]
        check(ids == [f"p{i + 1}" for i in range(len(ids))], f"paragraph ids {ids[:5]}…")

    def test_version(self):
        """one version: the English translation by Gary Goldberg"""
        check(self.doc["versions"] == [{"id": "en", "language": "en",
                                        "label": "English translation",
                                        "translator": "Gary Goldberg"}],
              f"versions are {self.doc['versions']}")
        for p in self.paragraphs:
            check(list(p["text"]) == ["en"], f"{p['id']} has text in {list(p['text'])}")

    def test_metadata(self):
        """the metadata values of the archive's record"""
        md = self.doc["metadata"]
        for key, value in METADATA.items():
            check(md.get(key) == value, f"metadata {key} is {md.get(key)!r}")
        authors = md.get("authors", [])
        check(len(authors) == 1 and "Ivanov" in authors[0], f"authors are {authors}")
        fields = [(f["label"], f["value"]) for f in md.get("fields", [])]
        check(fields == FIELDS, f"fields are {fields}")

    def test_seed_text(self):
        """every paragraph of the seed's document appears, word for word, in order"""
        start = self.seed.index("English HTML") + len("English HTML")
        end = self.seed.index("It appears your Web browser")
        body = self.seed[start:end]
        seed_words = body.split()
        sample_words = [w for p in self.paragraphs for w in p["text"]["en"].split()]
        for i, (a, b) in enumerate(zip(seed_words, sample_words)):
            check(a == b, f"word {i}: seed has {a!r}, sample {b!r}")
        check(len(seed_words) == len(sample_words),
              f"seed has {len(seed_words)} words, sample {len(sample_words)}")
        # and no paragraph joins two of the seed's lines
        lines = [l for l in body.split("\n") if l.strip()]
        for p in self.paragraphs:
            t = p["text"]["en"]
            check(t == t.strip() and t, f"{p['id']} has surrounding space or is empty")
            check(any(t in l for l in lines), f"{p['id']} is not within one line of the seed")

    def test_kinds(self):
        """heading and closing lines are marked, everything else is body"""
        texts = [(p.get("kind", "body"), p["text"]["en"]) for p in self.paragraphs]
        check(texts[:4] == [("heading", h) for h in HEADINGS], f"headings {texts[:4]}")
        check(texts[-len(CLOSINGS):] == [("closing", c) for c in CLOSINGS],
              f"closing lines {texts[-len(CLOSINGS):]}")
        middle = texts[4:-len(CLOSINGS)]
        check(all(k == "body" for k, _ in middle), "a body paragraph has another kind")
        check(middle and middle[0][1].startswith("Two issues were examined"), "first body")
        check(middle[-1][1].startswith("[We] think it advisable"), "last body")

    def test_furniture(self):
        """none of the web page's furniture is in the document"""
        for s in FURNITURE:
            check(s not in self.raw, f"{s!r} is in the sample")

    def test_references(self):
        """every mention names a known entity, paragraph and version"""
        for i, m in enumerate(self.mentions):
            check(m["entity"] in self.entity_by_id, f"mention {i}: entity {m['entity']}")
            check(m["paragraph"] in self.para_index, f"mention {i}: paragraph {m['paragraph']}")
            check(m["version"] in self.version_ids, f"mention {i}: version {m['version']}")
            check(0 <= m["start"] < m["end"] <= len(self.text(m["paragraph"], m["version"])),
                  f"mention {i}: offsets {m['start']}..{m['end']} outside the text")

    def test_mention_text(self):
        """each mention's text is a spelling of its entity, or a short reference"""
        for i, m in enumerate(self.mentions):
            t = self.mention_text(m)
            forms = self.forms[m["entity"]]
            if m.get("short"):
                check(t not in forms, f"mention {i}: short {t!r} is a variant form")
                check(any(f.startswith(t) or f.endswith(t) for f in forms),
                      f"mention {i}: short {t!r} is not part of a spelling of {m['entity']}")
            else:
                check(t in forms, f"mention {i} ({m['paragraph']} {m['start']}): "
                                  f"{t!r} is not a form of {m['entity']}")
            check(bool(m.get("uncertain")) == ("[" in t),
                  f"mention {i}: {t!r} uncertain={m.get('uncertain')}")

    def test_order_and_overlap(self):
        """mentions are in document order and never overlap"""
        keys = [(self.para_index[m["paragraph"]], m["version"], m["start"], m["end"])
                for m in self.mentions]
        check(keys == sorted(keys), "mentions are not in document order")
        for a, b in zip(keys, keys[1:]):
            check(not (a[:2] == b[:2] and b[2] < a[3]),
                  f"mentions overlap in paragraph p{a[0] + 1}: {a[2:]} and {b[2:]}")

    def occurrences(self):
        """(paragraph id, start, end, form) of every variant form on word
        boundaries, ignoring case, as Variorum's mention finder matches."""
        forms = {f for fs in self.forms.values() for f in fs}
        out = []
        for p in self.paragraphs:
            t = p["text"]["en"]
            for f in forms:
                for mo in re.finditer(WORD.format(re.escape(f)), t, re.IGNORECASE):
                    out.append((p["id"], mo.start(), mo.end(), f))
        return out

    def test_coverage(self):
        """every printed occurrence of every spelling is covered by a mention"""
        spans = {}
        for m in self.mentions:
            spans.setdefault(m["paragraph"], []).append((m["start"], m["end"]))
        for pid, s, e, f in self.occurrences():
            check(any(ms <= s and e <= me for ms, me in spans.get(pid, [])),
                  f"{pid}: {f!r} at {s} has no mention")

    def test_not_inside_names(self):
        """no mention sits inside a longer printed name"""
        occ = self.occurrences()
        for i, m in enumerate(self.mentions):
            for pid, s, e, f in occ:
                if pid != m["paragraph"]:
                    continue
                inside = s <= m["start"] and m["end"] <= e and (s, e) != (m["start"], m["end"])
                check(not inside, f"mention {i} {self.mention_text(m)!r} ({m['entity']}) "
                                  f"is inside {f!r} in {pid}")

    def test_required_names(self):
        """the people, organisations, places and events the text names are there"""
        mentioned = {(m["entity"], self.mention_text(m)) for m in self.mentions}
        for kind, names in REQUIRED_NAMES.items():
            for name in names:
                es = self.entity_with_form(name)
                check(len(es) == 1, f"{name!r} is a form of {len(es)} entities")
                check(es[0].get("kind") == kind, f"{name!r} is a {es[0].get('kind')}")
                check((es[0]["id"], name) in mentioned, f"{name!r} is never mentioned")
        for a, b in SAME:
            check(self.entity_with_form(a) == self.entity_with_form(b), f"{a} ≠ {b}")
        for a, b in DIFFERENT:
            check(self.entity_with_form(a) != self.entity_with_form(b), f"{a} = {b}")

    def test_variants(self):
        """systems: bracketed glosses are the translator's, Yun Gong-heum is RR"""
        for e in self.entities:
            for v in e.get("variants", []):
                if "[" in v["form"]:
                    check(v.get("system") == "translator", f"{v['form']} is {v.get('system')}")
        yun = self.entity_with_form("Yun Gong-heum")[0]
        systems = {v["form"]: v.get("system") for v in yun["variants"]}
        check(systems.get("Yun Gong-heum") == "rr", f"Yun Gong-heum is {systems}")

    def test_shorts(self):
        """short references mean the person the text means"""
        shorts = [m for m in self.mentions if m.get("short")]
        for context, length, spelling in SHORTS:
            entity = self.entity_with_form(spelling)[0]["id"]
            found = [m for m in shorts
                     if self.text(m["paragraph"], m["version"]).startswith(context, m["start"])
                     and m["end"] - m["start"] == length]
            check(len(found) == 1, f"{context!r}: {len(found)} short mentions")
            check(found[0]["entity"] == entity, f"{context!r} → {found[0]['entity']}")
        # every standalone "Yun" is a short mention of Yun Gong-heum
        n_yun = sum(len(re.findall(WORD.format("Yun"), p["text"]["en"]))
                    for p in self.paragraphs)
        yun = self.entity_with_form("Yun Gong-heum")[0]["id"]
        n_short = sum(1 for m in shorts if m["entity"] == yun and self.mention_text(m) == "Yun")
        check(n_short == n_yun - self.count_text("Yun Gong-heum"),
              f"{n_short} short mentions of Yun, {n_yun} standalone")

    def count_text(self, s):
        return sum(p["text"]["en"].count(s) for p in self.paragraphs)

    def test_hangul(self):
        """Hangul is from the reference list or marked as not verified"""
        for e in self.entities:
            if "hangul" not in e:
                continue
            verified = VERIFIED_HANGUL.get(e.get("name"))
            if verified is None:
                check("hangul_note" in e, f"{e['id']}: Hangul {e['hangul']} without a note")
            else:
                check(e["hangul"] == verified, f"{e['id']}: {e['hangul']} ≠ {verified}")

    def test_decisions(self):
        """the reconciler's decision that Yun Gong-heum is Yung Kong-hum"""
        check({"a": "Yun Gong-heum", "b": "Yung Kong-hum", "verdict": "same"}
              in self.doc.get("decisions", []), "decision missing")
        all_forms = {f for fs in self.forms.values() for f in fs}
        for d in self.doc.get("decisions", []):
            check(d["a"] in all_forms and d["b"] in all_forms, f"decision on unknown {d}")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    sample = Sample(*sys.argv[1:])
    tests = [getattr(sample, n) for n in dir(Sample) if n.startswith("test_")]
    tests.sort(key=lambda t: t.__code__.co_firstlineno)
    print(f"1..{len(tests)}")
    failed = 0
    for i, t in enumerate(tests, 1):
        desc = t.__doc__.strip()
        try:
            t()
            print(f"ok {i} - {desc}")
        except Failure as e:
            failed += 1
            print(f"not ok {i} - {desc}")
            print(f"# {e}")
        except Exception:
            failed += 1
            print(f"not ok {i} - {desc}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
