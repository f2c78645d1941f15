#!/usr/bin/env python3
"""Writes the fourth announcement batch (issue 18 items 3, 4, 5, 7): one .txt per document, labels.jsonl,
expected-graph.json and SOURCES.md, and fails when a labelled quote is not an exact substring of its document.

Written in our own words from public facts (SOURCES.md) on deals the first three batches do not tell, and labelled
BEFORE any reader was run on it. Shapes: dateline issuers that call themselves "the company" or "it", a relation whose
parties and amount are spread over two sentences, passives, nominalisations, a joint venture and a subsidiary whose
money reaches their parents, one deal told by two documents, per-share prices, "up to", and concentration notes.
Locked part: FNV-1a-32(UTF-8 file name) % 2 == 0 (half; `AnnouncementCorpus.IsLockedHalf`).
Run: python3 samples/announcements-round4/build_round4.py
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from corpus_build import B, M, Batch, rel, conc, write_batch  # noqa: E402

BATCH = Batch(with_concentration=True)
DOCS = BATCH.docs
doc = BATCH.doc

# ------------------------------------------------------------------ Poolside, CoreWeave, NVIDIA (Project Horizon)
doc("poolside_press-release-project-horizon-coreweave_2025-10.txt", "press release", "2025-10-15", """
Poolside Unveils Project Horizon, a 2 GW AI Campus in West Texas, with CoreWeave as Anchor Tenant

AUSTIN, Texas, Oct. 15, 2025 -- Poolside, the foundation model company, today announced Project Horizon, a
self-powered AI data center campus of up to 2 gigawatts on more than 500 acres in the Permian Basin. The campus will
be built in phases of 250 megawatts each, powered by natural gas produced next to the site.

CoreWeave will anchor the first phase. It has agreed to lease the initial 250 MW from Poolside for 15 years, with an
option to expand by a further 500 MW.

The company is also buying compute from CoreWeave now. A cluster of more than 40,000 NVIDIA GB300 GPUs will be
provided to Poolside by CoreWeave beginning in December 2025, so that training can start before the first Horizon
building is finished.
""", [
    rel("lease", "CoreWeave", "Poolside", None, True, "It has agreed to lease the initial 250 MW from Poolside for 15 years"),
    rel("purchase", "Poolside", "CoreWeave", None, True, "A cluster of more than 40,000 NVIDIA GB300 GPUs will be\nprovided to Poolside by CoreWeave"),
], ["https://baxtel.com/news/poolside-partners-with-coreweave-on-2gw-data-center-in-texas",
    "https://www.datacenterfrontier.com/machine-learning/article/55326541/how-coreweave-and-poolside-are-teaming-up-in-west-texas-to-build-the-next-generation-of-ai-data-centers",
    "https://www.7gc.co/news/poolside-partners-with-coreweave"])

doc("coreweave-poolside_wire-nvidia-backed-horizon_2025-10.txt", "news wire", "2025-10-16", """
Nvidia money sits on both sides of the Poolside-CoreWeave campus

NEW YORK, Oct 16 (DealWire) - The West Texas campus that Poolside is building with CoreWeave ties together three
companies that already pay one another. Nvidia took part in Poolside's $500 million Series B last year and is
weighing an investment of up to $1 billion in the startup's current round, people familiar with the talks said.
CoreWeave, which will supply Poolside with more than 40,000 Nvidia GB300 GPUs from December, gets most of its GPUs
from Nvidia, and Nvidia owns part of CoreWeave too.
""", [
    rel("equity", "NVIDIA", "Poolside", None, True, "Nvidia took part in Poolside's $500 million Series B last year"),
    rel("purchase", "Poolside", "CoreWeave", None, True, "CoreWeave, which will supply Poolside with more than 40,000 Nvidia GB300 GPUs"),
    rel("purchase", "CoreWeave", "NVIDIA", None, True, "gets most of its GPUs\nfrom Nvidia"),
    rel("equity", "NVIDIA", "CoreWeave", None, True, "Nvidia owns part of CoreWeave too"),
], ["https://industrialpcnews.com/nvidias-1b-bet-on-poolside-ai-strategic-investment-20251031",
    "https://lilys.ai/notes/en/coreweave-20251113/poolside-coreweave-ai-data-center",
    "https://ng.investing.com/news/stock-market-news/coreweave-stock-rises-after-plans-for-massive-ai-data-center-in-texas-93CH-2147363"])

# ------------------------------------------------------------------ NVIDIA and Applied Digital
doc("applied-digital_wire-160m-private-placement-nvidia_2024-09.txt", "news wire", "2024-09-05", """
Nvidia joins $160 million placement in Applied Digital

