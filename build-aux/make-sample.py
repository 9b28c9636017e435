#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the bundled sample document data/samples/telegram-254.json.

The text comes from the captured archive page (data/samples/telegram-254.seed.txt),
the names from the hand-written table below; every mention offset is computed
here, never typed.  The committed JSON is this script's output:

  build-aux/make-sample.py             rewrite data/samples/telegram-254.json
  build-aux/make-sample.py -o -        print it instead
  build-aux/make-sample.py --check     exit 1 if the committed file differs

Matching rule (the one the format documents): a form matches on word
boundaries, case-sensitively; where matches overlap the leftmost, then the
longest, wins, so "Kim Il" never matches inside "Kim Il Sung" and "KWP" not
inside "3rd KWP congress".
"""

import argparse
import json
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(TOP, "data", "samples", "telegram-254.seed.txt")
OUTPUT = os.path.join(TOP, "data", "samples", "telegram-254.json")

# Where the document's own text starts and ends on the archive page.
BODY_START = "English HTML"
BODY_END = "It appears your Web browser"
FIRST_CLOSING = "Three copies printed"
N_HEADINGS = 4

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
    # The page names the sender only as "the USSR Ambassador to the DPRK Ivanov".
    "authors": ["Ivanov"],
    "recipients": ["Mikoyan", "Shepilov"],
    "fields": [
        {"label": "Document number", "value": "254"},
        {"label": "Copy number", "value": "1"},
        {"label": "Copies printed", "value": "3"},
        {"label": "Drafted by", "value": "Samsonov"},
        {"label": "Typed by", "value": "Sarycheva"},
        {"label": "Closing number", "value": "939"},
        {"label": "Closing date", "value": "14 November 1956"},
    ],
}

VERSION = {"id": "en", "language": "en", "label": "English translation",
           "translator": "Gary Goldberg"}

# Notes shared by several spellings.
RR_GIVEN = "Revised Romanization of the given name; {} is the customary spelling of the surname"
UNVERIFIED = "unverified"

# Each entity: id, kind, name, optional hangul/hanja/cyrillic (from
# shared/reference/name-variants.json unless a *_note says otherwise),
# description (from the text), variants as (form, system, note) and short
# references as (form, context): context None means every standalone
# occurrence, otherwise only where the text at the occurrence starts with it.
ENTITIES = [
    # People
    dict(id="kim-il-sung", kind="person", name="Kim Il Sung",
         hangul="김일성", hanja="金日成", cyrillic="Ким Ир Сен",
         description="Gave the Plenum's report on the government delegation's trip; "
                     "the critics' target for the cult of his personality",
         variants=[("Kim Il Sung", "dprk",
                    "North Korean practice: the given name's syllables written apart, no hyphen")]),
    dict(id="pak-geum-cheol", kind="person", name="Pak Geum-cheol",
         hangul="박금철", hanja="朴金喆",
         description="Gave the Plenum's report on public health",
         variants=[("Pak Geum-cheol", "rr", RR_GIVEN.format("Pak"))]),
    dict(id="choe-chang-ik", kind="person", name="Choe Chang-ik",
         hangul="최창익", cyrillic="Чхве Чхан Ик",
         description="Deputy Chairman of the Cabinet of Ministers; expelled from the "
                     "Presidium and the CC and sent to a pig farm",
         variants=[("Choe Chang-ik", "rr", None)],
         shorts=[("Choe", "Choe was asked")]),
    dict(id="pak-chang-ok", kind="person", name="Pak Chang-ok",
         hangul="박창옥", cyrillic="Пак Чхан Ок",
         description="Deputy Chairman of the Cabinet of Ministers; expelled from the CC "
                     "and sent to logging",
         variants=[("Pak Chang-ok", "rr", RR_GIVEN.format("Pak"))],
         shorts=[("Pak", "Pak also was not allowed")]),
    dict(id="so-hwi", kind="person", name="So Hwi",
         hangul="서휘",
         description="Expelled from the Party; crossed the Chinese border",
         variants=[("So Hwi", "mr",
                    "McCune–Reischauer Sŏ Hwi without the breve; Revised Romanization "
                    "writes Seo Hwi")]),
    dict(id="yun-gong-heum", kind="person", name="Yun Gong-heum",
         hangul="윤공흠", cyrillic="Юн Кон Хым",
         description="Minister of Trade; expelled from the Party after his speech at "
                     "the Plenum",
         variants=[("Yun Gong-heum", "rr", None),
                   ("Yung Kong-hum", "translator",
                    "The translator's own spelling: McCune–Reischauer Kong-hŭm without "
                    "the breve, and a surname Yung that follows no system")],
         shorts=[("Yun", None)]),
    dict(id="kim-seung-hwa", kind="person", name="Kim Seung-hwa",
         hangul="김승화", cyrillic="Ким Сын Хва",
         description="Senior official to be held responsible as a co-participant of "
                     "the \"anti-Party group\"",
         variants=[("Kim Seung-hwa", "rr", RR_GIVEN.format("Kim"))]),
    dict(id="kim-du-bong", kind="person", name="Kim Du-bong",
         hangul="김두봉",
         description="Thought incapable senior officials should be replaced",
         variants=[("Kim Du-bong", "rr", RR_GIVEN.format("Kim"))]),
    dict(id="jeong-il-yong", kind="person", name="Jeong Il-yong",
         hangul="정일룡",
         hangul_note=UNVERIFIED + ": the standard reading; no source gives the Hangul",
         description="Senior official the critics thought not capable",
         variants=[("Jeong Il-yong", "rr", None)]),
    dict(id="jeong-dyun-tkhyak", kind="person", name="Jeong [Dyun Tkhyak]",
         hangul="정준택",
         hangul_note=UNVERIFIED + ": a hypothesis (Jong Jun-thaek, chairman of the "
                     "State Planning Commission), and Tkhyak does not fit 택",
         description="Senior official the critics thought not capable",
         variants=[("Jeong [Dyun Tkhyak]", "translator",
                    "Given name romanized from the Russian Дюн Тхяк and bracketed by "
                    "the translator")]),
    dict(id="kim-chang-man", kind="person", name="Kim Chang-man",
         hangul="김창만",
         hangul_note=UNVERIFIED + ": the standard reading; no source gives the Hangul",
         description="Senior official the critics thought not capable",
         variants=[("Kim Chang-man", "rr", RR_GIVEN.format("Kim"))]),
    dict(id="pak-jeong-ae", kind="person", name="Pak Jeong-ae",
         hangul="박정애",
         description="Member of the KWP leadership; summoned the critics before the Plenum",
         variants=[("Pak Jeong-ae", "rr", RR_GIVEN.format("Pak"))]),
    dict(id="nam-il", kind="person", name="Nam Il",
         hangul="남일", hanja="南日",
         description="Told the Embassy about Kim Il Sung's fears",
         variants=[("Nam Il", "rr", None)]),
    dict(id="choe-yong-geon", kind="person", name="Choe Yong-geon",
         hangul="최용건", hanja="崔庸健", cyrillic="Чхве Ён Гон",
         description="Deputy Chairman of the KWP CC, for ten years the leader of a petit "
                     "bourgeois party",
         variants=[("Choe Yong-geon", "rr", None)]),
    dict(id="kim-il", kind="person", name="Kim Il",
         hangul="김일",
         description="Member of the KWP leadership; summoned the critics before the "
                     "Plenum (not Kim Il Sung)",
         variants=[("Kim Il", "rr", RR_GIVEN.format("Kim"))]),
    dict(id="pak-il-u", kind="person", name="Pak Il-u",
         hangul="박일우",
         description="Once led a group that worked out a program of action against "
                     "Kim Il Sung",
         variants=[("Pak Il-u", "rr", RR_GIVEN.format("Pak"))]),
    dict(id="ri-pil-gyu", kind="person", name="Ri Pil-gyu",
         hangul="리필규",
         description="Expelled from the Party; crossed the Chinese border",
         variants=[("Ri Pil-gyu", "rr", RR_GIVEN.format("Ri (North Korean practice)"))]),
    dict(id="kim-gan", kind="person", name="Kim [Gan]",
         hangul="김강",
         hangul_note="conditional: one source names a Kim Kang (김강) who fled with Yun, "
                     "So and Ri; check the Russian original",
         description="Expelled from the Party; crossed the Chinese border",
         variants=[("Kim [Gan]", "translator",
                    "Given name romanized from the Russian Ган and bracketed by the "
                    "translator")]),
    dict(id="kim-won-sun", kind="person", name="Kim [Won Sun]",
         description="Deputy Minister of Defense",
         variants=[("Kim [Won Sun]", "translator",
                    "Given name romanized from the Russian (Вон Сун) and bracketed by "
                    "the translator")]),
    dict(id="ri-ur-gyu", kind="person", name="Ri [Ur Gyu]",
         description="Deputy Chief of the Military Academy",
         variants=[("Ri [Ur Gyu]", "translator",
                    "Given name romanized from the Russian (Ур Гю) and bracketed by "
                    "the translator")]),
    dict(id="ri-yn-ho", kind="person", name="Ri [Yn Ho]",
         description="Chief of the Political Department of the Naval Directorate of "
                     "the KPA",
         variants=[("Ri [Yn Ho]", "translator",
                    "Given name romanized from the Russian (Ын Хо) and bracketed by "
                    "the translator")]),
    dict(id="ri-sang-jo", kind="person", name="Ri Sang-jo",
         hangul="리상조", hanja="李相朝",
         hanja_note=UNVERIFIED + ": no source confirms the Hanja",
         description="Ambassador, recalled from Moscow, accused of ties with people "
                     "who spied for Britain",
         variants=[("Ri Sang-jo", "rr", RR_GIVEN.format("Ri (North Korean practice)"))]),
    dict(id="kim-chang-hyp", kind="person", name="Kim Chang [Hyp]",
         hangul="김창흡",
         hangul_note=UNVERIFIED + ": a hypothesis (Kim Chang-hup, Minister of "
                     "Communications from 1955); not in the reference list",
         description="Minister of Communications",
         variants=[("Kim Chang [Hyp]", "translator",
                    "Last syllable romanized from the Russian (Хып) and bracketed by "
                    "the translator")]),
    dict(id="bierut", kind="person", name="Bierut",
         description="Polish party leader; Kim Il Sung blamed the demonstrations in "
                     "Poznan on weak leadership after his death",
         variants=[("Bierut", "other", None)]),
    dict(id="stalin", kind="person", name="Stalin",
         description="Whose cult of personality the 20th CPSU congress condemned",
         variants=[("Stalin", "other", None)]),
    dict(id="mikoyan", kind="person", name="Mikoyan",
         description="Addressee; copy 1",
         variants=[("Mikoyan", "other", None)]),
    dict(id="shepilov", kind="person", name="Shepilov",
         description="Addressee; copy 2",
         variants=[("Shepilov", "other", None)]),
    dict(id="samsonov", kind="person", name="Samsonov",
         description="Drafted the telegram",
         variants=[("Samsonov", "other", None)]),
    dict(id="sarycheva", kind="person", name="Sarycheva",
         description="Typed the telegram",
         variants=[("Sarycheva", "other", None)]),

    # Organisations
    dict(id="kwp", kind="organization", name="Korean Workers' Party",
         description="The ruling party of the DPRK",
         variants=[("KWP", "other", None)]),
    dict(id="kwp-cc", kind="organization", name="KWP Central Committee",
         description="The Central Committee of the Korean Workers' Party",
         variants=[("KWP CC", "other", None)],
         shorts=[("CC", None)]),
    dict(id="kwp-cc-presidium", kind="organization", name="Presidium of the KWP CC",
         description="Where Kim Il Sung explained the demonstrations in Poznan",
         variants=[("CC Presidium", "other", None),
                   ("Presidium", "other", None)]),
    dict(id="cpsu", kind="organization", name="Communist Party of the Soviet Union",
         description="Whose measures against the cult of personality the Plenum "
                     "called a lesson for all parties",
         variants=[("CPSU", "other", None)]),
    dict(id="puwp", kind="organization", name="Polish United Workers' Party",
         description="Whose leaders told the people too much, in Kim Il Sung's view",
         variants=[("PUWP", "other", None)]),
    dict(id="kpa", kind="organization", name="Korean People's Army",
         description="The army of the DPRK",
         variants=[("KPA", "other", None)]),
    dict(id="naval-directorate", kind="organization", name="Naval Directorate of the KPA",
         description="Its political department was headed by Ri [Yn Ho]",
         variants=[("Naval Directorate", "other", None)]),
    dict(id="military-academy", kind="organization", name="Military Academy",
         description="Its deputy chief was Ri [Ur Gyu]",
         variants=[("Military Academy", "other", None)]),
    dict(id="cabinet-of-ministers", kind="organization", name="Cabinet of Ministers",
         description="The DPRK government; Choe Chang-ik and Pak Chang-ok were its "
                     "deputy chairmen",
         variants=[("Cabinet of Ministers", "other", None)]),
    dict(id="soviet-embassy", kind="organization", name="Soviet Embassy",
         description="The USSR's embassy in the DPRK",
         variants=[("Soviet Embassy", "other", None)]),
    dict(id="pyongyang-kwp-city-committee", kind="organization",
         name="Pyongyang KWP City Committee",
         description="Two of its deputy chairmen and an organization chief were removed",
         variants=[("KWP City Committee", "other",
                    "Printed after the city's name, which is a mention of Pyongyang")]),

    # Places
    dict(id="dprk", kind="place", name="Democratic People's Republic of Korea",
         description="North Korea",
         variants=[("DPRK", "other", None)]),
    dict(id="ussr", kind="place", name="Soviet Union",
         description="Union of Soviet Socialist Republics",
         variants=[("USSR", "other", None),
                   ("Soviet Union", "other", None)]),
    dict(id="prc", kind="place", name="People's Republic of China",
         description="Where Yun Gong-heum, So Hwi, Ri Pil-gyu and Kim [Gan] fled",
         variants=[("PRC", "other", None)]),
    dict(id="poland", kind="place", name="Poland",
         description="Where the Party lacked firm leadership after Bierut's death",
         variants=[("Poland", "other", None)]),
    dict(id="poznan", kind="place", name="Poznan",
         description="Polish city, scene of the demonstrations",
         variants=[("Poznan", "other", None)]),
    dict(id="moscow", kind="place", name="Moscow",
         description="Seat of the Soviet leadership, whose recommendation was ignored",
         variants=[("Moscow", "other", None)]),
    dict(id="britain", kind="place", name="Britain",
         description="For whom Ri Sang-jo's contacts were accused of spying",
         variants=[("Britain", "other", None)]),
    dict(id="pyongyang", kind="place", name="Pyongyang",
         description="Capital of the DPRK",
         variants=[("Pyongyang", "other", None)]),

    # Events
    dict(id="august-plenum", kind="event", name="August Plenum",
         description="The KWP CC Plenum of 30-31 August 1956",
         variants=[("August Plenum", "other", None),
                   ("KWP CC Plenum", "other", None),
                   ("CC Plenum", "other", None)]),
    dict(id="december-plenum", kind="event", name="December Plenum",
         description="The earlier plenum that decided against Pak Chang-ok",
         variants=[("December Plenum", "other", None)]),
    dict(id="cpsu-20th-congress", kind="event", name="20th CPSU congress",
         description="The 1956 congress that condemned the cult of personality",
         variants=[("20th CPSU congress", "other", None)]),
    dict(id="kwp-3rd-congress", kind="event", name="3rd KWP congress",
         description="The party congress whose industrial policy the Plenum clarified",
         variants=[("3rd KWP congress", "other", None)]),
]

DECISIONS = [{"a": "Yun Gong-heum", "b": "Yung Kong-hum", "verdict": "same"}]


class SampleError(Exception):
    pass


def read_paragraphs(seed_text):
    """The document's own paragraphs, in order, as (kind, text)."""
    try:
        start = seed_text.index(BODY_START) + len(BODY_START)
        end = seed_text.index(BODY_END)
    except ValueError as e:
        raise SampleError(f"seed: page markers not found ({e})")

    lines = []
    for line in seed_text[start:end].split("\n"):
        line = line.strip()
        if not line:
            continue
        # The heading lines hold two fields each, set apart with no-break spaces.
        if "\xa0" in line:
            lines.extend(p.strip() for p in line.split("\xa0") if p.strip())
        else:
            lines.append(line)

    if FIRST_CLOSING not in lines:
        raise SampleError(f"seed: closing line {FIRST_CLOSING!r} not found")
    first_closing = lines.index(FIRST_CLOSING)
    paragraphs = []
    for i, text in enumerate(lines):
        if i < N_HEADINGS:
            kind = "heading"
        elif i < first_closing:
            kind = "body"
        else:
            kind = "closing"
        paragraphs.append((kind, text))
    return paragraphs


