#!/usr/bin/env python3
"""Writes the concentration check set: one .txt per document, labels.jsonl, expected-graph.json and SOURCES.md.

Every document is written in the project's own words, in the shape real filings and wire stories use, from public facts
(SOURCES.md says where each fact came from). Run from this folder: python3 build_concentration.py
The locked half is fixed by ConcentrationCheckSet.IsLocked (FNV-1a-32 of the file name, even = locked); this script
applies the same rule and the C# tests check that the two agree."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))


def fnv(name):
    h = 0x811c9dc5
    for b in name.encode('utf-8'):
        h ^= b
        h = (h * 0x01000193) & 0xffffffff
    return h


def locked(name):
    return fnv(name) % 2 == 0


DOCS = []


def doc(name, kind, date, company, text, facts, sources, notes=''):
    DOCS.append(dict(name=name, kind=kind, date=date, company=company, text=text, facts=facts, sources=sources, notes=notes))


def fact(customer, percent, period, quote, metric='revenue'):
    return dict(customer=customer, percent=percent, period=period, quote=quote, metric=metric)


COREWEAVE_SRC = ('https://fabricaventures.com/fund-ii-first-ipo/ (Microsoft 35% of 2023 and 62% of 2024 revenue); '
                 'https://glennklockwood.com/garden/entities/CoreWeave (same, from the S-1); '
                 'http://goldberglawma.com/?id=news%2Fnvidia-invested-coreweave-wont-buying-143000050.html (two customers 77% of 2024 revenue)')
CEREBRAS_SRC = ('https://4nownews.com/?p=10295 (G42 $65.1 million, 83% of 2023 revenue); '
                'https://www.sherwood.news/markets/ai-cerebras-ipo-g42-customer-relationship and '
                'https://newsio.com/2024/10/11/cerebras-ipo-has-too-much-hair-as-ai-chipmaker-tries-to-sell-wall-street-on-nvidia-alternative '
                '(G42 87% of revenue in the first half of 2024; 2023 revenue $78.7 million)')
NVIDIA_Q3_SRC = ('https://fundalyst.xyz/NVDA/dc_gpu/growth_drivers/customer_concentration (four direct customers above 10% in '
                 'Q3 FY2026, 61% together); the split 22/15/13/11 is recalled from the 10-Q and not re-checked in the pages corpus')

# 1. S-1 risk factor: the filer only on the cover, "our largest customer, X, accounted for N% and M% ... respectively".
doc('coreweave_s1-risk-factor-largest-customer_2025-03.txt', 'S-1 risk factor', '2025-03-03', 'CoreWeave',
    """As filed with the Securities and Exchange Commission on March 3, 2025
Registration No. 333-

UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
FORM S-1
REGISTRATION STATEMENT UNDER THE SECURITIES ACT OF 1933

CoreWeave, Inc.
(Exact name of registrant as specified in its charter)

RISK FACTORS

We depend on a small number of customers for most of our revenue.

A handful of customers has committed to most of our contracted capacity. Our largest customer, Microsoft,
accounted for 62% and 35% of our revenue for the years ended December 31, 2024 and 2023, respectively. If
Microsoft reduced its use of our platform, or did not renew its contracts when they expire, our revenue would
fall sharply and we might not find other customers for that capacity on similar terms.
""",
    [fact('Microsoft', 62, 'year ended December 31, 2024', 'Our largest customer, Microsoft,\naccounted for 62% and 35% of our revenue for the years ended December 31, 2024 and 2023, respectively'),
     fact('Microsoft', 35, 'year ended December 31, 2023', 'Our largest customer, Microsoft,\naccounted for 62% and 35% of our revenue for the years ended December 31, 2024 and 2023, respectively')],
    COREWEAVE_SRC)

# 2. Two customers together, filer only in a running head.
doc('coreweave_s1-summary-two-customers-together_2025-03.txt', 'S-1 prospectus summary', '2025-03-03', 'CoreWeave',
    """CoreWeave, Inc. | Prospectus Summary | 9

Customer concentration

