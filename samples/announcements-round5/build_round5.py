#!/usr/bin/env python3
"""Writes the fifth announcement batch (issue 18 items 3, 4, 7): one .txt per document, labels.jsonl,
expected-graph.json and SOURCES.md, and fails when a labelled quote is not an exact substring of its document.

Written in our own words from public facts (SOURCES.md) on deals the first four batches do not tell, and labelled
BEFORE any reader was run on it. Shapes: a venture arm investing for its parent, 8-K items with defined terms and a
subsidiary borrower, amounts in words, "up to" and "as much as", warrants vesting in tranches, a round whose leads
and participants are listed with persons among them, news paraphrase, an analyst note built of nominalisations, and
look-alikes whose money flows one way or along a chain.
Locked part: FNV-1a-32(UTF-8 file name) % 2 == 0 (half; `AnnouncementCorpus.IsLockedRound5`).
Run: python3 samples/announcements-round5/build_round5.py
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from corpus_build import B, M, Batch, rel, conc, write_batch  # noqa: E402

BATCH = Batch(with_concentration=True)
DOCS = BATCH.docs
doc = BATCH.doc

# ------------------------------------------------------------------ Inflection AI, Microsoft, NVIDIA, CoreWeave
doc("inflection_press-release-1-3bn-round_2023-06.txt", "press release", "2023-06-29", """
Inflection AI Raises $1.3 Billion to Build More Personal AI

PALO ALTO, Calif., June 29, 2023 -- Inflection AI, the studio behind the personal assistant Pi, today announced
that it has closed a funding round of $1.3 billion. The round was led by Microsoft, Reid Hoffman, Bill Gates and
Eric Schmidt, and NVIDIA joined as a new investor, bringing the total raised by the company to $1.525 billion.

Part of the money will go into compute. Working with CoreWeave, Inflection is building a cluster of 22,000
NVIDIA H100 Tensor Core GPUs, which the company expects to be one of the largest AI clusters in the world.
""", [
    rel("equity", "Microsoft", "Inflection AI", None, True, "The round was led by Microsoft, Reid Hoffman, Bill Gates and\nEric Schmidt"),
    rel("equity", "NVIDIA", "Inflection AI", None, True, "NVIDIA joined as a new investor"),
    rel("purchase", "Inflection AI", "CoreWeave", None, True, "Working with CoreWeave, Inflection is building a cluster of 22,000\nNVIDIA H100 Tensor Core GPUs"),
], ["https://bitkan.com/news/massive-boost-for-inflection-ai-microsoft-and-nvidia-lead-1.3b-funding-round-17023",
    "https://www.livemint.com/opinion/online-views/microsofts-inflection-point-acquire-what-you-can-t-create/amp-11711024267769.html"])

doc("inflection-coreweave_wire-22000-h100-cluster_2023-06.txt", "news wire", "2023-06-30", """
Inflection's giant GPU cluster will sit in CoreWeave data centers

NEW YORK, June 30 (DealWire) - The 22,000-GPU cluster that Inflection AI plans to train its next models on will be
hosted and run by CoreWeave, the specialist cloud, which rents the capacity to the start-up. Every one of those
chips is an H100 that CoreWeave buys from Nvidia. The chipmaker is also on both sides of the arrangement: it owns a
stake in CoreWeave, and it invested in Inflection's $1.3 billion round this week.
""", [
    rel("purchase", "Inflection AI", "CoreWeave", None, True, "CoreWeave, the specialist cloud, which rents the capacity to the start-up"),
    rel("purchase", "CoreWeave", "NVIDIA", None, True, "an H100 that CoreWeave buys from Nvidia"),
    rel("equity", "NVIDIA", "CoreWeave", None, True, "it owns a\nstake in CoreWeave"),
    rel("equity", "NVIDIA", "Inflection AI", 1.3 * B, True, "it invested in Inflection's $1.3 billion round this week"),
], ["https://bitkan.com/news/massive-boost-for-inflection-ai-microsoft-and-nvidia-lead-1.3b-funding-round-17023",
    "http://m.chengju.com/news/114662.html"])

doc("microsoft-inflection_analyst-note-650m-license_2024-03.txt", "analyst note", "2024-03-22", """
Desk note: Microsoft's Inflection deal sends money both ways