DALLAS, Sept 5 (DealWire) - Applied Digital, the data center operator formerly known as Applied Blockchain, has sold
49.38 million new shares at $3.24 each in a $160 million private placement. Nvidia was among the investors who
bought them. The company rents out clusters of Nvidia H200 and A40 accelerators through its cloud business, which
brought in $29 million of its $165.6 million revenue in the year to March 31, and it has put four new clusters into
service in the past four months. The new equity is meant to support further debt financing for its North Dakota
campus and for more Nvidia GPUs for its cloud.
""", [
    rel("equity", "NVIDIA", "Applied Digital", None, True, "Nvidia was among the investors who\nbought them"),
    rel("purchase", "Applied Digital", "NVIDIA", None, True, "for more Nvidia GPUs for its cloud"),
], ["https://4nownews.com/2024/09/06/nvidia-and-other-investors-invested-160-million-in-ai-data-center-operator-applied-digital/amp"])

# ------------------------------------------------------------------ Microsoft and G42
doc("microsoft_press-release-g42-1-5bn_2024-04.txt", "press release", "2024-04-16", """
Microsoft invests $1.5 billion in Abu Dhabi's G42 to accelerate AI development

REDMOND, Wash., April 16, 2024 -- Microsoft Corp. today announced a $1.5 billion investment in G42, the Abu
Dhabi-based AI company, for a minority stake. Microsoft Vice Chair and President Brad Smith will join G42's board.

As part of the expanded partnership, G42 will run its AI applications and services on Microsoft Azure and will
migrate its data platform and other essential technology infrastructure to Azure. The two companies will also
set up a $1 billion fund for developers in the region.
""", [
    rel("equity", "Microsoft", "G42", 1.5 * B, True, "Microsoft Corp. today announced a $1.5 billion investment in G42"),
    rel("purchase", "G42", "Microsoft", None, True, "G42 will run its AI applications and services on Microsoft Azure"),
], ["https://rcpmag.com/Articles/2024/04/26/Microsoft-Cloud-AI-Investment-G42.aspx",
    "https://headtopics.com/us/microsoft-to-invest-1-5-billion-in-uae-ai-firm-g42-50936292",
    "http://dubaibizz.net/microsoft-to-invest-1-5bn-in-ai-firm-in-uae-take-board-seat/"])

doc("g42-microsoft_wire-azure-migration-board-seat_2024-04.txt", "news wire", "2024-04-16", """
G42 moves to Azure as Microsoft takes a stake

ABU DHABI, April 16 (DealWire) - G42 is moving its data platform onto Microsoft's Azure cloud and will sell Azure
services to customers across the Middle East, Central Asia and Africa. In return for a minority stake and a board
seat, Microsoft is putting $1.5 billion into the company. The deal is governed by an assurance agreement drawn
up with the U.S. and UAE governments.
""", [
    rel("purchase", "G42", "Microsoft", None, True, "G42 is moving its data platform onto Microsoft's Azure cloud"),
    rel("equity", "Microsoft", "G42", 1.5 * B, True, "Microsoft is putting $1.5 billion into the company"),
], ["https://www.webpronews.com/microsoft-invests-1-5-billion-in-uaes-g42-to-advance-ai-capabilities-and-strengthen-azure-globally/",
    "https://rcpmag.com/articles/2024/04/26/microsoft-cloud-ai-investment-g42.aspx"])

# ------------------------------------------------------------------ NVIDIA and Nokia
doc("nokia_press-release-nvidia-share-subscription_2025-10.txt", "press release", "2025-10-28", """
Nokia and NVIDIA partner on AI-RAN; NVIDIA to invest $1 billion in Nokia

ESPOO, Finland, Oct. 28, 2025 -- Nokia Corporation today announced a strategic partnership with NVIDIA to bring
AI-native 5G-Advanced and 6G networks to market. Under a share subscription agreement, NVIDIA will subscribe for
166,389,351 new Nokia shares at $6.01 per share, an equity investment of approximately $1.0 billion, subject to
customary closing conditions.

