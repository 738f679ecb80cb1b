# check-pairs-2.py: checker for the held-out set 2 (same checks as set 1's check-pairs.py),
# plus, when set 1's CSV is given as a second argument, a novelty check against set 1:
#   python3 check-pairs-2.py labelled-pairs-2.csv [../dupset/labelled-pairs.csv]
import csv, sys, datetime, collections, re, unicodedata
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

# ---- novelty against set 1
novel_bad = 0
if len(sys.argv) > 2:
    rows1 = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline='')))[1:]
    def key(x):   # case- and accent-insensitive comparison
        x = x.replace('ß', 'ss').replace('ı', 'i').replace('ø', 'o').replace('ł', 'l')
        x = unicodedata.normalize('NFD', x)
        return ''.join(c for c in x if not unicodedata.combining(c)).casefold()
    names1 = set(); pairs1 = {2: set(), 3: set()}
    for r in rows1:
        for c in (2, 3, 7, 8): names1.add(key(r[c]))
        for c in (2, 3):
            a, b = key(r[c]), key(r[c + 5])
            if a != b: pairs1[c].add(frozenset((a, b)))
    # 1. variant pairs: in these kinds the changed field's pair of spellings must be absent from set 1
    variant_fields = {
        'nickname': (2,), 'transliteration-arabic-first': (2,), 'transliteration-arabic-surname': (3,),
        'transliteration-turkish': (2, 3), 'transliteration-slavic': (2, 3), 'dutch-ij-y': (3,),
        'compound-particles': (3,), 'twins-similar-first': (2,),
    }
    print()
    print('novelty vs set 1: variant pairs of the changed field already present in set 1 (must be 0)')
    for k, cols in variant_fields.items():
        n = hit = 0
        for r in data:
            if r[0] != k: continue
            for c in cols:
                a, b = key(r[c]), key(r[c + 5])
                if a == b: continue
                n += 1
                if frozenset((a, b)) in pairs1[2] | pairs1[3]:
                    hit += 1; print('  OLD PAIR', k, r[c], '/', r[c + 5])
        novel_bad += hit
        print(f"  {k:34s} changed pairs {n:4d}   seen in set 1 {hit:3d}")
    # 2. people: share of set-2 name values that also occur as a name anywhere in set 1 (informative)
    print()
    print('novelty vs set 1: name values (first or last, case/accent-insensitive) also found in set 1')
    tot_f = tot_l = seen_f = seen_l = 0
    seen_names = collections.Counter()
    for r in data:
        for c in (2, 7):
            tot_f += 1
            if key(r[c]) in names1: seen_f += 1; seen_names[r[c]] += 1
        for c in (3, 8):
            tot_l += 1
            if key(r[c]) in names1: seen_l += 1; seen_names[r[c]] += 1
    print(f"  first names: {seen_f}/{tot_f} ({100*seen_f/tot_f:.1f} %)   surnames: {seen_l}/{tot_l} ({100*seen_l/tot_l:.1f} %)")
    print('  most frequent shared values:', ', '.join(f'{n} ({c})' for n, c in seen_names.most_common(80)))
    full1 = {(key(r[2]), key(r[3])) for r in rows1} | {(key(r[7]), key(r[8])) for r in rows1}
    same_person = sum(1 for r in data for c in (2, 7) if (key(r[c]), key(r[c + 1])) in full1)
    print(f"  records whose full name (first + last) occurs in set 1: {same_person}/{2*len(data)}")
    print('novelty problems:', novel_bad)
sys.exit(1 if fmt_bad or issues or novel_bad else 0)