Microsoft has agreed to pay Inflection AI roughly six hundred and fifty million dollars, most of it a license fee
for the right to sell Inflection's models on Azure, while hiring the start-up's co-founders and most of its staff.
The money goes back to a company Microsoft already owns a piece of: Microsoft invested in both of Inflection's big
rounds. And the flow is not one way. Inflection will host its Inflection-2.5 model on Microsoft Azure, so part of the
fee comes home as cloud revenue.
""", [
    rel("purchase", "Microsoft", "Inflection AI", 650 * M, True, "Microsoft has agreed to pay Inflection AI roughly six hundred and fifty million dollars"),
    rel("equity", "Microsoft", "Inflection AI", None, True, "Microsoft invested in both of Inflection's big\nrounds"),
    rel("purchase", "Inflection AI", "Microsoft", None, True, "Inflection will host its Inflection-2.5 model on Microsoft Azure"),
], ["https://spyglass.org/microsoft-inflection-deal-terms/",
    "https://stratechery.com/2024/microsoft-and-inflection-ai-inflection-oddities-the-acquisition-that-isnt/"])

# ------------------------------------------------------------------ AMD and Vultr
doc("vultr_press-release-333m-financing-amd-ventures_2024-12.txt", "press release", "2024-12-20", """
Vultr Secures $333 Million in Growth Financing Co-Led by LuminArx and AMD Ventures

WEST PALM BEACH, Fla., Dec. 20, 2024 -- Vultr, the privately held cloud infrastructure company, today announced
$333 million of new financing at a valuation of $3.5 billion. The round was co-led by LuminArx Capital Management and
AMD Ventures, the strategic investment arm of AMD.

Vultr will use the proceeds to expand its fleet of AMD Instinct MI300X and MI325X GPUs and to build a new
supercomputing cluster in the Chicago area.
""", [
    rel("equity", "LuminArx Capital Management", "Vultr", None, True, "The round was co-led by LuminArx Capital Management and\nAMD Ventures"),
    rel("equity", "AMD", "Vultr", None, True, "The round was co-led by LuminArx Capital Management and\nAMD Ventures"),
    rel("purchase", "Vultr", "AMD", None, True, "Vultr will use the proceeds to expand its fleet of AMD Instinct MI300X and MI325X GPUs"),
], ["https://www.analyticsinsight.net/amp/story/stocks/amd-trades-at-125-amid-its-333-million-investment-in-cloud-startup-vultr-recovery-time"])

doc("amd-vultr_wire-chipmaker-backs-its-buyer_2024-12.txt", "news wire", "2024-12-20", """
AMD puts money into a cloud that buys its GPUs

SAN FRANCISCO, Dec 20 (DealWire) - Advanced Micro Devices has become a shareholder in one of its own customers.
Vultr, a privately held cloud provider valued at $3.5 billion, said AMD and LuminArx Capital Management put
$333 million into the company. Vultr buys Instinct accelerators from AMD for its GPU cloud and is planning a
Chicago-area cluster of several thousand of them.
""", [
    rel("equity", "AMD", "Vultr", None, True, "AMD and LuminArx Capital Management put\n$333 million into the company"),
    rel("equity", "LuminArx Capital Management", "Vultr", None, True, "AMD and LuminArx Capital Management put\n$333 million into the company"),
    rel("purchase", "Vultr", "AMD", None, True, "Vultr buys Instinct accelerators from AMD"),
], ["https://www.analyticsinsight.net/amp/story/stocks/amd-trades-at-125-amid-its-333-million-investment-in-cloud-startup-vultr-recovery-time"])

doc("vultr_press-release-springfield-ohio-mi355x_2026-02.txt", "press release", "2026-02-10", """
Vultr Plans AMD-Powered AI Supercluster in Springfield, Ohio

