#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`variorum --export-pdf OUT.pdf FILE` without a display, read back with
poppler-utils: the text of every paragraph, the people appendix with every
spelling, a Hangul font, literal untrusted text, and clear failures."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

VARIORUM = sys.argv[1]
SAMPLE = os.environ['VARIORUM_SAMPLE']

results = []


def check(name, fn):
    try:
        fn()
        results.append((True, name, None))
    except AssertionError as e:
        results.append((False, name, str(e)))


def export(out, *inputs):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    # A display that does not exist: anything touching it would fail.
    env['GDK_BACKEND'] = 'x11'
    return subprocess.run([VARIORUM, '--export-pdf', out, *inputs],
                          env=env, capture_output=True, text=True,
                          timeout=60)


def pdftotext(path):
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'],
                          capture_output=True, text=True, check=True).stdout


def squash(text):
    """Text without the spaces, line breaks and hyphens that line breaking
    adds or removes, for looking up a paragraph in extracted PDF text."""
    return re.sub(r'[\s\-\u00ad\u2010]+', '', text)


def body_text(raw, title):
    """pdftotext output without the running headers and page numbers, which
    fall between the lines of a paragraph broken across pages."""
    lines = [l for l in raw.split('\n')
             if not re.fullmatch(r'Page \d+ of \d+', l.strip())
             and l.strip() != title]
    return '\n'.join(lines)


tmp = tempfile.mkdtemp(prefix='test-export-pdf-')
with open(SAMPLE, encoding='utf-8') as f:
    sample = json.load(f)
title = sample['metadata']['title']
out = os.path.join(tmp, 'telegram.pdf')
state = {}


def test_export_sample():
    r = export(out, SAMPLE)
    assert r.returncode == 0, f'exit {r.returncode}: {r.stderr}'
    assert r.stderr == '', r.stderr
    with open(out, 'rb') as f:
        assert f.read(5) == b'%PDF-'
    state['text'] = pdftotext(out)
    # The sample has no notes, and gets no empty appendix for them.
    assert 'Notes' not in state['text'].split('\n')
    # Nothing is left beside it: the temporary file was renamed.
    assert os.listdir(tmp) == ['telegram.pdf'], os.listdir(tmp)


def test_title_and_paragraphs():
    text = squash(body_text(state['text'], title))
    assert squash(title) in text, 'title missing'
    missing = []
    for p in sample['paragraphs']:
        para = p['text']['en']
        if squash(para) not in text:
            missing.append(p['id'])
    assert not missing, f'paragraphs missing from the PDF text: {missing}'


def test_paragraph_order():
    text = squash(body_text(state['text'], title))
    positions = [text.find(squash(p['text']['en'])) for p in sample['paragraphs']
                 if len(p['text']['en']) > 40]
    assert positions == sorted(positions), 'paragraphs out of order'


def test_metadata_and_citation():
    text = squash(state['text'])
    md = sample['metadata']
    for value in ('September 15, 1956', md['classification'], md['archive_location'],
                  md['translator'], md['repository']):
        assert squash(value) in text, f'{value!r} missing'
    assert squash('Translated by ' + md['translator']) in text, 'citation missing'


def test_people_appendix():
    raw = body_text(state['text'], title)
    assert 'People and Their Spellings' in raw
    appendix = squash(raw.split('People and Their Spellings', 1)[1])
    problems = []
    for e in sample['entities']:
        if e['kind'] != 'person':
            continue
        if squash(e['name']) not in appendix:
            problems.append(e['name'])
        for v in e.get('variants', []):
            if squash(v['form']) not in appendix:
                problems.append(f"{e['name']}: {v['form']}")
        if e.get('hangul') and squash(e['hangul']) not in appendix:
            problems.append(f"{e['name']}: {e['hangul']}")
    assert not problems, f'missing from the appendix: {problems}'


def test_hangul_font():
    fonts = subprocess.run(['pdffonts', out], capture_output=True, text=True,
                           check=True).stdout
    hangul = [l for l in fonts.split('\n')
              if re.search(r'Nanum|CJK|KR|Droid ?Sans ?Fallback|UnBatang|Baekmuk', l)]
    assert hangul, 'no Hangul font embedded:\n' + fonts
    assert all(' yes ' in l for l in hangul), 'Hangul font not embedded:\n' + fonts