Our customers are mostly large AI laboratories and enterprises that sign multi-year, committed contracts. For the
year ended December 31, 2024, our two largest customers together accounted for 77% of our revenue. We expect a
limited number of customers to account for a substantial part of our revenue for the foreseeable future.
""",
    [fact('two largest customers', 77, 'year ended December 31, 2024', 'our two largest customers together accounted for 77% of our revenue')],
    COREWEAVE_SRC)

# 3. Named customer, two periods of different length in one sentence.
doc('cerebras_s1-risk-factor-g42-two-periods_2024-09.txt', 'S-1 risk factor', '2024-09-30', 'Cerebras Systems',
    """FORM S-1
REGISTRATION STATEMENT
UNDER
THE SECURITIES ACT OF 1933

CEREBRAS SYSTEMS INC.
(Exact name of registrant as specified in its charter)

Risks Related to Our Business

We have relied, and expect to continue to rely, on a single customer for a substantial portion of our revenue.

G42 accounted for 83% of our total revenue for the year ended December 31, 2023 and 87% of our total revenue for
the six months ended June 30, 2024. A reduction in G42's purchases, a delay in its payments, or a change in its
plans would harm our results of operations.
""",
    [fact('G42', 83, 'year ended December 31, 2023', 'G42 accounted for 83% of our total revenue for the year ended December 31, 2023'),
     fact('G42', 87, 'six months ended June 30, 2024', '87% of our total revenue for\nthe six months ended June 30, 2024')],
    CEREBRAS_SRC)

# 4. A wire story about someone else's filing: the wire is not the company.
doc('cerebras-g42_wire-one-abu-dhabi-buyer_2024-10.txt', 'news wire', '2024-10-01', 'Cerebras Systems',
    """Chipmaker's IPO filing shows one Abu Dhabi buyer dominates its sales

By a staff reporter

SUNNYVALE, California, Oct 1 (Newswire) - Cerebras Systems, which builds wafer-sized processors for training
artificial intelligence models, depends on a single buyer for almost all of its business, its prospectus shows.
G42, the Abu Dhabi technology group, accounted for 87% of Cerebras's revenue in the first half of 2024, the
filing said. The company has not named any other large customer.
""",
    [fact('G42', 87, 'six months ended June 30, 2024', "G42, the Abu Dhabi technology group, accounted for 87% of Cerebras's revenue in the first half of 2024")],
    CEREBRAS_SRC, notes='first half of 2024 = the six months ended June 30, 2024 (calendar fiscal year)')

# 5. A table with two spans of different length above the dates.
doc('cerebras_s1-note-major-customer-table_2024-09.txt', 'S-1 financial statement note', '2024-09-30', 'Cerebras Systems',
    """CEREBRAS SYSTEMS INC.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

Concentration of Revenue

Customers representing 10% or more of total revenue were as follows:

                     Year Ended           Six Months Ended
                     December 31, 2023    June 30, 2024
G42                  83 %                 87 %
""",
    [fact('G42', 83, 'year ended December 31, 2023', 'G42                  83 %                 87 %'),
     fact('G42', 87, 'six months ended June 30, 2024', 'G42                  83 %                 87 %')],
    CEREBRAS_SRC)

# 6. Three unnamed direct customers, one sentence, fiscal year by name; receivables beside it (not revenue).
doc('nvidia_10k-note-three-direct-customers_2025-02.txt', '10-K financial statement note', '2025-02-26', 'NVIDIA',
    """NVIDIA Corporation and Subsidiaries
Notes to the Consolidated Financial Statements
(Continued)

Note 16 - Segment Information

Concentration of Revenue and Receivables

Sales to direct Customers A, B and C represented 12%, 11% and 11% of total revenue, respectively, for fiscal year
2025, all attributable to the Compute & Networking segment.