WEST PALM BEACH, Fla. -- Vultr today announced plans for a 50-megawatt AI data center in Clark County, Ohio, a
capital investment of about nine hundred and one million dollars. The facility is designed to house 24,000 AMD
Instinct MI355X GPUs, which Vultr intends to buy from AMD as the building is fitted out.
""", [
    rel("purchase", "Vultr", "AMD", None, False, "which Vultr intends to buy from AMD"),
], ["https://www.ohiotechnews.com/vultr-billion-ohio-amd-powered-ai-supercluster"])

# ------------------------------------------------------------------ NVIDIA and Together AI
doc("together-ai_press-release-series-b-305m_2025-02.txt", "press release", "2025-02-20", """
Together AI Raises $305 Million Series B to Scale Its AI Acceleration Cloud

SAN FRANCISCO, Feb. 20, 2025 -- Together AI today announced a $305 million Series B. General Catalyst led the
round and Prosperity7 co-led it, with participation from NVIDIA, Salesforce Ventures, Coatue and Lux Capital.

The company runs open-source and custom models for developers and enterprises on its own GPU clusters. With the new
funds it is deploying NVIDIA Blackwell GPUs, starting with NVIDIA HGX B200 systems, across its data centers in
North America.
""", [
    rel("equity", "General Catalyst", "Together AI", None, True, "General Catalyst led the\nround"),
    rel("equity", "Prosperity7", "Together AI", None, True, "Prosperity7 co-led it"),
    rel("equity", "NVIDIA", "Together AI", None, True, "with participation from NVIDIA"),
    rel("purchase", "Together AI", "NVIDIA", None, True, "it is deploying NVIDIA Blackwell GPUs"),
], ["https://startup.genisisiq.com/together-ai-732998/",
    "https://www.together.ai/blog/fastest-inference-for-deepseek-r1-0528-with-nvidia-hgx-b200"])

doc("together-ai-nvidia_analyst-note-inference-cloud_2025-07.txt", "analyst note", "2025-07-18", """
Desk note: Together AI, a customer that Nvidia also owns a slice of

Together AI's rollout of NVIDIA HGX B200 capacity for serverless inference puts more Nvidia silicon behind an
open-model cloud whose annual revenue is growing quickly. The hardware purchases are financed in part by the
start-up's $305 million Series B, and Nvidia's participation in that round makes the chipmaker one of Together AI's
shareholders. The cash that Nvidia put in returns to it as orders for Blackwell systems.
""", [
    rel("purchase", "Together AI", "NVIDIA", None, True, "Together AI's rollout of NVIDIA HGX B200 capacity"),
    rel("equity", "NVIDIA", "Together AI", None, True, "Nvidia's participation in that round makes the chipmaker one of Together AI's\nshareholders"),
], ["https://www.together.ai/blog/fastest-inference-for-deepseek-r1-0528-with-nvidia-hgx-b200",
    "https://tek54.com/opinion/together-ai-800-million-neocloud-trade"])

# ------------------------------------------------------------------ Microsoft and Mistral AI
doc("microsoft-mistral_press-release-multi-year-partnership_2024-02.txt", "press release", "2024-02-26", """
Microsoft and Mistral AI announce new partnership to accelerate AI innovation

REDMOND, Wash., Feb. 26, 2024 -- Microsoft Corp. and Mistral AI today announced a multi-year partnership. Mistral AI
will train and run its next-generation large language models on Azure AI supercomputing infrastructure, and its
premium models, starting with Mistral Large, will be offered to customers as a service in Azure AI Studio.

