#!/usr/bin/env python3
"""Writes the relation acceptor's training table from the DEVELOPMENT halves of the announcement batches (locked
documents are never copied or read). Every prose candidate (frames and clause structure, unfiltered) of the Debug CLI
is labelled 1 when its (from, to, kind) is a labelled relation of its document, matched as docs/money-graph-eval.py
matches. Then: deallens-tools train-relation-acceptor --data tests/DealLens.Tests/Data/relation-acceptor/candidates.tsv
--out src/DealLens.Core/Risk/relation-acceptor.tsv"""
import json, os, re, subprocess, shutil, sys, tempfile
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = ['dotnet', f'{ROOT}/src/DealLens.Cli/bin/Debug/net10.0/deallens.dll']
BATCHES = ['announcements'] + [f'announcements-round{i}' for i in range(2, 7)]
OUT = sys.argv[1] if len(sys.argv) > 1 else f'{ROOT}/tests/DealLens.Tests/Data/relation-acceptor/candidates.tsv'
FEATURES = ['frame', 'structure', 'both', 'kind_purchase', 'kind_lease', 'kind_equity', 'kind_warrant', 'kind_backstop', 'kind_other',
            'amount', 'money_in_sentence', 'binding', 'passive', 'referred', 'distance', 'speaker', 'kinds_known', 'kinds_fit',
            'kinds_reversed', 'negation', 'modal', 'up_to', 'first_sentence', 'position', 'companies', 'length', 'from_first', 'to_first']
def fnv(name):
    h = 0x811c9dc5
    for b in name.encode('utf-8'):
        h ^= b; h = (h * 0x01000193) & 0xffffffff
    return h
def key(name, graph):  # as docs/money-graph-eval.py resolves a name to a graph company
    n = name.lower()
    for c in graph['companies']:
        if c['name'].lower() == n or n in [a.lower() for a in c['aliases']] or c['id'] == n.replace(' ', '-'):
            return c['id']
    for suffix, words in ((' spv', ('vehicle', 'spv')), (' jv', ('joint venture', 'jv'))):
        if n.endswith(suffix):
            head = n[:-len(suffix)]
            kind = [c for c in graph['companies'] if any(w in (c['name'] + ' ' + ' '.join(c['aliases'])).lower() for w in words)]
            for c in kind:
                if head in (c['name'] + ' ' + ' '.join(c['aliases'])).lower(): return c['id']
            if len(kind) == 1: return kind[0]['id']
    return None
def snake(kind): return re.sub(r'(?<!^)([A-Z])', r'_\1', kind).lower()
def squash(s): return re.sub(r'\s+', ' ', s).strip()
rows = []
for batch in BATCHES:
    ann = f'{ROOT}/samples/{batch}'
    labels = [json.loads(l) for l in open(f'{ann}/labels.jsonl')]
    exp = json.load(open(f'{ann}/expected-graph.json'))
    mod = exp.get('lock_modulus', 3)
    assert all((fnv(l['doc']) % mod == 0) == l['locked'] for l in labels), 'lock rule mismatch'
    dev = [l['doc'] for l in labels if not l['locked']]
    tmp = tempfile.mkdtemp(); os.mkdir(f'{tmp}/in')
    texts = {}
    for d in dev:
        shutil.copy(f'{ann}/{d}', f'{tmp}/in/{d}')
        texts[d] = squash(open(f'{ann}/{d}', encoding='utf-8').read())
    db = f'{tmp}/a.db'; cand = f'{tmp}/candidates.jsonl'
    env = dict(os.environ, DEALLENS_RELATION_CANDIDATES=cand)
    subprocess.run(CLI + ['analyze', f'{tmp}/in', '--db', db, '--parallel', '1', '--json'], capture_output=True, text=True, env=env, check=True)
    graph = json.loads(subprocess.run(CLI + ['graph', '--format', 'json', '--db', db], capture_output=True, text=True, env=env, check=True).stdout)
    expected = {}
    for r in exp['relations']:
        if r['doc'] in texts:
            expected.setdefault(r['doc'], set()).add((key(r['from'], graph), key(r['to'], graph), r['kind']))
    seen = set()
    for line in open(cand, encoding='utf-8') if os.path.exists(cand) else []:
        c = json.loads(line)
        docs = sorted(d for d, t in texts.items() if squash(c['quote']) in t)
        if not docs: continue
        f, t, k = key(c['from'], graph), key(c['to'], graph), snake(c['kind'])
        doc = docs[0]
        relation = f'{k}|{f or c["from"]}|{t or c["to"]}'
        positive = f is not None and t is not None and any((f, t, k) in expected.get(d, ()) for d in docs)
        row = (batch, doc, relation, '1' if positive else '0', *(f'{x:.6f}' for x in c['features']))
        if row not in seen:
            seen.add(row); rows.append(row)
    shutil.rmtree(tmp)
rows.sort()
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w', encoding='utf-8', newline='\n') as out:
    out.write('\t'.join(['batch', 'document', 'relation', 'label'] + FEATURES) + '\n')
    for r in rows: out.write('\t'.join(r) + '\n')
print(f'{len(rows)} candidates, {sum(r[3] == "1" for r in rows)} labelled, to {OUT}')
