#!/usr/bin/env python3
"""Second held-out batch (issue 18, items 3-7): written after the readers were changed for the first batch, and scored
once, with no change made after reading its result. Our own wording of public facts; sources in SOURCES.md.
Writes the .txt files, expected.json and SOURCES.md (same schema as ../heldout-relations)."""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'heldout-relations'))
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = []
def doc(name, text, relations=(), concentration=(), loops=(), sources=()):
    DOCS.append(dict(doc=name, text=text.strip() + "\n", relations=[dict(zip(("kind", "from", "to", "binding"), r)) for r in relations],
                     concentration=[dict(zip(("company", "customer", "percent", "period"), c)) for c in concentration],
                     loops=[dict(path=list(l[0]), structure=l[1]) for l in loops], sources=list(sources)))

doc("iren-microsoft_timeline-entry_2025-11.txt", """
Deal timeline
Nov 3, 2025 - IREN signs a five-year, $9.7 billion GPU cloud services contract with Microsoft to provide access to NVIDIA GB300 capacity. Microsoft will prepay 20% of the contract value.
""", relations=[("purchase", "Microsoft", "IREN", True), ("prepayment", "Microsoft", "IREN", True)],
    sources=["https://littletool.com/blog/lambda-and-microsoft-forge-massive-ai-infrastructure-partnership-deplo (IREN $9.7 billion Microsoft transaction); samples/announcements/SOURCES.md (IREN-Microsoft, 20% prepayment)"])
doc("meta-nebius_obligation-sentence_2026-03.txt", """
The new agreement obliges Meta to buy $12 billion of dedicated AI capacity from Nebius over five years, starting in early 2027.
""", relations=[("purchase", "Meta", "Nebius", True)], sources=["https://nai500.com/blog/2026/03/meta-signs-12b-ai-compute-deal-with-nebius-up-to-27b/"])
doc("microsoft-coreweave_reported-spend_2024-11.txt", """
Microsoft will reportedly spend nearly $10 billion between 2023 and 2030 to rent servers from CoreWeave, making it the startup's largest customer.
""", relations=[("purchase", "Microsoft", "CoreWeave", False)], sources=["https://www.ic-integratedcircuits.com/cases/microsoft-leases-coreweave-servers-22236.html"])
doc("aws-cipher_rent-sentence_2025-11.txt", """
Amazon Web Services will pay Cipher Mining about $5.5 billion in rent over a 15-year lease of 300 MW of space and power in Texas.
""", relations=[("lease", "Amazon Web Services", "Cipher Mining", True)], sources=["https://parameter.io/cipher-mining-cifr-stock-amazon-web-services-partnership-delivers-5-5-billion-ai-deal"])
doc("oracle-openai_purchase-sentence_2025-09.txt", """
OpenAI signed a contract to purchase $300 billion of computing power from Oracle over roughly five years.
""", relations=[("purchase", "OpenAI", "Oracle", True)], sources=["https://www.smbom.com/news/45820"])
doc("lambda-microsoft_relative-clause_2025-11.txt", """
Lambda, which will supply Microsoft with tens of thousands of Nvidia GPUs under a multibillion-dollar agreement, has worked with Microsoft for eight years.
""", relations=[("purchase", "Microsoft", "Lambda", True)], sources=["https://cxoxperts.com/?p=5756"])
doc("google-terawulf-fluidstack_exchange-clause_2025-08.txt", """
Fluidstack leases about 200 MW of critical IT load from TeraWulf at Lake Mariner. In exchange for a $1.8 billion backstop of Fluidstack's lease payments, Google received warrants for about 8% of TeraWulf.
""", relations=[("lease", "Fluidstack", "TeraWulf", True), ("backstop", "Google", "Fluidstack", True), ("warrant", "TeraWulf", "Google", True)],
    loops=[(("Google", "Fluidstack", "TeraWulf", "Google"), "backstop_for_warrants")],
    sources=["https://www.coinspeaker.com/google-acquires-5-4-stake-cipher-backstops-mining-deal-fluidstack/amp (TeraWulf-Fluidstack, Google backstop, 8% stake); ../shared/real-filings (TeraWulf 8-K: $1.8 billion backstop)"])
doc("nebius-microsoft_analyst-could_2025-09.txt", """
Analysts said Microsoft could sign further capacity deals with Nebius next year, although neither company has said so.
""", sources=["negative control"])
doc("coreweave_revenue-share-made-up_2025-03.txt", """
Microsoft made up 62% of CoreWeave's 2024 revenue.
""", concentration=[("CoreWeave", "Microsoft", 62, "FY2024")], sources=["https://thepulse.press/article/d111c108-0f32-4ba7-864e-4fbc76482555"])
doc("nvidia_10q-q1-fy26-customers-respectively_2025-05.txt", """
COMPANY CONFORMED NAME: NVIDIA CORP
CONFORMED SUBMISSION TYPE: 10-Q

Customer A and Customer B accounted for 16% and 14% of total revenue, respectively, in the first quarter of fiscal year 2026.
""", concentration=[("NVIDIA", "Customer A", 16, "first quarter of fiscal year 2026"), ("NVIDIA", "Customer B", 14, "first quarter of fiscal year 2026")],
    sources=["https://reportify.ai/news/1162142571829661696"])
doc("nvidia_press-customers-share-of-quarter_2025-08.txt", """
Two direct customers together accounted for 39% of NVIDIA's revenue in the second quarter of fiscal year 2026.
""", concentration=[("NVIDIA", "unnamed customer", 39, "second quarter of fiscal year 2026")], sources=["https://web-origin.lbkrs.com/news/255083105"])

if __name__ == "__main__":
    for d in DOCS:
        with open(os.path.join(HERE, d["doc"]), "w", encoding="utf-8") as f:
            f.write(d["text"])
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump([{k: v for k, v in d.items() if k != "text"} for d in DOCS], f, indent=1)
    with open(os.path.join(HERE, "SOURCES.md"), "w", encoding="utf-8") as f:
        f.write("# Sources of the second held-out batch\n\nEach document is our own wording of the public facts on these pages.\n\n")
        for d in DOCS:
            f.write(f"- `{d['doc']}`: {'; '.join(d['sources'])}\n")
    print(len(DOCS), "documents")