Microsoft will also take a minority stake in the Paris-based company. Financial terms were not disclosed.
""", [
    rel("purchase", "Mistral AI", "Microsoft", None, True, "Mistral AI\nwill train and run its next-generation large language models on Azure AI supercomputing infrastructure"),
    rel("equity", "Microsoft", "Mistral AI", None, True, "Microsoft will also take a minority stake in the Paris-based company"),
], ["https://buydexamethasone.com/after-openai-microsoft-takes-mistral-another-high-profile-ai-startup/",
    "https://redreefresearch.com/2024/02/26/microsoft-invests-in-europes-mistral-ai-to-expand-beyond-openai/"])

doc("mistral-microsoft_wire-small-stake-azure-compute_2024-02.txt", "news wire", "2024-02-27", """
Microsoft's small Mistral stake comes with a big cloud customer

PARIS, Feb 27 (DealWire) - Microsoft is investing a modest sum in Mistral AI, the French model maker valued at about
2 billion euros, in a deal that will turn into shares at Mistral's next funding round, people familiar with the
terms said. In the other direction, Mistral will rent Azure supercomputing capacity from Microsoft to train and
serve its models, effective immediately, Microsoft President Brad Smith said in Barcelona.
""", [
    rel("equity", "Microsoft", "Mistral AI", None, True, "Microsoft is investing a modest sum in Mistral AI"),
    rel("purchase", "Mistral AI", "Microsoft", None, True, "Mistral will rent Azure supercomputing capacity from Microsoft"),
], ["https://redreefresearch.com/2024/02/26/microsoft-invests-in-europes-mistral-ai-to-expand-beyond-openai/",
    "https://windowsforum.com/threads/microsoft-mistral-ai-tie-up-expands-azure-multi-model-strategy.384164"])

# ------------------------------------------------------------------ Galaxy Digital and CoreWeave (Helios): no loop
doc("galaxy_press-release-1-4bn-helios-financing_2025-08.txt", "press release", "2025-08-15", """
Galaxy Closes $1.4 Billion Project Financing Facility for Its Helios AI Data Center

NEW YORK, Aug. 15, 2025 -- Galaxy Digital Inc. (Nasdaq: GLXY) ("Galaxy") today announced that it has closed a
$1.4 billion project financing facility for the first phase of its Helios campus in West Texas, with Deutsche Bank
as initial lender. The facility funds 80% of construction costs; Galaxy has contributed $350 million of equity.

CoreWeave has signed a second-phase lease for another 260 MW of critical IT load at Helios and exercised its option
on a further 133 MW, so that CoreWeave now leases the full 800 MW of approved capacity from Galaxy for 15 years.
Galaxy expects the leases to bring in more than $1 billion of revenue a year.
""", [
    rel("loan", "Deutsche Bank", "Galaxy Digital", 1.4 * B, True, "a\n$1.4 billion project financing facility for the first phase of its Helios campus in West Texas, with Deutsche Bank\nas initial lender"),
    rel("lease", "CoreWeave", "Galaxy Digital", None, True, "CoreWeave now leases the full 800 MW of approved capacity from Galaxy for 15 years"),
], ["https://www.stocktitan.net/news/GLXY/galaxy-closes-1-4-billion-project-financing-facility-to-accelerate-m1g6nrtnwvpm.html",
    "https://bitxjournal.com/?p=17632"])

doc("galaxy_8k-item-1-01-helios-credit-agreement_2025-08.txt", "8-K item", "2025-08-15", """
Item 1.01 Entry into a Material Definitive Agreement.

On August 15, 2025, Galaxy Helios I, LLC (the "Borrower"), an indirect wholly-owned subsidiary of Galaxy Digital
Inc. (the "Company"), entered into a credit agreement (the "Credit Agreement") with Deutsche Bank AG, New York
Branch, as initial lender (the "Lender"), under which the Lender agreed to make term loans to the Borrower in an
aggregate principal amount of up to $1.4 billion. The loans mature on August 15, 2028 and are secured by all of the
assets of the Borrower.