Nokia will add NVIDIA-powered AI-RAN products to its portfolio. Its RAN software will be ported to run on NVIDIA's
platform, and its AI-RAN base stations will be built on NVIDIA ARC-Pro computers that Nokia will buy from NVIDIA.
The companies will also explore the use of Nokia's switching and optical technology in NVIDIA's future AI
infrastructure.
""", [
    rel("equity", "NVIDIA", "Nokia", 1.0 * B, True, "NVIDIA will subscribe for\n166,389,351 new Nokia shares at $6.01 per share, an equity investment of approximately $1.0 billion"),
    rel("purchase", "Nokia", "NVIDIA", None, True, "NVIDIA ARC-Pro computers that Nokia will buy from NVIDIA"),
], ["https://smarti.news/6761/nvidia-invests-1b-in-nokia-ai-ran",
    "https://www.siliconhub.ai/news/nvidias-1b-stake-in-nokia-the-real-strategy",
    "https://broadbandbreakfast.com/nvidia-invests-1-billion-in-nokia/"])

doc("nvidia-nokia_analyst-note-ai-ran-stake_2025-10.txt", "analyst note", "2025-10-29", """
Desk note: Nvidia's Nokia stake pays for its own base stations

A $1 billion stake in Nokia was taken by Nvidia this week, at $6.01 a share, about 2.9% of the company. The money
does not stay with the Finnish supplier for long: Nokia's next AI-RAN base stations run on Nvidia ARC-Pro
computers, which are to be bought from Nvidia, and its radio software is being rewritten for CUDA. T-Mobile US will
trial the equipment from 2026. Investors bid Nokia up more than 20% on the day.
""", [
    rel("equity", "NVIDIA", "Nokia", 1.0 * B, True, "A $1 billion stake in Nokia was taken by Nvidia this week"),
    rel("purchase", "Nokia", "NVIDIA", None, True, "Nokia's next AI-RAN base stations run on Nvidia ARC-Pro\ncomputers, which are to be bought from Nvidia"),
], ["https://www.techloy.com/why-nvidia-is-betting-one-billion-dollars-on-nokia/",
    "https://eu.36kr.com/en/p/3529681003862150",
    "https://www.breitbart.com/news/nvidia-nokia-planning-1b-global-leading-6g-ai-platform"])

# ------------------------------------------------------------------ NVIDIA and Synopsys (money one way: no loop)
doc("nvidia-synopsys_wire-2bn-stake-in-supplier_2025-12.txt", "news wire", "2025-12-01", """
Nvidia takes $2 billion stake in chip-design supplier Synopsys

SUNNYVALE, Calif., Dec 1 (DealWire) - Nvidia has bought $2 billion of Synopsys common stock at $414.79 per share
as part of a multi-year partnership to speed up chip design software with Nvidia's accelerated computing. Nvidia
is itself a long-time Synopsys customer and licenses its design tools. The partnership is not exclusive: Synopsys
also sells to AMD, and Nvidia keeps working with Cadence.
""", [
    rel("equity", "NVIDIA", "Synopsys", 2 * B, True, "Nvidia has bought $2 billion of Synopsys common stock at $414.79 per share"),
    rel("purchase", "NVIDIA", "Synopsys", None, True, "Nvidia\nis itself a long-time Synopsys customer and licenses its design tools"),
], ["https://www.channelnewsasia.com/business/nvidia-takes-2-billion-stake-in-synopsys-ai-deal-spree-accelerates-5513876?cid=cna_flip_070214",
    "https://reportify.ai/news/1193665447116148736"])

# ------------------------------------------------------------------ xAI Series E
doc("xai_press-release-series-e-20bn_2026-01.txt", "press release", "2026-01-06", """
xAI Closes Upsized $20 Billion Series E

PALO ALTO, Calif., Jan. 6, 2026 -- xAI today announced that it has closed an upsized $20 billion Series E
financing, above the $15 billion it had targeted. Investors include Valor Equity Partners, StepStone Group,
Fidelity Management & Research Company, Qatar Investment Authority, MGX and Baron Capital Group. NVIDIA and Cisco
Investments joined the round as strategic investors.

The company ended 2025 with more than one million H100 GPU equivalents across its Colossus I and II supercomputers
in Memphis. It will use the proceeds to buy more NVIDIA GPUs for the largest GPU clusters in the world and to
train Grok 5.
""", [
    rel("equity", "Valor Equity Partners", "xAI", None, True, "Investors include Valor Equity Partners"),
    rel("equity", "NVIDIA", "xAI", None, True, "NVIDIA and Cisco\nInvestments joined the round as strategic investors"),
    rel("purchase", "xAI", "NVIDIA", None, True, "It will use the proceeds to buy more NVIDIA GPUs"),
], ["https://www.nasdaq.com/articles/elon-musks-xai-raises-20-bln-funding-backing-nvidia-and-qatar",
    "https://factorynewstoday.com/musks-xai-just-raised-20-billion-heres-what-its-fo-20260107",
    "https://aitech365.com/quick-byte/xai-secures-20b-series-e-to-fuel-ai-infrastructure-and-product-expansion"])

# ------------------------------------------------------------------ TeraWulf, Fluidstack, Google (Abernathy JV)
doc("terawulf_press-release-abernathy-jv-fluidstack_2025-10.txt", "press release", "2025-10-28", """
TeraWulf Expands Partnership with Fluidstack Through a 168 MW Joint Venture in Abernathy, Texas

