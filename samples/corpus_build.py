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

    def doc(self, name, kind, date, text, relations, sources, concentration=(), terms=None):
        entry = dict(name=name, kind=kind, date=date, text=text.strip() + "\n", relations=relations, sources=sources)
        if self.with_concentration:
            entry["concentration"] = list(concentration)
        if terms is not None:
            entry["terms"] = terms
        self.docs.append(entry)


def rel(kind, frm, to, usd, binding, quote, **extra):
    return dict(kind=kind, frm=frm, to=to, usd=usd, binding=binding, quote=quote, **extra)


def terms(deal, parties, provider=None, customer=None, value=None, term=None, minimum=None, take_or_pay=None, chips=None,
          notes=None):
    """Deal-term labels in the first corpus's format (samples/announcements/README.md): value = (usd, binding, quote),
    term = (months, quote), minimum = (usd or None, quote), take_or_pay = quote, chips = ([names], quote); None is
    "the document states none"."""
    return dict(
        deal=deal, parties=list(parties), provider=provider, customer=customer,
        total_value=None if value is None else dict(usd=value[0], binding=value[1], quote=value[2]),
        term_months=None if term is None else dict(value=term[0], quote=term[1]),
        minimum_commitment=dict(present=False, usd=None, quote=None) if minimum is None
        else dict(present=True, usd=minimum[0], quote=minimum[1]),
        take_or_pay=dict(present=False, quote=None) if take_or_pay is None else dict(present=True, quote=take_or_pay),
        chips=dict(value=[], quote=None) if chips is None else dict(value=list(chips[0]), quote=chips[1]),
        notes=notes)


def term_quotes(t):
    """The quotes a deal-term label holds (each must stand verbatim in its document)."""
    out = [t[k]["quote"] for k in ("total_value", "term_months") if t.get(k)]
    out += [t[k]["quote"] for k in ("minimum_commitment", "take_or_pay", "chips") if t[k]["quote"]]
    return out


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
        for q in [r["quote"] for r in d["relations"]] + [c["quote"] for c in concentration] + term_quotes(d.get("terms") or {
                "minimum_commitment": {"quote": None}, "take_or_pay": {"quote": None}, "chips": {"quote": None}}):
            if q not in d["text"]:
                print("quote not in document:", d["name"], repr(q), file=sys.stderr)
                bad += 1
        rels = [dict(kind=r["kind"], **{"from": r["frm"]}, to=r["to"], usd=r["usd"], binding=r["binding"], quote=r["quote"],
                     **{k: v for k, v in r.items() if k not in ("kind", "frm", "to", "usd", "binding", "quote")}) for r in d["relations"]]
        label = dict(doc=d["name"], kind=d["kind"], date=d["date"], locked=fnv1a32(d["name"]) % lock_modulus == 0)
        label.update(d.get("terms") or {})
        label["relations"] = rels
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