The Borrower owns the first phase of the Company's Helios data center campus, which is leased to CoreWeave, Inc.
under a fifteen-year lease.
""", [
    rel("loan", "Deutsche Bank", "Galaxy Digital", 1.4 * B, True, "the Lender agreed to make term loans to the Borrower in an\naggregate principal amount of up to $1.4 billion"),
    rel("lease", "CoreWeave", "Galaxy Digital", None, True, "which is leased to CoreWeave, Inc.\nunder a fifteen-year lease"),
], ["https://bitxjournal.com/?p=17632",
    "https://exbasi.com/blog/galaxy-closes-14-billion-debt-facility-to-retrofit-its-helios-bitcoin-mining-center-for-coreweave-ai-deal-4383"])

# ------------------------------------------------------------------ Amazon and Talen Energy: money one way
doc("talen-amazon_wire-650m-cumulus-campus_2024-03.txt", "news wire", "2024-03-05", """
Amazon buys nuclear-powered data center campus from Talen

HOUSTON, March 5 (DealWire) - Amazon Web Services is paying $650 million for Talen Energy's Cumulus data center
campus next to the Susquehanna nuclear plant in Pennsylvania: $350 million at closing and $300 million held in
escrow until development milestones are met. Talen will also sell the campus power from Susquehanna under a
long-term agreement whose commitments rise in 120 MW steps.
""", [
    rel("purchase", "Amazon", "Talen Energy", 650 * M, True, "Amazon Web Services is paying $650 million for Talen Energy's Cumulus data center\ncampus"),
], ["https://www.capacitymedia.com/article/2cxqq1fdgr4r4gais7cow/news/amazon-buys-nuclear-data-centre-campus-for-650-million",
    "https://www.neimagazine.com/news/amazon-buys-nuclear-powered-data-centre-from-talen-11597723/"])

doc("talen_press-release-amazon-1920mw-ppa_2025-06.txt", "press release", "2025-06-11", """
Talen Energy and Amazon Expand Nuclear Energy Partnership

HOUSTON, June 11, 2025 -- Talen Energy Corporation ("Talen") today announced an expanded power purchase agreement
with Amazon. Under the agreement, Amazon will buy up to 1,920 megawatts of carbon-free electricity from Talen's
Susquehanna plant through 2042, ramping up to the full amount by 2032, for AWS data centers in Pennsylvania.
""", [
    rel("purchase", "Amazon", "Talen Energy", None, False, "Amazon will buy up to 1,920 megawatts of carbon-free electricity from Talen's\nSusquehanna plant"),
], ["https://www.ans.org/news/2025-06-16/article-7113/talen-and-amazon-expand-their-partnership-for-pennsylvania",
    "https://www.channelnewsasia.com/business/talen-energy-and-amazon-sign-nuclear-power-deal-fuel-data-centers-5175341"])

# ------------------------------------------------------------------ Meta and Scale AI: money one way
doc("meta-scale_wire-14-3bn-for-49-percent_2025-06.txt", "news wire", "2025-06-13", """
Meta pays $14.3 billion for 49% of Scale AI

MENLO PARK, June 13 (DealWire) - Meta Platforms has agreed to invest $14.3 billion in Scale AI for a 49% stake,
valuing the data-labeling company at about $29 billion. Scale's chief executive Alexandr Wang will join Meta. Meta
said it would deepen the work the two companies do together producing training data, for which it pays Scale.
""", [
    rel("equity", "Meta", "Scale AI", 14.3 * B, True, "Meta Platforms has agreed to invest $14.3 billion in Scale AI"),
    rel("purchase", "Meta", "Scale AI", None, True, "producing training data, for which it pays Scale"),
], ["https://codeblack.cc/2025/06/meta-buys-49-percent-stake-in-scale-ai-for-14-3-billion/",
    "https://www.hngn.com/articles/266651/20250613/meta-makes-major-ai-move-143-billion-stake-scale-hires-ceo.htm"])

# ------------------------------------------------------------------ AMD and Meta: warrants for purchases
doc("amd_8k-item-1-01-meta-warrant_2026-02.txt", "8-K item", "2026-02-24", """
Item 1.01 Entry into a Material Definitive Agreement.