EASTON, Md., Oct. 28, 2025 -- TeraWulf Inc. (Nasdaq: WULF) today announced a joint venture with Fluidstack to
develop 168 MW of critical IT load at a new campus in Abernathy, Texas, with delivery expected in the second half
of 2026. TeraWulf will own 51% of the joint venture once its equity contributions are made.

Fluidstack has signed a 25-year lease with the joint venture, representing approximately $9.5 billion of
contracted revenue. Google will backstop approximately $1.3 billion of Fluidstack's lease obligations to support
project-level debt financing. TeraWulf will fund its share in stages and will not issue new equity securities or
warrants for this project.
""", [
    rel("equity", "TeraWulf", "Abernathy JV", None, True, "TeraWulf will own 51% of the joint venture"),
    rel("lease", "Fluidstack", "Abernathy JV", 9.5 * B, True, "Fluidstack has signed a 25-year lease with the joint venture"),
    rel("backstop", "Google", "Fluidstack", 1.3 * B, True, "Google will backstop approximately $1.3 billion of Fluidstack's lease obligations", beneficiary="Abernathy JV"),
], ["https://www.stocktitan.net/news/WULF/tera-wulf-expands-strategic-partnership-with-fluidstack-through-new-dkn5g7q3k6g3.html",
    "https://coinalertnews.com/news/2025/10/28/bd7633d46480ff2d8dbdad9927744b2e",
    "http://www.idcnova.com/html/1/59/153/4186.html"])

doc("terawulf_8k-item-1-01-abernathy-recognition_2025-10.txt", "8-K item", "2025-10-28", """
Item 1.01 Entry into a Material Definitive Agreement.

On October 27, 2025, TeraWulf Inc. (the "Company"), through a subsidiary, entered into a limited liability company
agreement with a subsidiary of Fluidstack Ltd ("Fluidstack") to own and operate the Abernathy HPC campus. The
Company initially holds 50.1% of the joint venture and designates three of its five managers. An affiliate of
Fluidstack entered into a 25-year lease of 168 MW of critical IT load with the joint venture.

In connection with the lease, Google LLC entered into a recognition agreement under which it provides a backstop of
$1.3 billion of the tenant's lease obligations, amortizing over 10 years from rent commencement. Google already
holds warrants to purchase shares of the Company's common stock, which the Company issued to Google in August 2025
in connection with Google's backstop of the Lake Mariner leases.
""", [
    rel("equity", "TeraWulf", "Abernathy JV", None, True, "The\nCompany initially holds 50.1% of the joint venture"),
    rel("lease", "Fluidstack", "Abernathy JV", None, True, "An affiliate of\nFluidstack entered into a 25-year lease of 168 MW of critical IT load with the joint venture"),
    rel("backstop", "Google", "Fluidstack", 1.3 * B, True, "it provides a backstop of\n$1.3 billion of the tenant's lease obligations", beneficiary="Abernathy JV"),
    rel("warrant", "TeraWulf", "Google", None, True, "which the Company issued to Google in August 2025"),
], ["https://www.stocktitan.net/sec-filings/WULF/8-k-terawulf-inc-reports-material-event-0405932d3f3f.html",
    "https://coinalertnews.com/news/2025/08/14/e77d82c76d8828820aaa6c0a50a702d5"])

# ------------------------------------------------------------------ OpenAI, SoftBank, SB Energy
doc("sb-energy_press-release-openai-softbank-1bn_2026-01.txt", "press release", "2026-01-09", """
SB Energy Secures $1 Billion from OpenAI and SoftBank Group to Build AI Data Centers

AUSTIN, Texas, Jan. 9, 2026 -- SB Energy, a SoftBank Group company, today announced that it has secured a $1
billion investment from OpenAI and SoftBank Group. The two are each investing $500 million in SB Energy.