Two direct customers represented 17% and 16% of our accounts receivable balance as of January 26, 2025.
""",
    [fact('Customer A', 12, 'fiscal year 2025', 'Sales to direct Customers A, B and C represented 12%, 11% and 11% of total revenue, respectively, for fiscal year\n2025'),
     fact('Customer B', 11, 'fiscal year 2025', 'Sales to direct Customers A, B and C represented 12%, 11% and 11% of total revenue, respectively, for fiscal year\n2025'),
     fact('Customer C', 11, 'fiscal year 2025', 'Sales to direct Customers A, B and C represented 12%, 11% and 11% of total revenue, respectively, for fiscal year\n2025')],
    'Revenue shares recalled from NVIDIA\'s FY2025 10-K (not found in the pages corpus, which holds only secondary mentions); '
    'the receivables shares in the last paragraph are illustrative and are not labelled.',
    notes='receivables percentages are a trap: not revenue facts')

# 7. One customer and a negative statement for the earlier years; cover names the filer.
doc('nvidia_10k-note-one-customer-fy2024_2024-02.txt', '10-K financial statement note', '2024-02-21', 'NVIDIA',
    """FORM 10-K
For the fiscal year ended January 28, 2024
NVIDIA CORPORATION
(Exact name of registrant as specified in its charter)

Concentration of Revenue

Sales to one customer, Customer A, represented 13% of total revenue for fiscal year 2024 and were attributable to
the Compute & Networking segment. No customer represented 10% or more of total revenue for fiscal years 2023 and
2022.
""",
    [fact('Customer A', 13, 'fiscal year 2024', 'Sales to one customer, Customer A, represented 13% of total revenue for fiscal year 2024')],
    'Recalled from NVIDIA\'s FY2024 10-K (Customer A 13%, Compute & Networking); not re-checked in the pages corpus.')

# 8. A wire story quoting "Customer A"/"Customer B", the quarter named by its end date.
doc('nvidia_wire-two-unnamed-buyers-39-percent_2025-08.txt', 'news wire', '2025-08-28', 'NVIDIA',
    """Two unnamed buyers make up 39% of Nvidia's quarterly sales

SANTA CLARA, California, Aug 28 (Newswire) - Two customers that Nvidia does not identify accounted for 39% of
its revenue in the quarter ended July 27, 2025, according to the chipmaker's quarterly report. The filing calls
them only "Customer A," which made up 23% of revenue, and "Customer B," at 16%. Analysts believe both are makers
of servers that resell Nvidia's chips to cloud companies.
""",
    [fact('Customer A', 23, 'quarter ended July 27, 2025', '"Customer A," which made up 23% of revenue'),
     fact('Customer B', 16, 'quarter ended July 27, 2025', '"Customer B," at 16%')],
    'https://fundalyst.xyz/NVDA/dc_gpu/growth_drivers/customer_concentration (Q2 FY2026: Customer A 23%, Customer B 16%, 39% combined)')

# 9. Two named customers, "approximately", respectively, year as a bare year; filer on the cover.
doc('arista_10k-risk-factor-two-cloud-customers_2025-02.txt', '10-K risk factor', '2025-02-14', 'Arista Networks',
    """ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934
For the fiscal year ended December 31, 2024
ARISTA NETWORKS, INC.
(Exact name of registrant as specified in its charter)

Item 1A. Risk Factors

Large purchases by a limited number of customers represent a substantial portion of our revenue.

Our large cloud customers buy in large volumes and on irregular schedules. Microsoft and Meta Platforms accounted
for approximately 20% and 14.6% of our total revenue, respectively, in 2024. A decision by either of them to buy less,
to build its own switches or to move to another vendor could reduce our revenue.
""",
    [fact('Microsoft', 20, '2024', 'Microsoft and Meta Platforms accounted\nfor approximately 20% and 14.6% of our total revenue, respectively, in 2024'),
     fact('Meta Platforms', 14.6, '2024', 'Microsoft and Meta Platforms accounted\nfor approximately 20% and 14.6% of our total revenue, respectively, in 2024')],
    'Recalled from Arista\'s 2024 10-K (Microsoft about 20%, Meta Platforms 14.6%); the pages corpus confirms only that Meta '
    'remained a customer above 10% (alacrastore Morgan Stanley conference excerpt).')

# 10. A wire story: the customer's share of "CoreWeave's revenue", period as "last year".
doc('coreweave-microsoft_wire-software-maker-biggest-buyer_2025-03.txt', 'news wire', '2025-03-04', 'CoreWeave',
    """Microsoft is CoreWeave's biggest buyer by far, IPO filing shows

