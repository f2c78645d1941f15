#!/usr/bin/env python3
"""Writes docs/*.txt and labels.jsonl of the financing check set and checks every quote is in its document.

Texts are written in our own words from public facts (the source of each fact is in SOURCES.md); they imitate the
layout of 8-K/6-K items, exhibit covers and preambles, notes to financial statements and press releases. Labels use
the schema of ../shared/real-filings/labels.jsonl (doc, deal_terms.parties, financing[], concentration[]).
Run: python3 build_labels.py (from this folder).
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = {}
LABELS = []


def doc(name, kind, date, text, parties, financing=(), concentration=()):
    DOCS[name] = text.strip() + "\n"
    LABELS.append({
        "doc": name, "doc_type": kind, "source_kind": "written_from_public_facts", "date": date, "excerpt_only": False,
        "deal_terms": {"parties": {"value": list(parties), "quote": None}},
        "financing": [dict(kind=k, **{"from": f, "to": t}, usd=u, quote=q, related_to_deal=True) for k, f, t, u, q in financing],
        "concentration": [dict(customer=c, share_pct=p, period=per, quote=q, metric="revenue") for c, p, per, q in concentration],
    })


doc("coreweave-usbank_8-k_ddtl-2-incremental-tranche-3bn_2025-09.txt", "8-K Item 1.01", "2025-10-02", """
UNITED STATES SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
CURRENT REPORT
COREWEAVE, INC.
(Exact name of registrant as specified in its charter)
Item 1.01 Entry into a Material Definitive Agreement.
On September 29, 2025, CoreWeave Compute Acquisition Co. IV, LLC ("CCAC IV"), a Delaware limited liability company and a direct subsidiary of CoreWeave, Inc., amended its Credit Agreement dated as of May 16, 2024, among CCAC IV, as borrower, U.S. Bank Trust Company, National Association, as administrative agent and collateral agent, U.S. Bank National Association, as depository bank, and the lenders party thereto. The amendment adds a new $3.0 billion tranche of delayed draw term loans, which CCAC IV may draw until March 2026.
CCAC IV will use the borrowings to buy equipment and infrastructure used to serve strategic customers of CoreWeave, Inc.
""", ["CoreWeave, Inc.", "CoreWeave Compute Acquisition Co. IV, LLC", "U.S. Bank Trust Company, National Association", "U.S. Bank National Association"],
    [("loan", "lenders (U.S. Bank Trust Company, National Association as administrative agent)", "CoreWeave Compute Acquisition Co. IV, LLC", 3.0e9,
      "The amendment adds a new $3.0 billion tranche of delayed draw term loans")])

doc("coreweave_credit-agreement-cover-ddtl-2_ex10-1_2024-05.txt", "EX-10.1 credit agreement cover", "2024-05-16", """
Exhibit 10.1
EXECUTION VERSION
CREDIT AGREEMENT
dated as of May 16, 2024
among
COREWEAVE COMPUTE ACQUISITION CO. IV, LLC,
as the Borrower,
THE LENDERS FROM TIME TO TIME PARTY HERETO,
U.S. BANK TRUST COMPANY, NATIONAL ASSOCIATION,
as Administrative Agent and Collateral Agent,
and
U.S. BANK NATIONAL ASSOCIATION,
as Depository Bank
""", ["CoreWeave Compute Acquisition Co. IV, LLC", "U.S. Bank Trust Company, National Association", "U.S. Bank National Association"],
    [("loan", "lenders (U.S. Bank Trust Company, National Association as Administrative Agent)", "CoreWeave Compute Acquisition Co. IV, LLC", None,
      "THE LENDERS FROM TIME TO TIME PARTY HERETO")])

doc("terawulf-morganstanley_8-k_convertible-notes-850m-due-2031_2025-08.txt", "8-K Item 1.01/2.03", "2025-08-20", """
FORM 8-K
TERAWULF INC.
(Exact name of registrant as specified in its charter)
Item 1.01 Entry into a Material Definitive Agreement.
On August 20, 2025, TeraWulf Inc. (the "Company") completed its private offering of $850 million aggregate principal amount of 1.00% Convertible Senior Notes due 2031 (the "Notes"). The Notes were sold under a purchase agreement with Morgan Stanley & Co. LLC, as representative of the initial purchasers, for resale to qualified institutional buyers, at 100% of their principal amount.
The Notes mature on September 1, 2031 and bear interest at 1.00% per year, payable semiannually from March 1, 2026. The Company received net proceeds of about $828.7 million, part of which it used to pay for capped call transactions.
""", ["TeraWulf Inc.", "Morgan Stanley & Co. LLC"],
    [("convertible_notes", "noteholders (initial purchasers, unnamed)", "TeraWulf Inc.", 850e6,
      "completed its private offering of $850 million aggregate principal amount of 1.00% Convertible Senior Notes due 2031")])

doc("terawulf-google_10-q-q3-2025_subsequent-events-notes-2032-warrants_R25.txt", "10-Q note (subsequent events)", "2025-11-10", """
Subsequent Events
3 Months Ended
Sep. 30, 2025
Subsequent Events [Abstract]
Note 21. Subsequent Events
Convertible notes due 2032
On October 31, 2025, the Company issued $900.0 million aggregate principal amount of 0.00% Convertible Senior Notes due 2032 in a private offering to qualified institutional buyers. The notes mature on May 1, 2032.
Google warrants
In connection with the CB-5 lease with Fluidstack, Google LLC agreed to backstop an additional $1.4 billion of Fluidstack's lease obligations, and the Company issued to Google LLC warrants to purchase 32,568,197 shares of common stock at an exercise price of $0.01 per share.
""", ["the Company (unnamed in excerpt; = TeraWulf)", "Google LLC", "Fluidstack"],
    [("convertible_notes", "noteholders (unnamed)", "TeraWulf", 900e6, "the Company issued $900.0 million aggregate principal amount of 0.00% Convertible Senior Notes due 2032"),
     ("warrant", "TeraWulf", "Google LLC", None, "the Company issued to Google LLC warrants to purchase 32,568,197 shares of common stock"),
     ("backstop", "Google LLC", "Fluidstack", 1.4e9, "Google LLC agreed to backstop an additional $1.4 billion of Fluidstack's lease obligations")])

doc("coreweave-magnetar_10-q-q2-2025_debt-note-magnetar-loan_R18.txt", "10-Q note (debt)", "2025-08-13", """
Debt
6 Months Ended
Jun. 30, 2025
Debt Disclosure [Abstract]
Magnetar Loan
In January 2025, CoreWeave, Inc. (the "Company") borrowed from affiliates of Magnetar Capital under a term loan (the "Magnetar Loan") that matures in January 2029 and bears an effective interest rate of 12%. As of June 30, 2025, $256.6 million of principal was outstanding under the Magnetar Loan.
""", ["CoreWeave, Inc.", "Magnetar Capital"],
    [("loan", "Magnetar Capital (affiliates)", "CoreWeave, Inc.", 256.6e6, "borrowed from affiliates of Magnetar Capital under a term loan")])

doc("lambda-jpmorgan_press-release-senior-secured-credit-facility-1bn_2026-05.txt", "company press release", "2026-05-07", """
Lambda Closes $1 Billion Senior Secured Credit Facility
SAN JOSE, Calif.--(BUSINESS WIRE)--Lambda, Inc., the AI cloud company, today announced that it has closed a $1 billion syndicated senior secured credit facility arranged by J.P. Morgan. The multi-tranche facility upsizes the $275 million credit facility Lambda established in August 2025 and gives the company committed capital to deploy NVIDIA accelerator servers and add data center capacity.
""", ["Lambda, Inc.", "J.P. Morgan"],
    [("loan", "lenders (unnamed; arranged by J.P. Morgan)", "Lambda, Inc.", 1.0e9, "closed a $1 billion syndicated senior secured credit facility arranged by J.P. Morgan")])

doc("lambda-macquarie_press-release-gpu-backed-facility-500m_2024-04.txt", "company press release", "2024-04-04", """
Lambda Secures $500 Million GPU-Backed Debt Facility
SAN JOSE, Calif.--(BUSINESS WIRE)--Lambda, Inc. today announced a $500 million debt facility led by Macquarie Group. Macquarie Group will lend against Lambda's NVIDIA GPUs and the customer contracts they serve, and Lambda will use the proceeds to buy additional GPUs for its cloud.
""", ["Lambda, Inc.", "Macquarie Group"],
    [("loan", "Macquarie Group", "Lambda, Inc.", 500e6, "Macquarie Group will lend against Lambda's NVIDIA GPUs")])

doc("lambda-twg_press-release-series-e-1-5bn_2025-11.txt", "company press release", "2025-11-18", """
Lambda Raises $1.5 Billion Series E
SAN JOSE, Calif.--(BUSINESS WIRE)--Lambda, Inc. today announced that it has raised more than $1.5 billion in a Series E financing round. TWG Global led the round and invested alongside the US Innovative Technology Fund and existing investors. Lambda will use the capital to build gigawatt-scale AI factories.
""", ["Lambda, Inc.", "TWG Global", "US Innovative Technology Fund"],
    [("equity", "TWG Global", "Lambda, Inc.", 1.5e9, "TWG Global led the round and invested alongside the US Innovative Technology Fund")])

doc("meta-blueowl_8-k_hyperion-joint-venture-financing_2025-10.txt", "8-K Item 8.01", "2025-10-27", """
FORM 8-K
META PLATFORMS, INC.
(Exact name of registrant as specified in its charter)
Item 8.01 Other Events.
On October 27, 2025, Meta Platforms, Inc. ("Meta") entered into a joint venture with funds managed by Blue Owl Capital Inc. ("Blue Owl") to develop and own the Hyperion data center campus in Richland Parish, Louisiana. Blue Owl funds hold 80% of the joint venture and Meta holds the remaining 20%. The joint venture has raised approximately $27 billion of debt, placed by Morgan Stanley with PIMCO as the anchor investor, and about $2.5 billion of equity to fund construction.
""", ["Meta Platforms, Inc.", "Blue Owl Capital Inc.", "Morgan Stanley", "PIMCO"],
    [("equity_contribution", "Blue Owl Capital Inc. (funds)", "Hyperion joint venture (unnamed)", None, "Blue Owl funds hold 80% of the joint venture"),
     ("loan", "PIMCO (anchor investor; bondholders)", "Hyperion joint venture (unnamed)", 27e9, "The joint venture has raised approximately $27 billion of debt")])

doc("nebius_6-k_class-a-shares-and-convertible-notes-2030-2032_2025-09.txt", "6-K", "2025-09-15", """
FORM 6-K
REPORT OF FOREIGN PRIVATE ISSUER
NEBIUS GROUP N.V.
On September 15, 2025, Nebius Group N.V. (the "Company") closed its underwritten public offering of 10,810,811 Class A shares, for gross proceeds of approximately $1.0 billion. Concurrently, the Company issued $1.375 billion aggregate principal amount of 1.00% Convertible Senior Notes due 2030 and $1.375 billion aggregate principal amount of 2.75% Convertible Senior Notes due 2032 to qualified institutional buyers.
""", ["Nebius Group N.V."],
    [("equity", "share purchasers (unnamed)", "Nebius Group N.V.", 1.0e9, "closed its underwritten public offering of 10,810,811 Class A shares"),
     ("convertible_notes", "noteholders (unnamed)", "Nebius Group N.V.", 1.375e9, "the Company issued $1.375 billion aggregate principal amount of 1.00% Convertible Senior Notes due 2030")])

doc("akela-fluidstack-google_recognition-agreement-preamble_ex10-3_2025-08.txt", "EX-10 recognition agreement preamble", "2025-08-18", """
Exhibit 10.3
RECOGNITION AGREEMENT
This RECOGNITION AGREEMENT (this "Agreement") is made as of August 15, 2025, by and among AKELA DATA LLC, a Delaware limited liability company ("Landlord"), FLUIDSTACK USA I INC., a Delaware corporation ("Tenant"), and GOOGLE LLC, a Delaware limited liability company ("Google").
RECITALS
A. Landlord and Tenant are parties to a Datacenter Lease Agreement for the CB-5 building at the Lake Mariner campus in Barker, New York (the "Lease").
B. Google has agreed to backstop certain payment obligations of Tenant under the Lease, on the terms of this Agreement.
""", ["Akela Data LLC", "Fluidstack USA I Inc.", "Google LLC"],
    [("backstop", "Google LLC", "Fluidstack USA I Inc.", None, "Google has agreed to backstop certain payment obligations of Tenant under the Lease")])

doc("cipher-fluidstack-google_8-k_barber-lake-backstop-warrants_2025-09.txt", "8-K Item 1.01", "2025-09-25", """
FORM 8-K
CIPHER MINING INC.
(Exact name of registrant as specified in its charter)
Item 1.01 Entry into a Material Definitive Agreement.
On September 25, 2025, Cipher Mining Inc. (the "Company") entered into a ten-year high-performance computing colocation agreement with Fluidstack for 168 MW of critical IT load at its Barber Lake site. Google LLC agreed to backstop $1.4 billion of Fluidstack's obligations under the agreement to support project financing. In exchange, the Company issued to Google LLC warrants to purchase approximately 24 million shares of the Company's common stock.
""", ["Cipher Mining Inc.", "Fluidstack", "Google LLC"],
    [("backstop", "Google LLC", "Fluidstack", 1.4e9, "Google LLC agreed to backstop $1.4 billion of Fluidstack's obligations"),
     ("warrant", "Cipher Mining Inc.", "Google LLC", None, "the Company issued to Google LLC warrants to purchase approximately 24 million shares")])

doc("coreweave_8-k_senior-notes-9-25pct-due-2030-2bn_2025-05.txt", "8-K Item 2.03", "2025-05-21", """
FORM 8-K
COREWEAVE, INC.
(Exact name of registrant as specified in its charter)
Item 2.03 Creation of a Direct Financial Obligation.
On May 21, 2025, CoreWeave, Inc. (the "Company") issued $2.0 billion aggregate principal amount of 9.250% Senior Notes due 2030 (the "Notes") under an indenture with a trustee. The Notes are guaranteed on a senior unsecured basis by certain of the Company's subsidiaries.
""", ["CoreWeave, Inc."],
    [("loan", "noteholders (unnamed)", "CoreWeave, Inc.", 2.0e9, "issued $2.0 billion aggregate principal amount of 9.250% Senior Notes due 2030"),
     ("guarantee", "certain subsidiaries of CoreWeave (unnamed)", "CoreWeave, Inc.", None, "The Notes are guaranteed on a senior unsecured basis by certain of the Company's subsidiaries")])

# Disclosed concentration, four forms.
doc("coreweave_10-k-2024_revenue-concentration-microsoft_R12.txt", "10-K note (concentration)", "2025-03-31", """
Concentration of Risk
12 Months Ended
Dec. 31, 2024
Significant customers
Microsoft accounted for 62% and 35% of the Company's revenue for the years ended December 31, 2024 and 2023, respectively. The two largest customers together accounted for 77% of revenue for the year ended December 31, 2024.
""", ["Microsoft"], concentration=[
    ("Microsoft", 62, "FY2024", "Microsoft accounted for 62% and 35%"),
    ("Microsoft", 35, "FY2023", "Microsoft accounted for 62% and 35%")])

doc("nvidia_10-q-q2-fy2026_direct-customers-a-b_R11.txt", "10-Q note (concentration)", "2025-08-27", """
Concentration of Revenue
3 Months Ended 6 Months Ended
Jul. 27, 2025
Revenue by customer
Sales to two direct customers, Customer A and Customer B, represented 23% and 16% of total revenue, respectively, for the three months ended July 27, 2025. For the six months ended July 27, 2025, Customer A represented 20% and Customer B 15% of total revenue.
""", ["NVIDIA"], concentration=[
    ("Customer A (unnamed)", 23, "three months ended 2025-07-27", "Customer A and Customer B, represented 23% and 16%"),
    ("Customer B (unnamed)", 16, "three months ended 2025-07-27", "Customer A and Customer B, represented 23% and 16%"),
    ("Customer A (unnamed)", 20, "six months ended 2025-07-27", "Customer A represented 20%"),
    ("Customer B (unnamed)", 15, "six months ended 2025-07-27", "Customer B 15% of total revenue")])

doc("nvidia_10-q-q2-fy2025_one-direct-customer-14pct_R11.txt", "10-Q note (concentration)", "2024-08-28", """
Concentration of Revenue
3 Months Ended
Jul. 28, 2024
For the three months ended July 28, 2024, one direct customer represented 14% of total revenue and another direct customer represented 11% of total revenue, both primarily attributable to the Compute & Networking segment.
""", ["NVIDIA"], concentration=[
    ("one direct customer (unnamed)", 14, "three months ended 2024-07-28", "one direct customer represented 14% of total revenue"),
    ("another direct customer (unnamed)", 11, "three months ended 2024-07-28", "another direct customer represented 11% of total revenue")])

doc("appliedoptoelectronics_10-k-2015_major-customers-amazon_R22.txt", "10-K note (major customers)", "2016-02-25", """
Major Customers
12 Months Ended
Dec. 31, 2015
The Company sells to a small number of large customers. Our largest customer, Amazon, represented 52.5% of revenue in 2015; Microsoft represented 11.6% and Cisco 10.4% of revenue in the same year.
""", ["Amazon", "Microsoft", "Cisco"], concentration=[
    ("Amazon", 52.5, "FY2015", "Our largest customer, Amazon, represented 52.5% of revenue in 2015"),
    ("Microsoft", 11.6, "FY2015", "Microsoft represented 11.6%"),
    ("Cisco", 10.4, "FY2015", "Cisco 10.4% of revenue")])


def main():
    os.makedirs(os.path.join(HERE, "docs"), exist_ok=True)
    bad = 0
    for label in LABELS:
        text = DOCS[label["doc"]]
        for item in label["financing"] + label["concentration"]:
            if item["quote"] not in text:
                print(f"{label['doc']}: quote not in document: {item['quote']}", file=sys.stderr)
                bad += 1
        with open(os.path.join(HERE, "docs", label["doc"]), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for label in LABELS:
            f.write(json.dumps(label, ensure_ascii=False) + "\n")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