On February 24, 2026, Advanced Micro Devices, Inc. (the "Company") entered into a master agreement with Meta
Platforms, Inc. ("Meta") under which Meta will purchase AMD Instinct GPUs for up to 6 gigawatts of capacity, with
the first gigawatt to ship in the second half of 2026.

Item 3.02 Unregistered Sales of Equity Securities.

In connection with the agreement, the Company issued to Meta a warrant (the "Warrant") to purchase up to 160,000,000
shares of the Company's common stock at an exercise price of $0.01 per share. The Warrant vests in tranches: the
first tranche vests upon the first gigawatt of deliveries, and further tranches vest as Meta's purchases grow to
6 gigawatts and as the Company's stock price reaches specified thresholds. The Warrant expires in February 2031.
""", [
    rel("purchase", "Meta", "AMD", None, True, "Meta will purchase AMD Instinct GPUs for up to 6 gigawatts of capacity"),
    rel("warrant", "AMD", "Meta", None, True, "the Company issued to Meta a warrant"),
], ["https://secwatch.observer/filing/0000002488-26-000045.md",
    "https://www.wokv.com/news/business/facebook-owner-meta/YHXFM33PQEY7LEIUFMDQQRSMYM/"])

doc("meta-amd_wire-chips-for-a-tenth-of-amd_2026-02.txt", "news wire", "2026-02-24", """
Meta to buy AMD chips in deal that could top one hundred billion dollars

SANTA CLARA, Feb 24 (DealWire) - Facebook owner Meta will buy artificial intelligence chips from Advanced Micro
Devices over five years in a deal worth as much as one hundred billion dollars, and it may end up owning as much as a
tenth of the chipmaker. Warrants over 160 million AMD shares, at one cent each, were granted to Meta by AMD; they
vest in tranches as Meta's purchases scale from one gigawatt to six.
""", [
    rel("purchase", "Meta", "AMD", 100 * B, False, "Meta will buy artificial intelligence chips from Advanced Micro\nDevices"),
    rel("warrant", "AMD", "Meta", None, True, "Warrants over 160 million AMD shares, at one cent each, were granted to Meta by AMD"),
], ["https://www.wokv.com/news/business/facebook-owner-meta/YHXFM33PQEY7LEIUFMDQQRSMYM/",
    "https://www.newsbytesapp.com/news/business/amds-60b-meta-deal-includes-a-10-stock-warrant/tldr"])

# ------------------------------------------------------------------ Oracle, NVIDIA, OpenAI, Crusoe (Abilene)
doc("oracle-nvidia_wire-40bn-gb200-for-abilene_2025-05.txt", "news wire", "2025-05-23", """
Oracle to spend about $40 billion on Nvidia chips for OpenAI's Texas site

AUSTIN, May 23 (DealWire) - Oracle will buy some 400,000 of Nvidia's GB200 chips for about $40 billion to fill the
Abilene, Texas data center it is building for OpenAI, according to a report. Oracle will rent the computing power
to OpenAI. The site itself belongs to Crusoe and Blue Owl Capital, from which Oracle has agreed to lease it for
15 years; JPMorgan has lent $9.6 billion towards its construction.
""", [
    rel("purchase", "Oracle", "NVIDIA", 40 * B, True, "Oracle will buy some 400,000 of Nvidia's GB200 chips for about $40 billion"),
    rel("purchase", "OpenAI", "Oracle", None, True, "Oracle will rent the computing power\nto OpenAI"),
    rel("lease", "Oracle", "Crusoe", None, True, "from which Oracle has agreed to lease it for\n15 years"),
], ["https://the-decoder.com/oracle-drops-40-billion-on-nvidia-chips-for-openais-texas-mega-facility/",
    "https://photonews.com.pk/oracle-nvidia-openai-stargate-2025"])

doc("nvidia-openai-oracle_analyst-note-three-way-flow_2025-09.txt", "analyst note", "2025-09-24", """
Desk note: three companies, one circle