NEW YORK, March 4, 2025 (Newswire) - Microsoft made up 62% of CoreWeave's revenue last year, the cloud provider's
registration statement shows, a sign of how much the AI infrastructure start-up relies on the software maker.
CoreWeave rents out Nvidia graphics processors in its own data centers.
""",
    [fact('Microsoft', 62, '2024', "Microsoft made up 62% of CoreWeave's revenue last year")],
    COREWEAVE_SRC, notes='last year = 2024 (dateline March 2025)')

# 11. MD&A: "Revenue from X, our largest customer, represented N% ..., compared to M% ...".
doc('coreweave_10k-mdna-revenue-from-largest-customer_2025-03.txt', '10-K MD&A', '2025-03-31', 'CoreWeave',
    """CoreWeave, Inc. | 2024 Annual Report on Form 10-K | 61

Management's Discussion and Analysis of Financial Condition and Results of Operations

Revenue

Revenue grew as new capacity came online under committed contracts. Revenue from Microsoft, our largest customer,
represented 62% of total revenue for the year ended December 31, 2024, compared to 35% for the year ended
December 31, 2023.
""",
    [fact('Microsoft', 62, 'year ended December 31, 2024', 'Revenue from Microsoft, our largest customer,\nrepresented 62% of total revenue for the year ended December 31, 2024'),
     fact('Microsoft', 35, 'year ended December 31, 2023', 'compared to 35% for the year ended\nDecember 31, 2023')],
    COREWEAVE_SRC)

# 12. A revenue table and a receivables table with the same row labels: only the first is revenue.
doc('coreweave_10k-note-revenue-and-receivables-tables_2025-03.txt', '10-K financial statement note', '2025-03-31', 'CoreWeave',
    """CoreWeave, Inc.
Notes to Consolidated Financial Statements

Concentration of Credit Risk and Major Customers

Customers representing 10% or more of total revenue:

                       Year Ended December 31, 2024
Customer A             62 %
Customer B             15 %

Customers representing 10% or more of accounts receivable:

                       December 31, 2024
Customer A             41 %
Customer C             23 %
""",
    [fact('Customer A', 62, 'year ended December 31, 2024', 'Customer A             62 %'),
     fact('Customer B', 15, 'year ended December 31, 2024', 'Customer B             15 %')],
    COREWEAVE_SRC + '. Customer B = 77% (two largest together) - 62% (Microsoft). The receivables table is illustrative and not labelled.',
    notes='receivables rows are a trap')

# 13. A segment's share of revenue, not a customer's.
doc('applied-digital_10q-cloud-segment-share_2025-04.txt', '10-Q MD&A', '2025-04-14', 'Applied Digital',
    """APPLIED DIGITAL CORPORATION
Quarterly Report on Form 10-Q for the quarter ended February 28, 2025

Overview

We design, build and operate data centers for high-performance computing and for digital asset hosting. Our Cloud
Services Business generated $17.8 million of revenue in the three months ended February 28, 2025, accounting for 34%
of total revenue for the fiscal quarter. Total revenue for the quarter was $52.9 million, a 31% increase from the
same quarter of the prior year.
""",
    [],
    'https://reportify.ai/financials/1109375138836647936 (Cloud Services $17.8 million, 34% of total revenue; total $52.9 million, +31%)',
    notes='segment share and growth rate, no customer: no fact')

# 14. A contract release: a prepayment percentage and "largest customer" without a share.
doc('iren_press-release-microsoft-contract_2025-11.txt', 'press release', '2025-11-03', 'IREN',
    """IREN signs five-year AI cloud contract with Microsoft