OpenAI has selected SB Energy to build and operate its previously announced 1.2 GW data center site in Milam
County, Texas, under a non-exclusive preferred partnership. SB Energy will also become a customer of OpenAI: it
will use OpenAI's APIs and deploy ChatGPT to its employees.
""", [
    rel("equity", "OpenAI", "SB Energy", 500 * M, True, "The two are each investing $500 million in SB Energy"),
    rel("equity", "SoftBank", "SB Energy", 500 * M, True, "The two are each investing $500 million in SB Energy"),
    rel("purchase", "OpenAI", "SB Energy", None, True, "OpenAI has selected SB Energy to build and operate its previously announced 1.2 GW data center site"),
    rel("purchase", "SB Energy", "OpenAI", None, True, "SB Energy will also become a customer of OpenAI"),
], ["https://www.channelnewsasia.com/business/openai-softbank-invest-1-billion-in-sb-energy-stargate-buildout-expands-5849541?cid=cna_flip_070214",
    "https://newsable.asianetnews.com/markets/openai-and-softbank-to-invest-1b-in-sb-energy-to-build-more-ai-data-centers-articleshow-upaeh9s",
    "https://www.verdict.co.uk/softbank-openai-sb-energy/"])

doc("softbank-openai_wire-40bn-round-led-by-softbank_2025-03.txt", "news wire", "2025-03-31", """
OpenAI raises $40 billion in round led by SoftBank

SAN FRANCISCO, March 31 (DealWire) - OpenAI said it will raise $40 billion in new funding at a $300 billion
post-money valuation. SoftBank Group is leading the round and will provide $30 billion of it, with the rest from a
syndicate that includes Microsoft, Coatue, Altimeter and Thrive. SoftBank's share could be cut to $20 billion if
OpenAI does not complete its restructuring by the end of the year. The Japanese group has separately agreed to spend
$3 billion a year deploying OpenAI's technology across its companies.
""", [
    rel("equity", "SoftBank", "OpenAI", 30 * B, False, "SoftBank Group is leading the round and will provide $30 billion of it"),
    rel("purchase", "SoftBank", "OpenAI", 3 * B, True, "The Japanese group has separately agreed to spend\n$3 billion a year deploying OpenAI's technology"),
], ["https://www.marketscreener.com/news/openai-and-softbank-invest-1bn-in-sb-energy-to-support-the-ai-boom-ce7e58dad98bf32d",
    "https://www.channelnewsasia.com/business/openai-softbank-invest-1-billion-in-sb-energy-stargate-buildout-expands-5849541?cid=cna_flip_070214"])

# ------------------------------------------------------------------ Cerebras, G42, OpenAI (one way and a chain)
doc("cerebras_s1-note-g42-customer-concentration_2024-09.txt", "S-1 excerpt", "2024-09-30", """
CEREBRAS SYSTEMS INC.
FORM S-1

Customer concentration

We depend on a limited number of customers for a substantial portion of our revenue. G42 accounted for 83% of our
revenue for the year ended December 31, 2023 and 87% of our revenue for the six months ended June 30, 2024.

In 2023, G42 agreed to purchase approximately $1.43 billion of our computing systems and services, including the
Condor Galaxy supercomputers. G42 has also agreed to buy shares of our Class N common stock.
""", [
    rel("purchase", "G42", "Cerebras", 1.43 * B, True, "G42 agreed to purchase approximately $1.43 billion of our computing systems and services"),
    rel("equity", "G42", "Cerebras", None, True, "G42 has also agreed to buy shares of our Class N common stock"),
], ["https://www.sherwood.news/markets/ai-cerebras-ipo-g42-customer-relationship",
    "https://digidai.github.io/2025/11/18/andrew-feldman-cerebras-wafer-scale-nvidia-challenge-deep-analysis",
    "https://www.fallacyalarm.com/p/cerebras-ipo-launching-the-next-phase"],
    concentration=[
        conc("Cerebras", "G42", 83, "year ended December 31, 2023", "G42 accounted for 83% of our\nrevenue for the year ended December 31, 2023"),
        conc("Cerebras", "G42", 87, "six months ended June 30, 2024", "87% of our revenue for the six months ended June 30, 2024"),
    ])

doc("openai-cerebras_wire-750mw-over-three-years_2026-01.txt", "news wire", "2026-01-14", """
OpenAI signs on for 750 MW of Cerebras compute

SUNNYVALE, Calif., Jan 14 (DealWire) - OpenAI has agreed to buy up to 750 megawatts of computing capacity from
Cerebras over the next three years, in a deal valued at more than $10 billion, the chipmaker said. The capacity will
serve inference for OpenAI's models. Cerebras, which withdrew its first IPO filing last year, has relied heavily on
G42 of Abu Dhabi for its sales.
""", [
    rel("purchase", "OpenAI", "Cerebras", 10 * B, False, "OpenAI has agreed to buy up to 750 megawatts of computing capacity from\nCerebras"),
], ["https://ngtimes.org/2026/05/29/cerebras-files-for-ipo-with-a-customer-concentration-problem",
    "https://digidai.github.io/2025/11/18/andrew-feldman-cerebras-wafer-scale-nvidia-challenge-deep-analysis"])

# ------------------------------------------------------------------ CoreWeave concentration (10-K, FY2025)
doc("coreweave_10k-note-microsoft-share-fy2025_2026-03.txt", "10-K note", "2026-03-02", """
COREWEAVE, INC.
FORM 10-K