Put three announcements side by side. Nvidia's planned investment of up to $100 billion in OpenAI, made in tranches
as each gigawatt is deployed. OpenAI's five-year, $300 billion computing contract with Oracle. Oracle's purchase of
roughly $40 billion of Nvidia GB200 chips for the Abilene campus that serves OpenAI. Each is a normal deal on its
own. Together they send Nvidia's money to OpenAI, OpenAI's money to Oracle and Oracle's money back to Nvidia.
""", [
    rel("equity", "NVIDIA", "OpenAI", 100 * B, False, "Nvidia's planned investment of up to $100 billion in OpenAI"),
    rel("purchase", "OpenAI", "Oracle", 300 * B, True, "OpenAI's five-year, $300 billion computing contract with Oracle"),
    rel("purchase", "Oracle", "NVIDIA", 40 * B, True, "Oracle's purchase of\nroughly $40 billion of Nvidia GB200 chips"),
], ["https://the-decoder.com/oracle-drops-40-billion-on-nvidia-chips-for-openais-texas-mega-facility/",
    "https://techminis.com/oracle-to-spend-40bn-on-nvidia-chips-for-stargate-campus/-534776850"])

# ------------------------------------------------------------------ HUMAIN, NVIDIA, AMD: purchases only
doc("humain_press-release-nvidia-amd-ai-factories_2025-05.txt", "press release", "2025-05-13", """
HUMAIN Partners with NVIDIA and AMD to Build AI Factories in the Kingdom

