import csv, sys, datetime, collections, re
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
hdr = rows[0]; data = rows[1:]
assert hdr == "kind,same_person,a_first,a_last,a_birth,a_emails,a_phones,b_first,b_last,b_birth,b_emails,b_phones".split(','), hdr
cnt = collections.OrderedDict(); fmt_bad = 0
raw = open(sys.argv[1], 'rb').read()
assert b'\r' not in raw, 'CRLF'
raw.decode('utf-8')
for i, r in enumerate(data, 2):
    if len(r) != 12: print('fields', i, len(r)); fmt_bad += 1; continue
    k, same = r[0], r[1]
    if same not in ('true', 'false'): print('label', i); fmt_bad += 1
    for c in (4, 9):
        if r[c]:
            try: datetime.date.fromisoformat(r[c])
            except Exception: print('date', i, r[c]); fmt_bad += 1
    for c in (6, 11):
        for p in filter(None, r[c].split(';')):
            if not re.fullmatch(r'\d{9,13}', p): print('phone', i, p); fmt_bad += 1
    for c in (5, 10):
        for e in filter(None, r[c].split(';')):
            if not re.fullmatch(r'[^@\s;,]+@[A-Za-z0-9.-]+\.[A-Za-z]+', e): print('email', i, e); fmt_bad += 1
    for c in (2,3,7,8):
        if not r[c].strip() or r[c] != r[c].strip(): print('name', i, repr(r[c])); fmt_bad += 1
    cnt.setdefault(k, collections.Counter())[same] += 1
tot = collections.Counter()
for k, c in cnt.items():
    print(f"{k:34s} {sum(c.values()):5d}  same_person={'true' if c['true'] else 'false'}")
    tot.update(c)
print(f"{'TOTAL':34s} {len(data):5d}  true={tot['true']} ({100*tot['true']/len(data):.1f}%) false={tot['false']}")
print("format problems:", fmt_bad)

# ---- semantic checks: shared contacts, birth rules per kind
def sets(r, off):
    return ({e.lower() for e in r[off+3].split(';') if e}, {p for p in r[off+4].split(';') if p})
def d(x): return datetime.date.fromisoformat(x) if x else None
stats = collections.OrderedDict(); issues = 0
for i, r in enumerate(data, 2):
    k = r[0]
    ae, ap = sets(r, 2); be, bp = sets(r, 7)
    shared = bool(ae & be) or bool(ap & bp)
    ab, bb = d(r[4]), d(r[9])
    s = stats.setdefault(k, collections.Counter())
    s['n'] += 1; s['shared'] += shared; s['unknown_birth'] += (ab is None or bb is None)
    s['same_birth'] += (ab is not None and ab == bb)
    def bad(msg):
        global issues; issues += 1; print('RULE', k, i, msg, r[2:4], r[7:9])
    if r[1] == 'true':
        if not shared and (ab is None or bb is None): bad('same person, no birth and no shared contact')
        if k == 'birth-date-typo' and (ab == bb or not shared): bad('birth typo')
        if k == 'variant-plus-new-contacts' and (shared or ab != bb): bad('new contacts')
        if (r[2], r[3]) == (r[7], r[8]) and k not in ('email-capitals', 'birth-date-typo'): bad('names identical')
    else:
        if k in ('twins-similar-first', 'twins-different-first'):
            if ab != bb or not (ap & bp): bad('twins')
        if k == 'parent-child' and (r[2], r[3]) != (r[7], r[8]): bad('parent names')
        if k == 'parent-child' and not (20 <= abs(ab.year - bb.year) <= 41): bad('parent gap')
        if k in ('couple-shared-contact', 'siblings-shared-contact') and not shared: bad('household')
        if k == 'siblings-shared-contact' and not (1 <= abs((ab - bb).days) / 365.25 <= 11): bad('sibling gap')
        if k in ('namesakes', 'same-birthday-strangers', 'similar-strangers') and shared: bad('strangers share contact')
        if k == 'namesakes' and abs(ab.year - bb.year) < 1: bad('namesake gap')
        if k == 'same-birthday-strangers' and ab != bb: bad('birthday')
        if k == 'similar-strangers' and ab is not None and ab == bb: bad('similar same birth')
print()
print(f"{'kind':34s} {'rows':>5s} {'shared-contact':>15s} {'same-birth':>11s} {'birth-unknown':>14s}")
for k, s in stats.items():
    print(f"{k:34s} {s['n']:5d} {s['shared']:15d} {s['same_birth']:11d} {s['unknown_birth']:14d}")
print('rule violations:', issues)
sys.exit(1 if fmt_bad or issues else 0)