NEW YORK, Nov. 3, 2025 (GLOBE NEWSWIRE) - IREN Limited (NASDAQ: IREN) today announced a five-year contract to
provide Microsoft with access to NVIDIA GB300 systems at its Childress, Texas campus, valued at approximately
$9.7 billion. Microsoft will prepay 20% of the contract value. Once all phases are running, the contract is
expected to contribute about $1.9 billion of annualized revenue, and Microsoft is expected to become IREN's largest
customer.
""",
    [],
    'https://www.earningsiq.co/articles/iren_iren_q1_2025_microsoft_ai_cloud_deal_locks_in_19b; https://livenews.co.nz/2025/11/07/nz-au-iren-reports-q1-fy26-results '
    '($9.7 billion, five years, 20% prepayment, $1.9 billion ARR)',
    notes='prepayment share and "largest customer" without a share: no fact')

# 15. No customer above the line.
doc('dell_10k-no-customer-above-ten-percent_2025-03.txt', '10-K business section', '2025-03-25', 'Dell Technologies',
    """DELL TECHNOLOGIES INC.
Annual Report on Form 10-K for the fiscal year ended January 31, 2025

Customers

We sell to large global and national corporate businesses, public institutions, small and medium-sized businesses
and consumers, directly and through channel partners. No single customer accounted for more than 10% of our
consolidated net revenue during Fiscal 2025, Fiscal 2024 or Fiscal 2023.
""",
    [],
    'Shape only: Dell states every year that no single customer exceeds 10% of net revenue (recalled, not re-checked).',
    notes='threshold statement: no fact')

# 16. No customer above the line, another wording.
doc('oracle_10k-no-customer-ten-percent_2025-06.txt', '10-K business section', '2025-06-20', 'Oracle',
    """ORACLE CORPORATION
FORM 10-K - Fiscal Year Ended May 31, 2025

Customers

Our customers include businesses of many sizes, government agencies, educational institutions and resellers. No
single customer accounted for 10% or more of our total revenues in fiscal 2025, 2024 or 2023.
""",
    [],
    'Shape only: Oracle\'s 10-K customer paragraph (recalled, not re-checked).',
    notes='threshold statement: no fact')

# 17. A results release full of percentages, none of them a customer's share.
doc('core-scientific_press-release-q2-colocation_2025-08.txt', 'press release', '2025-08-07', 'Core Scientific',
    """Core Scientific Announces Second Quarter 2025 Results

AUSTIN, Texas, Aug. 7, 2025 (BUSINESS WIRE) - Core Scientific, Inc. (NASDAQ: CORZ) reported total revenue of
$78.6 million for the second quarter of 2025. Colocation revenue rose to $10.6 million from $5.5 million a year
earlier as operations for CoreWeave expanded in Denton, Texas. Self-mining revenue fell to $62.4 million on a 62%
decrease in bitcoin mined. CoreWeave funded $90.3 million of the quarter's $121.3 million of capital expenditures.
""",
    [],
    'https://secure.businesswire.com/news/home/20250808196314/en/Core-Scientific-Announces-Fiscal-Second-Quarter-2025-Results (all figures)',
    notes='percentages of bitcoin mined, no customer share: no fact')

# 18. "In 2023, sales to X and its affiliates represented N% of our revenue."
doc('cerebras_s1-summary-sales-to-g42_2024-09.txt', 'S-1 prospectus summary', '2024-09-30', 'Cerebras Systems',
    """Cerebras Systems Inc. - Prospectus Summary

Our Customers

We sell AI supercomputers and cloud services to model developers, enterprises, research institutions and
governments. Our largest relationship is with G42, a technology group based in Abu Dhabi. In 2023, sales to G42 and
its affiliates represented 83% of our revenue.
""",
    [fact('G42', 83, '2023', 'In 2023, sales to G42 and\nits affiliates represented 83% of our revenue')],
    CEREBRAS_SRC)

# 19. Four unnamed customers in a quarter of a fiscal year that does not follow the calendar.
doc('nvidia_10q-note-four-direct-customers_2025-11.txt', '10-Q financial statement note', '2025-11-19', 'NVIDIA',
    """FORM 10-Q