Note 2. Summary of significant accounting policies - Concentration of customers

A small number of customers generate most of our revenue. Revenue from Microsoft represented 67% and 62% of total
revenue for the years ended December 31, 2025 and 2024, respectively. Our remaining performance obligations are
less concentrated, as contracts signed in 2025 with Meta and OpenAI added to our backlog.
""", [], ["https://www.bakshi-finance.co.il/stocks/crwv.en.html",
          "https://beyondspx.com/quote/CRWV/analysis/coreweave-the-ai-infrastructure-pure-play-at-escape-velocity-nasdaq-crwv",
          "https://thepulse.press/article/d111c108-0f32-4ba7-864e-4fbc76482555"],
    concentration=[
        conc("CoreWeave", "Microsoft", 67, "year ended December 31, 2025", "Revenue from Microsoft represented 67% and 62% of total\nrevenue for the years ended December 31, 2025 and 2024, respectively"),
        conc("CoreWeave", "Microsoft", 62, "year ended December 31, 2024", "Revenue from Microsoft represented 67% and 62% of total\nrevenue for the years ended December 31, 2025 and 2024, respectively"),
    ])

# ------------------------------------------------------------------ chains and one-way money (no loop)
doc("anthropic_press-release-50bn-fluidstack-datacenters_2025-11.txt", "press release", "2025-11-12", """
Anthropic to invest $50 billion in American AI infrastructure

SAN FRANCISCO, Nov. 12, 2025 -- Anthropic today announced that it will invest $50 billion in computing
infrastructure in the United States, starting with custom data centers in Texas and New York built with
Fluidstack. The sites will come online through 2026. The company chose Fluidstack for its ability to deliver
gigawatts of power quickly.
""", [
    rel("purchase", "Anthropic", "Fluidstack", 50 * B, True, "it will invest $50 billion in computing\ninfrastructure in the United States, starting with custom data centers in Texas and New York built with\nFluidstack"),
], ["https://www.newser.com/story/378552/anthropic-makes-a-big-bet-on-data-centers.html",
    "https://prchief.com/?p=102565", "https://digitalmarketreports.com/news/53371/anthropic-commits-50-billion-to-u-s-data-centers-in-partnership-with-fluidstack/"])

doc("meta-google_wire-10bn-cloud-deal_2025-08.txt", "news wire", "2025-08-21", """
Meta signs more than $10 billion cloud deal with Google

MENLO PARK, Calif., Aug 21 (DealWire) - Meta Platforms has agreed to a six-year cloud computing contract with
Google worth more than $10 billion, people familiar with the matter said. Under the deal Meta will use Google
Cloud's servers, storage and networking. It is Google Cloud's second big AI customer win in weeks.
""", [
    rel("purchase", "Meta", "Google", 10 * B, True, "Meta Platforms has agreed to a six-year cloud computing contract with\nGoogle worth more than $10 billion"),
], ["https://gulfnews.com/technology/companies/meta-signs-10-billion-google-cloud-computing-deal-amid-ai-race-1.500241318",
    "https://thecliffnews.in/?p=19066", "https://bizwatchnigeria.ng/google-secures-10bn-cloud-deal-with-meta"])

doc("coreweave_press-release-7-5bn-debt-blackstone-magnetar_2024-05.txt", "press release", "2024-05-17", """
CoreWeave Secures $7.5 Billion Debt Financing Facility Led by Blackstone and Magnetar

ROSELAND, N.J., May 17, 2024 -- CoreWeave, the AI hyperscaler, today announced that it has secured a $7.5 billion
debt financing facility led by Blackstone and Magnetar, with participation from Coatue, Carlyle, CDPQ, DigitalBridge
Credit and BlackRock. Magnetar has been an investor in the company since 2021.

The facility will fund the purchase of NVIDIA GPUs and networking equipment for CoreWeave's data centers as the
company doubles its footprint this year.
""", [
    rel("loan", "Blackstone", "CoreWeave", 7.5 * B, True, "a $7.5 billion\ndebt financing facility led by Blackstone and Magnetar"),
    rel("loan", "Magnetar", "CoreWeave", 7.5 * B, True, "a $7.5 billion\ndebt financing facility led by Blackstone and Magnetar"),
    rel("equity", "Magnetar", "CoreWeave", None, True, "Magnetar has been an investor in the company since 2021"),
    rel("purchase", "CoreWeave", "NVIDIA", None, True, "The facility will fund the purchase of NVIDIA GPUs and networking equipment for CoreWeave's data centers"),
], ["https://www.ic-integratedcircuits.com/cases/microsoft-leases-coreweave-servers-22236.html",
    "https://web-origin.lbkrs.com/news/240279232"])

# ------------------------------------------------------------------ NVIDIA and Mistral (one deal in two documents)
doc("mistral_press-release-series-c-asml_2025-09.txt", "press release", "2025-09-09", """
Mistral AI raises EUR 1.7 billion Series C led by ASML