def test_untrusted_text():
    # One line each: a justified line comes out of pdftotext in pieces.
    nasty = ['Markup <b>bold</b> & <i>italic</i> &amp;',
             '"double" \'single\' <span foreground="red">x</span>']
    doc = {
        'variorum': 1,
        'metadata': {'title': 'Title <i>with</i> & "quotes"', 'translator': 'A & B <c>'},
        'versions': [{'id': 'en', 'language': 'en', 'label': 'English'}],
        'paragraphs': [{'id': 'p1', 'kind': 'body', 'text': {'en': nasty[0]}},
                       {'id': 'p2', 'kind': 'body', 'text': {'en': nasty[1]}}],
        'entities': [{'id': 'x', 'kind': 'person', 'name': 'Kim <Il> & "Sung"',
                      'variants': [{'form': '<b>', 'system': 'other'}]}],
        'mentions': [{'entity': 'x', 'paragraph': 'p1', 'version': 'en',
                      'start': 7, 'end': 10}],
        'annotations': [{'id': 'n1', 'paragraph': 'p2', 'version': 'en',
                         'start': 0, 'end': 8, 'note': 'See <u>this</u> & "that"'}],
    }
    src = os.path.join(tmp, 'nasty.json')
    dst = os.path.join(tmp, 'nasty.pdf')
    with open(src, 'w', encoding='utf-8') as f:
        json.dump(doc, f)
    try:
        r = export(dst, src)
        assert r.returncode == 0, r.stderr
        text = pdftotext(dst)
    finally:
        os.unlink(src)
        if os.path.exists(dst):
            os.unlink(dst)
    lines = [' '.join(l.split()) for l in text.split('\n')]
    for s in nasty + ['A & B <c>']:
        assert s in lines, f'{s!r} not printed literally:\n{text}'
    flat = squash(text)
    assert 'Notes' in lines, 'no notes appendix:\n' + text
    for s in ('Title <i>with</i> & "quotes"', 'Kim <Il> & "Sung"',
              '¶ 2 “"double"” See <u>this</u> & "that"'):
        assert squash(s) in flat, f'{s!r} not printed literally:\n{text}'


def test_bad_input():
    old = os.path.join(tmp, 'old.pdf')
    with open(old, 'w') as f:
        f.write('previous')
    bad = os.path.join(tmp, 'bad.json')
    with open(bad, 'w') as f:
        f.write('{"variorum": 1, "versions": [\n  {"id": "en",}\n]}')
    r = export(old, bad)
    assert r.returncode == 1, f'exit {r.returncode}'
    assert 'bad.json:2:' in r.stderr, r.stderr
    r = export(old, os.path.join(tmp, 'missing.json'))
    assert r.returncode == 1, f'exit {r.returncode}'
    assert 'missing.json' in r.stderr, r.stderr
    # The previous file is untouched, and no temporary file is left.
    with open(old) as f:
        assert f.read() == 'previous'
    r = export(old)
    assert r.returncode == 1 and 'FILE' in r.stderr, r.stderr
    r = export(os.path.join(tmp, 'no-such-folder', 'x.pdf'), SAMPLE)
    assert r.returncode == 1 and 'x.pdf' in r.stderr, r.stderr
    os.unlink(old)
    os.unlink(bad)
    leftovers = [n for n in os.listdir(tmp) if '.pdf.' in n]
    assert not leftovers, f'temporary files left: {leftovers}'


tests = [
    ('export the sample without a display', test_export_sample),
    ('the title and every paragraph are in the PDF', test_title_and_paragraphs),
    ('paragraphs in document order', test_paragraph_order),
    ('metadata and citation', test_metadata_and_citation),
    ('the people appendix lists every person and spelling', test_people_appendix),
    ('a Hangul font is embedded', test_hangul_font),
    ('untrusted text prints literally', test_untrusted_text),
    ('bad input: exit 1 with the message, old output kept', test_bad_input),
]

if shutil.which('pdftotext') is None or shutil.which('pdffonts') is None:
    print('1..0 # SKIP poppler-utils (pdftotext, pdffonts) is not installed')
    sys.exit(0)

print(f'1..{len(tests)}')
for i, (name, fn) in enumerate(tests, 1):
    if 'text' not in state and fn is not test_export_sample and fn not in (test_untrusted_text, test_bad_input):
        print(f'not ok {i} - {name} # the export failed')
        continue
    check(name, fn)
    ok, _, message = results[-1]
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if message:
        for line in message.split('\n'):
            print(f'# {line}')

shutil.rmtree(tmp, ignore_errors=True)