RIYADH, May 13, 2025 -- HUMAIN, the AI company of Saudi Arabia's Public Investment Fund, today announced two
partnerships. In the first phase of its partnership with NVIDIA, HUMAIN will deploy a GB300 Grace Blackwell
supercomputer of 18,000 NVIDIA chips bought from NVIDIA, with several hundred thousand GPUs planned over five years.
Separately, HUMAIN and AMD signed an agreement under which HUMAIN would invest up to ten billion dollars in 500
megawatts of AMD-based compute over the same period.
""", [
    rel("purchase", "HUMAIN", "NVIDIA", None, True, "18,000 NVIDIA chips bought from NVIDIA"),
    rel("purchase", "HUMAIN", "AMD", 10 * B, False, "HUMAIN would invest up to ten billion dollars in 500\nmegawatts of AMD-based compute"),
], ["https://dev.futuriom.com/articles/news/nvidia-amd-score-deals-for-the-saudi-ai-hub/2025/05",
    "https://aicommunityforum.com/?p=742"])

EXPECTED_LOOPS = [
    ("nvidia-inflection-coreweave", "vendor equity for purchases (through a cloud)", ["NVIDIA", "Inflection AI", "CoreWeave", "NVIDIA"],
     ["inflection-coreweave_wire-22000-h100-cluster_2023-06.txt"]),
    ("nvidia-inflection-coreweave-two-docs", "vendor equity for purchases (through a cloud)", ["NVIDIA", "Inflection AI", "CoreWeave", "NVIDIA"],
     ["inflection_press-release-1-3bn-round_2023-06.txt", "inflection-coreweave_wire-22000-h100-cluster_2023-06.txt"]),
    ("microsoft-inflection", "vendor equity for purchases (the investee hosts on the investor's cloud)", ["Microsoft", "Inflection AI", "Microsoft"],
     ["microsoft-inflection_analyst-note-650m-license_2024-03.txt"]),
    ("amd-vultr", "vendor equity for purchases (through a venture arm)", ["AMD", "Vultr", "AMD"],
     ["vultr_press-release-333m-financing-amd-ventures_2024-12.txt"]),
    ("amd-vultr-wire", "vendor equity for purchases", ["AMD", "Vultr", "AMD"],
     ["amd-vultr_wire-chipmaker-backs-its-buyer_2024-12.txt"]),
    ("nvidia-together", "vendor equity for purchases", ["NVIDIA", "Together AI", "NVIDIA"],
     ["together-ai_press-release-series-b-305m_2025-02.txt"]),
    ("nvidia-together-note", "vendor equity for purchases", ["NVIDIA", "Together AI", "NVIDIA"],
     ["together-ai-nvidia_analyst-note-inference-cloud_2025-07.txt"]),
    ("microsoft-mistral", "vendor equity for purchases", ["Microsoft", "Mistral AI", "Microsoft"],
     ["microsoft-mistral_press-release-multi-year-partnership_2024-02.txt"]),
    ("microsoft-mistral-wire", "vendor equity for purchases", ["Microsoft", "Mistral AI", "Microsoft"],
     ["mistral-microsoft_wire-small-stake-azure-compute_2024-02.txt"]),
    ("amd-meta", "vendor warrants for purchases", ["AMD", "Meta", "AMD"],
     ["amd_8k-item-1-01-meta-warrant_2026-02.txt"]),
    ("amd-meta-wire", "vendor warrants for purchases", ["AMD", "Meta", "AMD"],
     ["meta-amd_wire-chips-for-a-tenth-of-amd_2026-02.txt"]),
    ("nvidia-openai-oracle", "vendor equity for purchases (through a cloud)", ["NVIDIA", "OpenAI", "Oracle", "NVIDIA"],
     ["nvidia-openai-oracle_analyst-note-three-way-flow_2025-09.txt"]),
]
NOT_LOOPS = [
    ("galaxy-coreweave", "Deutsche Bank lends to Galaxy and CoreWeave leases from Galaxy: no money comes back.", ["galaxy_press-release-1-4bn-helios-financing_2025-08.txt"]),
    ("galaxy-8k", "A subsidiary borrows and its parent's campus is leased out: no loop.", ["galaxy_8k-item-1-01-helios-credit-agreement_2025-08.txt"]),
    ("amazon-talen-campus", "Amazon pays Talen for a campus and for power: money one way.", ["talen-amazon_wire-650m-cumulus-campus_2024-03.txt"]),
    ("amazon-talen-ppa", "Amazon buys power from Talen: one relation.", ["talen_press-release-amazon-1920mw-ppa_2025-06.txt"]),
    ("meta-scale", "Meta invests in Scale AI and buys its services: money one way.", ["meta-scale_wire-14-3bn-for-49-percent_2025-06.txt"]),
    ("oracle-abilene-chain", "OpenAI pays Oracle, Oracle pays NVIDIA and Crusoe: a chain with nothing back to OpenAI.", ["oracle-nvidia_wire-40bn-gb200-for-abilene_2025-05.txt"]),
    ("humain", "HUMAIN buys from NVIDIA and AMD: purchases only.", ["humain_press-release-nvidia-amd-ai-factories_2025-05.txt"]),
    ("vultr-ohio", "Vultr plans to buy AMD GPUs: one relation.", ["vultr_press-release-springfield-ohio-mi355x_2026-02.txt"]),
]


def main():
    header = ("# Sources of the fifth announcement batch\n\nEvery document is written in our own words; the pages below "
              "gave the facts (who, what, amounts, dates) only. Where a page gave no exact figure, the text says so "
              "(\"a modest sum\", \"some\", \"about\"). Datelines and days are those of the reports; a press release "
              "whose day the pages do not give carries the month only in its file name.")
    return 1 if write_batch(HERE, DOCS, EXPECTED_LOOPS, NOT_LOOPS, 2, header, with_concentration=True) else 0


if __name__ == "__main__":
    sys.exit(main())
