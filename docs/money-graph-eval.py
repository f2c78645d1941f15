#!/usr/bin/env python3
"""Analyze the announcement corpus (dev docs, locked docs, all) with the CLI and compare the graph with expected-graph.json.
Details are printed for dev documents only; for locked documents only counts."""
import json, os, subprocess, sys, shutil, tempfile
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Usage: money-graph-eval.py [dev|locked|all] [CORPUS_DIR] (default samples/announcements; any directory with labels.jsonl
# and expected-graph.json in the same format, e.g. samples/announcements-round2).
ANN=os.path.abspath(sys.argv[2]) if len(sys.argv)>2 else f'{ROOT}/samples/announcements'
CLI=['dotnet', f'{ROOT}/src/DealLens.Cli/bin/Debug/net10.0/deallens.dll']
def fnv(name):
    h=0x811c9dc5
    for b in name.encode('utf-8'):
        h^=b; h=(h*0x01000193)&0xffffffff
    return h
labels=[json.loads(l) for l in open(f'{ANN}/labels.jsonl')]
locked={l['doc']:l['locked'] for l in labels}
assert all((fnv(d)%3==0)==v for d,v in locked.items()), 'lock rule mismatch'
exp=json.load(open(f'{ANN}/expected-graph.json'))
def run(part):
    tmp=tempfile.mkdtemp()
    docs=[d for d in locked if part=='all' or (part=='locked')==locked[d]]
    os.mkdir(f'{tmp}/in')
    for d in docs: shutil.copy(f'{ANN}/{d}', f'{tmp}/in/{d}')
    db=f'{tmp}/a.db'
    r=subprocess.run(CLI+['analyze',f'{tmp}/in','--db',db,'--parallel','1'],capture_output=True,text=True)
    g=subprocess.run(CLI+['graph','--format','json','--db',db],capture_output=True,text=True)
    graph=json.loads(g.stdout)
    shutil.rmtree(tmp)
    return set(docs), graph
def key(name, graph):
    # resolve an expected name to a graph company id via aliases/name
    n=name.lower()
    for c in graph['companies']:
        if c['name'].lower()==n or n in [a.lower() for a in c['aliases']] or c['id']==n.replace(' ','-'):
            return c['id']
    return None
part=sys.argv[1] if len(sys.argv)>1 else 'dev'
docs,graph=run(part)
show = part=='dev'
rels=[r for r in exp['relations'] if r['doc'] in docs]
got=[(r['from'],r['to'],r['kind']) for r in graph['relations']]
found=0
for r in rels:
    f,t=key(r['from'],graph),key(r['to'],graph)
    ok=(f,t,r['kind']) in got
    found+=ok
    if show and not ok: print('MISS', r['kind'], r['from'],'->',r['to'], r.get('usd'), '|', r['doc'], '|', r['quote'][:110])
loops=[l for l in exp['loops'] if set(l['docs'])<=docs]
cyc=graph.get('cycles',[])
def loop_found(l):
    ids=[key(n,graph) for n in l['path'][:-1]]
    if None in ids: return None
    for c in cyc:
        cs=c['companies']
        if set(cs)==set(ids) and len(cs)==len(ids): return c
    return None
lf=0; vf_bad=0
for l in loops:
    c=loop_found(l)
    if c: lf+=1
    if show: print('LOOP', 'OK ' if c else 'MISS', l['id'], l['structure'], '->', c['kind'] if c else '')
    if c and "backstop" in l["structure"] and c["kind"].startswith("vendor"): vf_bad+=1
    if show and c: print("   structures", c.get("structures"))
expected_keys={(key(r['from'],graph),key(r['to'],graph),r['kind']) for r in rels}
extra=[r for r in graph['relations'] if (r['from'],r['to'],r['kind']) not in expected_keys]
if show:
    for r in extra: print('EXTRA', r['kind'], r['from'],'->',r['to'], r.get('amount'), r['documents'])
    for c in cyc:
        if not any(loop_found(l) is c for l in loops): print('EXTRA LOOP', c['kind'], c['companies'])
print(f'{part}: docs {len(docs)} relations found {found}/{len(rels)} (graph has {len(got)}, {len(extra)} not expected); loops {lf}/{len(loops)}; backstop loops called vendor financing: {vf_bad}; cycles reported {len(cyc)}')