def is_word_char(c):
    return c.isalnum() or c == "_"


def find_occurrences(text, form):
    """Start offsets (code points) of @form in @text on word boundaries."""
    starts = []
    i = text.find(form)
    while i >= 0:
        end = i + len(form)
        before_ok = i == 0 or not is_word_char(text[i - 1])
        after_ok = end == len(text) or not is_word_char(text[end])
        if before_ok and after_ok:
            starts.append(i)
        i = text.find(form, i + 1)
    return starts


def find_mentions(paragraphs):
    """Mentions in document order, leftmost-longest, never overlapping."""
    patterns = []  # (form, entity id, short, context)
    for e in ENTITIES:
        for form, _system, _note in e["variants"]:
            patterns.append((form, e["id"], False, None))
        for form, context in e.get("shorts", []):
            patterns.append((form, e["id"], True, context))

    mentions = []
    used_forms = set()
    used_contexts = set()
    for pid, _kind, text in paragraphs:
        candidates = []
        for form, entity, short, context in patterns:
            for start in find_occurrences(text, form):
                if context is not None and not text.startswith(context, start):
                    continue
                candidates.append((start, start + len(form), form, entity, short, context))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))

        chosen = []
        for cand in candidates:
            start, end = cand[0], cand[1]
            if chosen and start < chosen[-1][1]:
                if end > chosen[-1][1]:
                    raise SampleError(f"{pid}: {cand[2]!r} at {start} crosses "
                                      f"{chosen[-1][2]!r}; add a longer form")
                continue
            chosen.append(cand)

        for start, end, form, entity, short, context in chosen:
            m = {"entity": entity, "paragraph": pid, "version": VERSION["id"],
                 "start": start, "end": end}
            if short:
                m["short"] = True
            if "[" in form:
                m["uncertain"] = True
            mentions.append(m)
            used_forms.add((entity, form))
            if context is not None:
                used_contexts.add((entity, context))

    # A spelling that never matches is a typo in the table, not a variant.
    for e in ENTITIES:
        for form, _system, _note in e["variants"]:
            if (e["id"], form) not in used_forms:
                raise SampleError(f"{e['id']}: {form!r} is never printed as a name")
        for form, context in e.get("shorts", []):
            if context is not None and (e["id"], context) not in used_contexts:
                raise SampleError(f"{e['id']}: short reference {context!r} not found")
    return mentions


