"""Shared by the announcement batch builders (samples/announcements*/build_*.py): the lock rule's hash and the
writing of a batch's files (documents, labels.jsonl, expected-graph.json, SOURCES.md) with its quote check."""
import json
import os
import sys


B = 1_000_000_000
M = 1_000_000


class Batch:
    """The documents of one batch in the order its script tells them; doc() is what the script calls for each."""

    def __init__(self, with_concentration):
        self.docs = []
        self.with_concentration = with_concentration

    def doc(self, name, kind, date, text, relations, sources, concentration=()):
        entry = dict(name=name, kind=kind, date=date, text=text.strip() + "\n", relations=relations, sources=sources)
        if self.with_concentration:
            entry["concentration"] = list(concentration)
        self.docs.append(entry)


def rel(kind, frm, to, usd, binding, quote, **extra):
    return dict(kind=kind, frm=frm, to=to, usd=usd, binding=binding, quote=quote, **extra)


def conc(company, customer, percent, period, quote):
    return dict(company=company, customer=customer, percent=percent, period=period, quote=quote)


def fnv1a32(text):
    """FNV-1a 32 of the UTF-8 text: the same hash as AnnouncementCorpus in C# (a batch's locked part)."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def write_batch(here, docs, expected_loops, not_loops, lock_modulus, sources_header, with_concentration):
    """Writes every document and the batch's labels, expected graph and sources; returns how many labelled quotes
    are not an exact substring of their document (each reported on stderr)."""
    bad = 0
    labels, relations, sources, facts = [], [], [], []
    for d in docs:
        with open(os.path.join(here, d["name"]), "w", encoding="utf-8") as f:
            f.write(d["text"])
        concentration = d.get("concentration", []) if with_concentration else []
        for q in [r["quote"] for r in d["relations"]] + [c["quote"] for c in concentration]:
            if q not in d["text"]:
                print("quote not in document:", d["name"], repr(q), file=sys.stderr)
                bad += 1
        rels = [dict(kind=r["kind"], **{"from": r["frm"]}, to=r["to"], usd=r["usd"], binding=r["binding"], quote=r["quote"],
                     **{k: v for k, v in r.items() if k not in ("kind", "frm", "to", "usd", "binding", "quote")}) for r in d["relations"]]
        label = dict(doc=d["name"], kind=d["kind"], date=d["date"], locked=fnv1a32(d["name"]) % lock_modulus == 0, relations=rels)
        if with_concentration:
            label["concentration"] = concentration
        labels.append(label)
        relations.extend(dict(r, doc=d["name"]) for r in rels)
        facts.extend(dict(c, doc=d["name"]) for c in concentration)
        sources.append(f"- `{d['name']}` ({d['kind']}, {d['date']}): " + "; ".join(d["sources"]))
    names = {d["name"] for d in docs}
    for loop in expected_loops:
        for n in loop[3]:
            assert n in names, n
    with open(os.path.join(here, "labels.jsonl"), "w", encoding="utf-8") as f:
        for label in labels:
            f.write(json.dumps(label, ensure_ascii=False) + "\n")
    companies = sorted({r["from"] for r in relations} | {r["to"] for r in relations})
    graph = dict(companies=companies, relations=relations,
                 loops=[dict(id=i, structure=s, path=p, docs=ds) for i, s, p, ds in expected_loops],
                 not_loops=[dict(id=i, why=w, docs=ds) for i, w, ds in not_loops])
    if with_concentration:
        graph = dict(lock_modulus=lock_modulus, **graph, concentration=facts)
    with open(os.path.join(here, "expected-graph.json"), "w", encoding="utf-8") as f:
        json.dump(graph, f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(here, "SOURCES.md"), "w", encoding="utf-8") as f:
        f.write(sources_header + "\n\n" + "\n".join(sources) + "\n")
    print(f"{len(docs)} documents, {len(relations)} relations, {len(expected_loops)} loops, "
          + (f"{len(facts)} concentration facts, " if with_concentration else "")
          + f"{sum(label['locked'] for label in labels)} locked")
    return bad