PARIS, Sept. 9, 2025 -- Mistral AI today announced a Series C funding round of EUR 1.7 billion at a post-money
valuation of EUR 11.7 billion. ASML Holding NV led the round with an investment of EUR 1.3 billion and becomes the
company's largest shareholder. Existing investors DST Global, Andreessen Horowitz, Bpifrance, General Catalyst,
Index Ventures, Lightspeed and NVIDIA also took part.
""", [
    rel("equity", "ASML", "Mistral AI", None, True, "ASML Holding NV led the round with an investment of EUR 1.3 billion"),
    rel("equity", "NVIDIA", "Mistral AI", None, True, "Existing investors DST Global, Andreessen Horowitz, Bpifrance, General Catalyst,\nIndex Ventures, Lightspeed and NVIDIA also took part"),
], ["https://www.techzine.eu/news/infrastructure/132892/mistral-aims-to-raise-a-billion-for-french-ai-cloud-service/",
    "https://www.actuia.com/en/news/mistral-ai-and-nvidia-towards-a-sovereign-ai-infrastructure-in-europe/"])

doc("mistral-nvidia_wire-mistral-compute-18000-chips_2025-06.txt", "news wire", "2025-06-11", """
Mistral builds its own cloud on 18,000 Nvidia chips

PARIS, June 11 (DealWire) - Mistral AI is moving into infrastructure. Its new Mistral Compute platform will run on
18,000 Grace Blackwell superchips supplied by Nvidia, in a 40 MW data center in Essonne, south of Paris, that could
later grow to 100 MW. The French model maker is in talks to raise about EUR 1 billion of equity and several hundred
million euros of debt from French lenders to pay for the build-out.
""", [
    rel("purchase", "Mistral AI", "NVIDIA", None, True, "18,000 Grace Blackwell superchips supplied by Nvidia"),
], ["https://ainewstoday.net/nvidia-joins-forces-with-mistral-for-strategic-ai-expansion-in-europe",
    "https://www.actuia.com/en/news/mistral-ai-and-nvidia-towards-a-sovereign-ai-infrastructure-in-europe/",
    "https://www.techzine.eu/news/infrastructure/132892/mistral-aims-to-raise-a-billion-for-french-ai-cloud-service/"])

# ------------------------------------------------------------------ Applied Digital and Macquarie (one way)
doc("applied-digital_press-release-macquarie-5bn-preferred_2025-01.txt", "press release", "2025-01-14", """
Applied Digital Secures Up to $5 Billion from Macquarie Asset Management for its HPC Business