def entity_json(e):
    out = {"id": e["id"], "kind": e["kind"], "name": e["name"]}
    for key in ("hangul", "hanja", "cyrillic", "hangul_note", "hanja_note"):
        if key in e:
            out[key] = e[key]
    out["description"] = e["description"]
    out["variants"] = []
    for form, system, note in e["variants"]:
        v = {"form": form, "system": system, "status": "confirmed"}
        if note:
            v["note"] = note
        out["variants"].append(v)
    return out


def build(seed_text):
    paragraphs = [(f"p{i + 1}", kind, text)
                  for i, (kind, text) in enumerate(read_paragraphs(seed_text))]
    ids = [e["id"] for e in ENTITIES]
    if len(ids) != len(set(ids)):
        raise SampleError("duplicate entity id in the table")
    return {
        "variorum": 1,
        "id": "telegram-254",
        "metadata": METADATA,
        "versions": [VERSION],
        "paragraphs": [{"id": pid, "kind": kind, "text": {VERSION["id"]: text}}
                       for pid, kind, text in paragraphs],
        "entities": [entity_json(e) for e in ENTITIES],
        "mentions": find_mentions(paragraphs),
        "annotations": [],
        "decisions": DECISIONS,
    }


def serialize(doc):
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", default=SEED, help="the captured archive page")
    parser.add_argument("-o", "--output", default=OUTPUT, help="where to write, - for stdout")
    parser.add_argument("--check", action="store_true",
                        help="compare with OUTPUT instead of writing it")
    args = parser.parse_args()

    try:
        with open(args.seed, encoding="utf-8") as f:
            text = serialize(build(f.read()))
    except (OSError, SampleError) as e:
        print(f"make-sample: {e}", file=sys.stderr)
        return 1

    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError as e:
            print(f"make-sample: {e}", file=sys.stderr)
            return 1
        if current != text:
            print(f"make-sample: {args.output} is not the generator's output; "
                  "run build-aux/make-sample.py", file=sys.stderr)
            return 1
        return 0

    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