For the quarterly period ended October 26, 2025
NVIDIA CORPORATION
(Exact name of registrant as specified in its charter)

Note 15 - Segment Information

Sales to direct Customers A, B, C and D represented 22%, 15%, 13% and 11% of total revenue, respectively, for the
third quarter of fiscal year 2026, primarily attributable to the Compute & Networking segment.
""",
    [fact('Customer A', 22, 'third quarter of fiscal year 2026', 'Sales to direct Customers A, B, C and D represented 22%, 15%, 13% and 11% of total revenue, respectively, for the\nthird quarter of fiscal year 2026'),
     fact('Customer B', 15, 'third quarter of fiscal year 2026', 'Sales to direct Customers A, B, C and D represented 22%, 15%, 13% and 11% of total revenue, respectively, for the\nthird quarter of fiscal year 2026'),
     fact('Customer C', 13, 'third quarter of fiscal year 2026', 'Sales to direct Customers A, B, C and D represented 22%, 15%, 13% and 11% of total revenue, respectively, for the\nthird quarter of fiscal year 2026'),
     fact('Customer D', 11, 'third quarter of fiscal year 2026', 'Sales to direct Customers A, B, C and D represented 22%, 15%, 13% and 11% of total revenue, respectively, for the\nthird quarter of fiscal year 2026')],
    NVIDIA_Q3_SRC)

# 20. A wire story where the filer is named in an earlier sentence and referred to as "the chipmaker".
doc('cerebras-g42_wire-g42-behind-most-sales_2024-10.txt', 'news wire', '2024-10-02', 'Cerebras Systems',
    """Investor and customer: G42's ties to Cerebras draw scrutiny

ABU DHABI, Oct 2 (Newswire) - G42, the Abu Dhabi group backed by Microsoft, is both an investor in Cerebras Systems
and by far its biggest customer. G42 accounted for 83% of the chipmaker's 2023 revenue of $78.7 million, according
to the filing, and has agreed to buy $1.43 billion of systems and services.
""",
    [fact('G42', 83, '2023', "G42 accounted for 83% of the chipmaker's 2023 revenue")],
    CEREBRAS_SRC)

# 21. A spaced table of named customers with one period column, filer in the heading.
doc('arista_10k-note-major-customers-table_2025-02.txt', '10-K financial statement note', '2025-02-14', 'Arista Networks',
    """ARISTA NETWORKS, INC.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

Note 13. Segment Information - Major Customers

Customers accounting for 10% or more of revenue were as follows:

                      Year Ended December 31, 2024
Microsoft             20.0 %
Meta Platforms        14.6 %
""",
    [fact('Microsoft', 20, 'year ended December 31, 2024', 'Microsoft             20.0 %'),
     fact('Meta Platforms', 14.6, 'year ended December 31, 2024', 'Meta Platforms        14.6 %')],
    'As document 9 (recalled from Arista\'s 2024 10-K).')

# 22. A wire story with "the year before" and the customer's share "nearly doubled".
doc('coreweave_wire-microsoft-share-nearly-doubled_2025-03.txt', 'news wire', '2025-03-05', 'CoreWeave',
    """CoreWeave leans harder on Microsoft as revenue soars

March 5, 2025 (Newswire) - CoreWeave's dependence on its largest customer grew last year. Microsoft's share of
CoreWeave's revenue nearly doubled, to 62% in 2024 from 35% in 2023, according to the company's filing for an
initial public offering.
""",
    [fact('Microsoft', 62, '2024', "Microsoft's share of\nCoreWeave's revenue nearly doubled, to 62% in 2024 from 35% in 2023"),
     fact('Microsoft', 35, '2023', "Microsoft's share of\nCoreWeave's revenue nearly doubled, to 62% in 2024 from 35% in 2023")],
    COREWEAVE_SRC)

# 23. "Revenue from X was $N million, or P%, of total revenue".
doc('cerebras_s1-mdna-revenue-from-g42_2024-09.txt', 'S-1 MD&A', '2024-09-30', 'Cerebras Systems',
    """Cerebras Systems Inc.