DALLAS, Jan. 14, 2025 -- Applied Digital Corporation (Nasdaq: APLD) today announced that funds managed by
Macquarie Asset Management have agreed to invest up to $5 billion of perpetual preferred equity in the company's
high-performance computing business. An initial $900 million will fund the Ellendale HPC campus in North
Dakota; Macquarie holds a right of first refusal on up to $4.1 billion more for future projects.
""", [
    rel("equity", "Macquarie Asset Management", "Applied Digital", 5 * B, False, "Macquarie Asset Management have agreed to invest up to $5 billion of perpetual preferred equity"),
], ["https://realassets.ipe.com/news/macquarie-to-inject-up-to-5bn-in-us-data-centre-projects/10128180.article",
    "https://www.sipoch.com/en/article/300330019406335", "https://azzet.com/news/macquarie-funds-to-invest-a-8bn-in-us-data-centres"])

EXPECTED_LOOPS = [
    ("nvidia-poolside-coreweave", "vendor equity for purchases (through a cloud)", ["NVIDIA", "Poolside", "CoreWeave", "NVIDIA"],
     ["poolside_press-release-project-horizon-coreweave_2025-10.txt", "coreweave-poolside_wire-nvidia-backed-horizon_2025-10.txt"]),
    ("nvidia-poolside-coreweave-wire", "vendor equity for purchases (through a cloud)", ["NVIDIA", "Poolside", "CoreWeave", "NVIDIA"],
     ["coreweave-poolside_wire-nvidia-backed-horizon_2025-10.txt"]),
    ("coreweave-poolside-capacity", "capacity both ways (the cloud leases its customer's campus)", ["CoreWeave", "Poolside", "CoreWeave"],
     ["poolside_press-release-project-horizon-coreweave_2025-10.txt"]),
    ("nvidia-applied-digital", "vendor equity for purchases", ["NVIDIA", "Applied Digital", "NVIDIA"],
     ["applied-digital_wire-160m-private-placement-nvidia_2024-09.txt"]),
    ("microsoft-g42", "vendor equity for purchases", ["Microsoft", "G42", "Microsoft"],
     ["microsoft_press-release-g42-1-5bn_2024-04.txt"]),
    ("microsoft-g42-wire", "vendor equity for purchases", ["Microsoft", "G42", "Microsoft"],
     ["g42-microsoft_wire-azure-migration-board-seat_2024-04.txt"]),
    ("nvidia-nokia", "vendor equity for purchases", ["NVIDIA", "Nokia", "NVIDIA"],
     ["nokia_press-release-nvidia-share-subscription_2025-10.txt"]),
    ("nvidia-nokia-note", "vendor equity for purchases", ["NVIDIA", "Nokia", "NVIDIA"],
     ["nvidia-nokia_analyst-note-ai-ran-stake_2025-10.txt"]),
    ("nvidia-xai", "vendor equity for purchases", ["NVIDIA", "xAI", "NVIDIA"],
     ["xai_press-release-series-e-20bn_2026-01.txt"]),
    ("nvidia-mistral", "vendor equity for purchases", ["NVIDIA", "Mistral AI", "NVIDIA"],
     ["mistral_press-release-series-c-asml_2025-09.txt", "mistral-nvidia_wire-mistral-compute-18000-chips_2025-06.txt"]),
    ("google-fluidstack-abernathy-terawulf", "backstop for warrants (through the joint venture's parent; related-party credit support, not vendor financing)",
     ["Google", "Fluidstack", "Abernathy JV", "TeraWulf", "Google"],
     ["terawulf_8k-item-1-01-abernathy-recognition_2025-10.txt"]),
    ("openai-sb-energy", "vendor equity for purchases (an investee that is also a customer)", ["OpenAI", "SB Energy", "OpenAI"],
     ["sb-energy_press-release-openai-softbank-1bn_2026-01.txt"]),
    ("softbank-openai-sb-energy", "investor's money back to its own subsidiary (through the subsidiary's parent)", ["SoftBank", "OpenAI", "SB Energy", "SoftBank"],
     ["sb-energy_press-release-openai-softbank-1bn_2026-01.txt", "softbank-openai_wire-40bn-round-led-by-softbank_2025-03.txt"]),
]
NOT_LOOPS = [
    ("nvidia-synopsys", "NVIDIA buys Synopsys stock and licenses its tools: money flows one way.", ["nvidia-synopsys_wire-2bn-stake-in-supplier_2025-12.txt"]),
    ("softbank-openai", "SoftBank invests in OpenAI and buys from it: money flows one way.", ["softbank-openai_wire-40bn-round-led-by-softbank_2025-03.txt"]),
    ("g42-cerebras", "G42 buys from Cerebras and buys its shares: money flows one way.", ["cerebras_s1-note-g42-customer-concentration_2024-09.txt"]),
    ("openai-cerebras", "OpenAI buys from Cerebras, which sells to G42: a chain.", ["openai-cerebras_wire-750mw-over-three-years_2026-01.txt"]),
    ("magnetar-coreweave", "Magnetar lends to and owns part of CoreWeave; nothing comes back: no loop.", ["coreweave_press-release-7-5bn-debt-blackstone-magnetar_2024-05.txt"]),
    ("abernathy-press-release", "Google backstops Fluidstack's lease to TeraWulf's joint venture, and the release gives Google no warrants: no loop from this document alone.", ["terawulf_press-release-abernathy-jv-fluidstack_2025-10.txt"]),
    ("meta-google", "Meta buys cloud from Google: one relation.", ["meta-google_wire-10bn-cloud-deal_2025-08.txt"]),
    ("anthropic-fluidstack", "Anthropic pays Fluidstack: one relation.", ["anthropic_press-release-50bn-fluidstack-datacenters_2025-11.txt"]),
]


def main():
    header = ("# Sources of the fourth announcement batch\n\nEvery document is written in our own words; the pages below "
              "gave the facts (who, what, amounts, dates) only. Where a page gave no exact figure, the text says so "
              "(\"according to one report\", \"some\", \"about\").")
    return 1 if write_batch(HERE, DOCS, EXPECTED_LOOPS, NOT_LOOPS, 2, header, with_concentration=True) else 0


if __name__ == "__main__":
    sys.exit(main())
