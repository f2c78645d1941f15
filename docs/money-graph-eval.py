#!/usr/bin/env python3
"""Analyze the announcement corpus (dev docs, locked docs, all) with the CLI and compare the graph with expected-graph.json.
Details are printed for dev documents only; for locked documents only counts."""
import json, os, subprocess, sys, shutil, tempfile
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Usage: money-graph-eval.py [dev|locked|all] [CORPUS_DIR] (default samples/announcements; any directory with labels.jsonl
# and expected-graph.json in the same format, e.g. samples/announcements-round2). Labels with deal-term fields
# (total_value, term_months, ...) are scored on those too; expected concentration facts on the risk report's rows.
ANN=os.path.abspath(sys.argv[2]) if len(sys.argv)>2 else f'{ROOT}/samples/announcements'
CLI=['dotnet', f'{ROOT}/src/DealLens.Cli/bin/Debug/net10.0/deallens.dll']
def fnv(name):
    h=0x811c9dc5
    for b in name.encode('utf-8'):
        h^=b; h=(h*0x01000193)&0xffffffff
    return h
labels=[json.loads(l) for l in open(f'{ANN}/labels.jsonl')]
locked={l['doc']:l['locked'] for l in labels}
exp=json.load(open(f'{ANN}/expected-graph.json'))
MOD=exp.get('lock_modulus',3)  # 3 for the first two batches, 2 (half) for samples/announcements-round3
assert all((fnv(d)%MOD==0)==v for d,v in locked.items()), 'lock rule mismatch'
def run(part):
    tmp=tempfile.mkdtemp()
    docs=[d for d in locked if part=='all' or (part=='locked')==locked[d]]
    os.mkdir(f'{tmp}/in')
    for d in docs: shutil.copy(f'{ANN}/{d}', f'{tmp}/in/{d}')
    db=f'{tmp}/a.db'
    r=subprocess.run(CLI+['analyze',f'{tmp}/in','--db',db,'--parallel','1','--json'],capture_output=True,text=True)
    global analyses
    analyses={os.path.basename(a['document']):a for a in (json.loads(l) for l in r.stdout.splitlines() if l.startswith('{'))}
    g=subprocess.run(CLI+['graph','--format','json','--db',db],capture_output=True,text=True)
    graph=json.loads(g.stdout)
    rk=subprocess.run(CLI+['risk','--json','--db',db],capture_output=True,text=True)
    risk=json.loads(rk.stdout) if rk.returncode==0 and rk.stdout.strip() else {}
    shutil.rmtree(tmp)
    return set(docs), graph, risk
def key(name, graph):
    # resolve an expected name to a graph company id via aliases/name
    n=name.lower()
    for c in graph['companies']:
        if c['name'].lower()==n or n in [a.lower() for a in c['aliases']] or c['id']==n.replace(' ','-'):
            return c['id']
    # An unnamed vehicle or joint venture ("xAI SPV", "Hyperion JV") is the graph company whose name holds its
    # sponsor or site and says what it is.
    for suffix, words in ((' spv', ('vehicle', 'spv')), (' jv', ('joint venture', 'jv'))):
        if n.endswith(suffix):
            head=n[:-len(suffix)]
            kind=[c for c in graph['companies'] if any(w in (c['name']+' '+' '.join(c['aliases'])).lower() for w in words)]
            for c in kind:
                if head in (c['name']+' '+' '.join(c['aliases'])).lower(): return c['id']
            # The graph names an unnamed vehicle after its sponsor; when it holds only one of that kind, that one is it.
            if len(kind)==1: return kind[0]['id']
    return None
part=sys.argv[1] if len(sys.argv)>1 else 'dev'
docs,graph,risk=run(part)
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
import re
def norm(x): return re.sub(r'[^a-z0-9]+','',x.lower())
# The filer of a concentration fact is matched across spellings through the bundled alias table, as the reader
# resolves it ("Cerebras Systems" in a label is "Cerebras", whose registrant name is "Cerebras Systems Inc.").
ALIASES={}
for line in open(f'{ROOT}/src/DealLens.Core/Risk/company-aliases.tsv', encoding='utf-8'):
    if line.startswith('#') or '\t' not in line: continue
    alias,company=line.split('\t')[:2]
    ALIASES[norm(alias)]=norm(company); ALIASES.setdefault(norm(company),norm(company))
def canon(name):
    n=norm(name)
    if n in ALIASES: return ALIASES[n]
    longer=[c for a,c in ALIASES.items() if len(n)>=6 and a.startswith(n)]
    return longer[0] if len(set(longer))==1 else n
def period_key(p):
    if p is None: return None
    p=p.lower(); y=re.findall(r'(?:19|20)\d\d',p)
    q=re.search(r'(first|second|third|fourth) quarter',p); m=re.search(r'(three|six|nine|twelve) months',p)
    return (y[-1] if y else None, q.group(1) if q else (m.group(1) if m else None))
facts=[f for f in exp.get('concentration',[]) if f['doc'] in docs]
rows=risk.get('revenue_concentrations',[])
cf=0
for f in facts:
    mine=[r for r in rows if r['evidence']['document'].endswith(f['doc'])]
    unnamed=not f['customer'][0].isupper() or f['customer'].startswith('Customer ')
    def cust_ok(r):
        if unnamed: return r['customer']=='unnamed customer' and norm(f['customer']) in norm(r.get('customer_label') or '')
        return norm(r['customer'])==norm(f['customer'])
    hit=[r for r in mine if abs(r['percent']-f['percent'])<0.05 and cust_ok(r) and period_key(r['period'])==period_key(f['period'])
         and (norm(r.get('company_name') or '').startswith(norm(f['company']))
              or canon(r.get('company_name') or '')==canon(f['company']))]
    cf+=bool(hit)
    if show and not hit: print('CONC MISS', f['company'], f['customer'], f['percent'], f['period'], '| read', [(r.get('company_name'), r['customer'], r.get('customer_label'), r['percent'], r['period']) for r in mine])
phrases=[r for r in rows if r['customer']!='unnamed customer' and (r['customer'][0].islower() or len(r['customer'].split())>4)]
conc_text=f'; concentration facts {cf}/{len(facts)}, phrases as customer {len(phrases)}' if exp.get('concentration') else ''
# Deal-term fields, for a batch whose labels carry them (samples/announcements format), scored as AnnouncementScorer
# does: value within 1 % with the same binding, term within a month, minimum commitment and take-or-pay present or not,
# the same set of chips.
terms_text=''
termed=[l for l in labels if l['doc'] in docs and 'total_value' in l]
if termed:
    right={f:0 for f in ('value','term','minimum commitment','take-or-pay','chips')}
    for l in termed:
        a=analyses.get(l['doc'],{}); deal=a.get('deal') or {}; types={c['type'] for c in a.get('clauses') or []}
        tv=deal.get('total_value') or {}; amount=tv.get('amount')
        lv=l['total_value']
        ok={'value': amount is None if lv is None else (amount is not None and abs(amount-lv['usd'])<=lv['usd']*0.01 and tv.get('binding')==lv['binding']),
            'term': deal.get('term_months') is None if l['term_months'] is None else (deal.get('term_months') is not None and abs(deal['term_months']-l['term_months']['value'])<=1),
            'minimum commitment': l['minimum_commitment']['present']==('minimum_commitment' in types),
            'take-or-pay': l['take_or_pay']['present']==('take_or_pay' in types),
            'chips': {c.strip().upper() for c in l['chips']['value']}=={c.strip().upper() for c in deal.get('chips') or []}}
        for f,v in ok.items():
            right[f]+=v
            if show and not v: print('TERM MISS', l['doc'], f, '| labelled', {'value':lv,'term':l['term_months'],'minimum commitment':l['minimum_commitment']['present'],'take-or-pay':l['take_or_pay']['present'],'chips':l['chips']['value']}[f], '| read', {'value':tv or None,'term':deal.get('term_months'),'minimum commitment':'minimum_commitment' in types,'take-or-pay':'take_or_pay' in types,'chips':deal.get('chips')}[f])
    n=len(termed)
    terms_text='; deal terms '+' '.join(f'{f} {v}/{n}' for f,v in right.items())+f' = {sum(right.values())}/{5*n} ({sum(right.values())/(5*n):.3f})'
print(f'{part}: docs {len(docs)} relations found {found}/{len(rels)} (graph has {len(got)}, {len(extra)} not expected); loops {lf}/{len(loops)}; backstop loops called vendor financing: {vf_bad}; cycles reported {len(cyc)}{conc_text}{terms_text}')