Management's Discussion and Analysis of Financial Condition and Results of Operations

Customer Concentration

Revenue from G42 was $65.1 million, or 83%, of total revenue for the year ended December 31, 2023. We expect
revenue from G42 to remain a large part of our revenue while we add other customers.
""",
    [fact('G42', 83, 'year ended December 31, 2023', 'Revenue from G42 was $65.1 million, or 83%, of total revenue for the year ended December 31, 2023')],
    CEREBRAS_SRC)

# 24. Receivables only: percentages of customers that are not revenue shares.
doc('nvidia_10q-note-receivables-only_2025-08.txt', '10-Q financial statement note', '2025-08-27', 'NVIDIA',
    """NVIDIA Corporation and Subsidiaries
Notes to Condensed Consolidated Financial Statements (Unaudited)

Concentration of Credit Risk

Accounts receivable from Customer A and Customer B represented 24% and 19% of our accounts receivable balance,
respectively, as of July 27, 2025. We perform ongoing credit evaluations of our customers and generally do not
require collateral.
""",
    [],
    'Shape only: the receivables figures are illustrative and are not labelled.',
    notes='receivables only: no revenue fact')


def main():
    names = [d['name'] for d in DOCS]
    assert len(names) == len(set(names))
    labels, concentration, sources = [], [], []
    for d in DOCS:
        for f in d['facts']:
            assert f['quote'] in d['text'], (d['name'], f['quote'])
        with open(os.path.join(HERE, d['name']), 'w', encoding='utf-8') as out:
            out.write(d['text'])
        labels.append({
            'doc': d['name'], 'kind': d['kind'], 'date': d['date'], 'locked': locked(d['name']), 'company': d['company'],
            'concentration': [{'company': d['company'], 'customer': f['customer'], 'share_pct': f['percent'],
                               'period': f['period'], 'quote': f['quote'], 'metric': f['metric']} for f in d['facts']],
            'notes': d['notes']})
        for f in d['facts']:
            concentration.append({'company': d['company'], 'customer': f['customer'], 'percent': f['percent'],
                                  'period': f['period'], 'quote': f['quote'], 'doc': d['name']})
        sources.append(f"| `{d['name']}` | {d['kind']} | {len(d['facts'])} | {'locked' if locked(d['name']) else 'development'} | {d['sources']} |")
    with open(os.path.join(HERE, 'labels.jsonl'), 'w', encoding='utf-8') as out:
        for label in labels:
            out.write(json.dumps(label, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'expected-graph.json'), 'w', encoding='utf-8') as out:
        json.dump({'lock_modulus': 2, 'companies': [], 'relations': [], 'loops': [], 'not_loops': [],
                   'concentration': concentration}, out, indent=1, ensure_ascii=False)
        out.write('\n')
    with open(os.path.join(HERE, 'SOURCES.md'), 'w', encoding='utf-8') as out:
        out.write('# Concentration check set: where each fact came from\n\n'
                  'Every document was written for DealLens in its own words, in the shape of the kind named; none is a copy of '
                  'a filing. Figures come from the public pages named (the `search` tool\'s pages corpus) or, where marked '
                  '"recalled", from the filing as remembered and not re-checked there. Percentages marked illustrative are '
                  'part of a trap (receivables, not revenue) and are not labelled. Locked by `ConcentrationCheckSet.IsLocked` '
                  '(FNV-1a-32 of the file name, even = locked).\n\n'
                  '| document | kind | facts | part | sources |\n|---|---|---|---|---|\n')
        out.write('\n'.join(sources) + '\n')
    dev = [d for d in DOCS if not locked(d['name'])]
    print(f"{len(DOCS)} documents ({len(DOCS) - len(dev)} locked), {len(concentration)} facts "
          f"({sum(len(d['facts']) for d in DOCS if locked(d['name']))} locked)")


if __name__ == '__main__':
    main()
