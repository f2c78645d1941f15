#!/usr/bin/env python3
"""Writes the announcement corpus: one .txt per document, labels.jsonl, and checks every quote.

The documents are written in our own words from public facts (see SOURCES.md for where each fact came from).
Run from anywhere: `python3 samples/announcements/build_corpus.py`. It rewrites the .txt files and labels.jsonl
next to this script and fails if a label's quote is not an exact substring of its document.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from corpus_build import fnv1a32  # noqa: E402
DOCS = []


def doc(name, kind, date, deal, text, parties, provider=None, customer=None, value=None, term=None,
        minimum=None, take_or_pay=None, chips=None, relations=(), sources=(), notes=None):
    """value=(usd, binding, quote); term=(months, quote); minimum=(present, usd, quote);
    take_or_pay=(present, quote); chips=(list, quote); relations=[(kind, from, to, usd, binding, quote, extra)]."""
    DOCS.append(dict(name=name, kind=kind, date=date, deal=deal, text=text.strip() + "\n", parties=parties,
                     provider=provider, customer=customer, value=value, term=term,
                     minimum=minimum or (False, None, None), take_or_pay=take_or_pay or (False, None),
                     chips=chips or ([], None), relations=list(relations), sources=list(sources), notes=notes))


def rel(kind, frm, to, usd, binding, quote, **extra):
    return (kind, frm, to, usd, binding, quote, extra)


B = 1_000_000_000
M = 1_000_000

# ---------------------------------------------------------------- NVIDIA and CoreWeave
doc("coreweave-nvidia_wire-early-equity_2025-03.txt", "news wire", "2025-03-04", "nvidia-coreweave-equity-2023",
    """
NVIDIA took CoreWeave stake in 2023, IPO filing shows

NEW YORK, March 4 (DealWire) - Chipmaker NVIDIA put $100 million into cloud provider CoreWeave in April 2023,
according to the registration statement CoreWeave filed ahead of its planned listing. The investment made
NVIDIA a shareholder of one of the largest buyers of its H100 graphics processors; CoreWeave's fleet of more than
250,000 NVIDIA GPUs is bought from, and built on, NVIDIA hardware. NVIDIA held roughly 6% of CoreWeave at the time
of the filing. Neither company commented.
""",
    ["NVIDIA", "CoreWeave"], provider=None, customer=None,
    value=(100 * M, True, "put $100 million into cloud provider CoreWeave"),
    chips=(["H100"], "H100 graphics processors"),
    relations=[rel("equity", "NVIDIA", "CoreWeave", 100 * M, True, "NVIDIA put $100 million into cloud provider CoreWeave"),
               rel("purchase", "CoreWeave", "NVIDIA", None, True, "is bought from, and built on, NVIDIA hardware")],
    sources=["https://web-origin.lbkrs.com/news/231668066", "https://crypto-observer.com/technology-news/ai-news/in-another-chess-move-with-microsoft-openai-is-pouring-12b-into-coreweave"])

doc("coreweave-nvidia_wire-project-osprey_2025-03.txt", "news wire", "2025-03-05", "nvidia-coreweave-osprey",
    """
NVIDIA rents back its own chips from CoreWeave under "Project Osprey"

March 5 - NVIDIA agreed in early 2023 to spend $1.3 billion over four years renting computing capacity from
CoreWeave, the cloud company disclosed in its IPO prospectus. The arrangement, which CoreWeave calls Project
Osprey, runs until August 2027 and made NVIDIA CoreWeave's second-largest customer, at 15% of 2024 revenue.
Under the contract NVIDIA pays CoreWeave for clusters built on the same accelerators CoreWeave purchased from
NVIDIA. Microsoft remained the largest customer, at 62% of revenue.
""",
    ["NVIDIA", "CoreWeave"], provider="CoreWeave", customer="NVIDIA",
    value=(1.3 * B, True, "spend $1.3 billion over four years"),
    term=(48, "over four years"),
    minimum=(True, 1.3 * B, "agreed in early 2023 to spend $1.3 billion over four years"),
    relations=[rel("purchase", "NVIDIA", "CoreWeave", 1.3 * B, True, "NVIDIA agreed in early 2023 to spend $1.3 billion over four years renting computing capacity from\nCoreWeave"),
               rel("purchase", "CoreWeave", "NVIDIA", None, True, "the same accelerators CoreWeave purchased from\nNVIDIA")],
    sources=["https://web-origin.lbkrs.com/news/231668066", "https://4nownews.com/technology-and-it-market-news/nvidia-invested-in-coreweave-gave-it-scarce-ai-accelerators-and-then-leased-them-itself"])

doc("coreweave_8k-item-1-01-nvidia-capacity-order_2025-09.txt", "8-K item", "2025-09-15", "nvidia-coreweave-capacity-2025",
    """
Item 1.01 Entry into a Material Definitive Agreement.

On September 9, 2025, CoreWeave, Inc. (the "Company") entered into an order form (the "Order") with NVIDIA
Corporation ("NVIDIA") under the Company's master services agreement with NVIDIA. The initial value of the Order
is $6.3 billion. Under the Order, NVIDIA is obligated to purchase the Company's residual unused cloud computing
capacity through April 2032, to the extent that capacity has not been sold to the Company's other customers.

The foregoing description of the Order does not purport to be complete and is qualified in its entirety by
reference to the Order, which the Company expects to file as an exhibit to its next quarterly report.
""",
    ["CoreWeave", "NVIDIA"], provider="CoreWeave", customer="NVIDIA",
    value=(6.3 * B, True, "The initial value of the Order\nis $6.3 billion"),
    term=(79, "through April 2032"),
    minimum=(True, 6.3 * B, "NVIDIA is obligated to purchase the Company's residual unused cloud computing\ncapacity"),
    relations=[rel("purchase", "NVIDIA", "CoreWeave", 6.3 * B, True, "NVIDIA is obligated to purchase the Company's residual unused cloud computing\ncapacity", structure="capacity backstop")],
    sources=["https://www.bisnow.com/national/news/data-center/meta-signs-142b-deal-with-with-ai-cloud-firm-coreweave-131206", "https://trendinginfo.blog/?p=26523", "https://www.nextplatform.com/?p=146311"])

doc("nvidia-coreweave_wire-unsold-capacity_2025-09.txt", "news wire", "2025-09-15", "nvidia-coreweave-capacity-2025",
    """
NVIDIA to buy CoreWeave's unsold capacity in $6.3 billion deal

SAN FRANCISCO, Sept 15 (DealWire) - NVIDIA will buy whatever cloud capacity CoreWeave cannot sell to other
customers, under a $6.3 billion order disclosed by CoreWeave in a regulatory filing on Monday. The backstop
runs until April 2032. NVIDIA, which also owns a stake in CoreWeave and sells it the GPUs that fill its data
centers, thereby guarantees a floor under the buildout it supplies.
""",
    ["NVIDIA", "CoreWeave"], provider="CoreWeave", customer="NVIDIA",
    value=(6.3 * B, True, "$6.3 billion order"),
    term=(79, "runs until April 2032"),
    minimum=(True, 6.3 * B, "NVIDIA will buy whatever cloud capacity CoreWeave cannot sell"),
    relations=[rel("purchase", "NVIDIA", "CoreWeave", 6.3 * B, True, "NVIDIA will buy whatever cloud capacity CoreWeave cannot sell", structure="capacity backstop"),
               rel("equity", "NVIDIA", "CoreWeave", None, True, "also owns a stake in CoreWeave"),
               rel("purchase", "CoreWeave", "NVIDIA", None, True, "sells it the GPUs that fill its data\ncenters")],
    sources=["https://www.bisnow.com/national/news/data-center/meta-signs-142b-deal-with-with-ai-cloud-firm-coreweave-131206", "https://trendinginfo.blog/?p=26523"])

doc("nvidia-coreweave_press-release-2bn-investment_2026-01.txt", "press release", "2026-01-26", "nvidia-coreweave-equity-2026",
    """
NVIDIA Invests $2 Billion in CoreWeave to Speed Build-Out of 5 Gigawatts of AI Factories

LIVINGSTON, N.J. and SANTA CLARA, Calif., Jan. 26, 2026 -- CoreWeave, Inc. (Nasdaq: CRWV) and NVIDIA today
announced an expanded collaboration under which NVIDIA has purchased $2 billion of CoreWeave Class A common
stock at a price of $87.20 per share.

The investment is intended to help CoreWeave bring more than 5 gigawatts of AI factory capacity online by 2030.
As part of the expanded relationship, CoreWeave will deploy several generations of NVIDIA computing platforms
across its cloud, beginning with the NVIDIA Rubin platform, together with NVIDIA Vera CPUs and BlueField storage
systems.

"Demand for accelerated computing keeps outrunning supply," said CoreWeave's chief executive.
""",
    ["NVIDIA", "CoreWeave"],
    value=(2 * B, True, "NVIDIA has purchased $2 billion of CoreWeave Class A common\nstock"),
    chips=(["Rubin"], "NVIDIA Rubin platform"),
    relations=[rel("equity", "NVIDIA", "CoreWeave", 2 * B, True, "NVIDIA has purchased $2 billion of CoreWeave Class A common\nstock"),
               rel("purchase", "CoreWeave", "NVIDIA", None, True, "CoreWeave will deploy several generations of NVIDIA computing platforms")],
    sources=["https://trendinginfo.blog/?p=26523", "https://www.unbiasedtimes.org/article/2495", "https://www.ultrathink.ai/news/nvidia-2b-investment-coreweave-ai-infrastructure"],
    notes="$87.20 is a per-share price, not the deal's value.")

# ---------------------------------------------------------------- OpenAI and CoreWeave
doc("coreweave-openai_press-release-11-9bn-contract_2025-03.txt", "press release", "2025-03-10", "openai-coreweave-2025-03",
    """
CoreWeave Signs Five-Year Contract of Up to $11.9 Billion With OpenAI

LIVINGSTON, N.J., March 10, 2025 -- CoreWeave, the AI Hyperscaler, today announced a five-year agreement under
which it will deliver AI compute infrastructure to OpenAI. The contract has a value of up to $11.9 billion.

In connection with the agreement, OpenAI will receive $350 million of CoreWeave equity, issued in a private
placement separate from CoreWeave's planned initial public offering. OpenAI joins Microsoft, Mistral and others
on CoreWeave's platform, which runs more than 250,000 NVIDIA GPUs, including Blackwell systems.
""",
    ["CoreWeave", "OpenAI"], provider="CoreWeave", customer="OpenAI",
    value=(11.9 * B, False, "a value of up to $11.9 billion"),
    term=(60, "five-year agreement"),
    chips=(["Blackwell"], "Blackwell systems"),
    relations=[rel("purchase", "OpenAI", "CoreWeave", 11.9 * B, False, "a five-year agreement under\nwhich it will deliver AI compute infrastructure to OpenAI"),
               rel("equity", "OpenAI", "CoreWeave", 350 * M, True, "OpenAI will receive $350 million of CoreWeave equity")],
    sources=["https://crypto-observer.com/technology-news/ai-news/in-another-chess-move-with-microsoft-openai-is-pouring-12b-into-coreweave", "https://www.jobandnetwork.com/article/1237", "https://cosmico.org/openai-invests-11-9b-in-coreweave-undercuts-microsoft"])

doc("openai-coreweave_wire-4bn-expansion_2025-05.txt", "news wire", "2025-05-28", "openai-coreweave-2025-05",
    """
OpenAI adds $4 billion to CoreWeave compute deal

May 28 (DealWire) - OpenAI has agreed to pay CoreWeave a further $4 billion for AI computing capacity, expanding
the contract the two signed in March, according to CoreWeave. The add-on runs through April 2029 and lifts
OpenAI's commitments to the cloud provider to roughly $15.9 billion.
""",
    ["OpenAI", "CoreWeave"], provider="CoreWeave", customer="OpenAI",
    value=(4 * B, True, "a further $4 billion"),
    term=(47, "runs through April 2029"),
    minimum=(True, 4 * B, "OpenAI has agreed to pay CoreWeave a further $4 billion"),
    relations=[rel("purchase", "OpenAI", "CoreWeave", 4 * B, True, "OpenAI has agreed to pay CoreWeave a further $4 billion for AI computing capacity")],
    sources=["https://www.globaldatacenterhub.com/p/openais-4b-expansion-with-coreweave", "https://news.anyfans.com/?p=71359"])

doc("coreweave-openai_press-release-6-5bn-expansion_2025-09.txt", "press release", "2025-09-25", "openai-coreweave-2025-09",
    """
CoreWeave Expands Agreement With OpenAI by Up to $6.5 Billion

LIVINGSTON, N.J., Sept. 25, 2025 -- CoreWeave, Inc. (Nasdaq: CRWV) today announced that it has expanded its
agreement with OpenAI by up to $6.5 billion to support the training of OpenAI's next-generation models. With this
expansion, the total contract value of CoreWeave's agreements with OpenAI reaches approximately $22.4 billion.
""",
    ["CoreWeave", "OpenAI"], provider="CoreWeave", customer="OpenAI",
    value=(6.5 * B, False, "by up to $6.5 billion"),
    relations=[rel("purchase", "OpenAI", "CoreWeave", 6.5 * B, False, "expanded its\nagreement with OpenAI by up to $6.5 billion")],
    sources=["https://news.anyfans.com/?p=71359", "https://www.bisnow.com/national/news/data-center/meta-signs-142b-deal-with-with-ai-cloud-firm-coreweave-131206"])

# ---------------------------------------------------------------- Microsoft and OpenAI
doc("microsoft-openai_wire-multiyear-investment_2023-01.txt", "news wire", "2023-01-23", "microsoft-openai-2023",
    """
Microsoft deepens OpenAI ties with multibillion-dollar investment

REDMOND, Wash., Jan 23 (DealWire) - Microsoft said on Monday it is making a multiyear, multibillion-dollar
investment in OpenAI, the maker of ChatGPT, extending a partnership that began with $1 billion in 2019. A person
familiar with the terms put the new investment at $10 billion over several years. Azure will stay OpenAI's
exclusive cloud provider, powering all of the lab's research, products and API services, and Microsoft will
build specialised supercomputers for it.
""",
    ["Microsoft", "OpenAI"], provider="Microsoft", customer="OpenAI",
    value=(10 * B, True, "put the new investment at $10 billion over several years"),
    relations=[rel("equity", "Microsoft", "OpenAI", 10 * B, True, "Microsoft said on Monday it is making a multiyear, multibillion-dollar\ninvestment in OpenAI"),
               rel("purchase", "OpenAI", "Microsoft", None, True, "Azure will stay OpenAI's\nexclusive cloud provider")],
    sources=["https://www.latimes.com/business/story/2023-01-23/microsoft-invests-10-billion-chatgpt-maker-openai", "https://www.zdnet.com/article/microsoft-just-made-a-huge-investment-in-chatgpt-maker-openai-heres-why/"])

doc("microsoft-openai_press-release-recapitalization_2025-10.txt", "press release", "2025-10-28", "microsoft-openai-2025",
    """
Microsoft and OpenAI Sign New Definitive Agreement

REDMOND, Wash., Oct. 28, 2025 -- Microsoft Corp. and OpenAI today announced a new definitive agreement that
opens the next chapter of their partnership. Following OpenAI's recapitalization, Microsoft holds an investment
in OpenAI Group PBC valued at approximately $135 billion, representing roughly 27 percent on an as-converted
diluted basis.

OpenAI has contracted to purchase an incremental $250 billion of Azure services. Microsoft will no longer hold a
right of first refusal to be OpenAI's compute provider. Microsoft's intellectual property rights for models and
products are extended through 2032.
""",
    ["Microsoft", "OpenAI"], provider="Microsoft", customer="OpenAI",
    value=(250 * B, True, "an incremental $250 billion of Azure services"),
    minimum=(True, 250 * B, "OpenAI has contracted to purchase an incremental $250 billion of Azure services"),
    relations=[rel("purchase", "OpenAI", "Microsoft", 250 * B, True, "OpenAI has contracted to purchase an incremental $250 billion of Azure services"),
               rel("equity", "Microsoft", "OpenAI", None, True, "Microsoft holds an investment\nin OpenAI Group PBC")],
    sources=["https://anteroom.so/partnership/939a5330-aa0a-4aa9-b550-bed456bf8afc", "https://www.telegraphindia.com/business/microsoft-openai-reach-new-deal-to-allow-openai-to-restructure/cid/2130048", "https://rss.mediahub.az/p/i/?search=%23AGI"],
    notes="$135 billion is the value of a holding, not a payment.")

doc("microsoft_8k-item-8-01-openai-agreement_2025-10.txt", "8-K item", "2025-10-28", "microsoft-openai-2025",
    """
Item 8.01 Other Events.

On October 28, 2025, Microsoft Corporation (the "Company") and OpenAI entered into a definitive agreement in
connection with the recapitalization of OpenAI. Under the agreement, the Company's investment in OpenAI Group PBC
represents approximately 27 percent of OpenAI on an as-converted diluted basis. OpenAI has committed to purchase
an additional $250 billion of Azure cloud services from the Company, and the Company's right of first refusal
on OpenAI's compute has been removed.
""",
    ["Microsoft", "OpenAI"], provider="Microsoft", customer="OpenAI",
    value=(250 * B, True, "an additional $250 billion of Azure cloud services"),
    minimum=(True, 250 * B, "OpenAI has committed to purchase\nan additional $250 billion of Azure cloud services"),
    relations=[rel("purchase", "OpenAI", "Microsoft", 250 * B, True, "OpenAI has committed to purchase\nan additional $250 billion of Azure cloud services from the Company"),
               rel("equity", "Microsoft", "OpenAI", None, True, "the Company's investment in OpenAI Group PBC")],
    sources=["https://anteroom.so/partnership/939a5330-aa0a-4aa9-b550-bed456bf8afc", "https://www.newsbytesapp.com/news/business/microsoft-to-acquire-27-stake-in-openai/tldr"])

# ---------------------------------------------------------------- NVIDIA and OpenAI
doc("openai-nvidia_press-release-letter-of-intent_2025-09.txt", "press release", "2025-09-22", "nvidia-openai-2025",
    """
OpenAI and NVIDIA Announce Strategic Partnership to Deploy 10 Gigawatts of NVIDIA Systems

SAN FRANCISCO and SANTA CLARA, Calif., Sept. 22, 2025 -- OpenAI and NVIDIA today announced a letter of intent
for a landmark partnership to deploy at least 10 gigawatts of NVIDIA systems for OpenAI's next-generation AI
infrastructure. To support the deployment, NVIDIA intends to invest up to $100 billion in OpenAI progressively as
each gigawatt is deployed. The first gigawatt is targeted to come online in the second half of 2026 on the
NVIDIA Vera Rubin platform.

OpenAI will work with NVIDIA as a preferred strategic compute and networking partner. The companies expect to
finalize the details of the partnership in the coming weeks.
""",
    ["OpenAI", "NVIDIA"], provider="NVIDIA", customer="OpenAI",
    value=(100 * B, False, "NVIDIA intends to invest up to $100 billion in OpenAI"),
    chips=(["Rubin"], "NVIDIA Vera Rubin platform"),
    relations=[rel("equity", "NVIDIA", "OpenAI", 100 * B, False, "NVIDIA intends to invest up to $100 billion in OpenAI progressively as\neach gigawatt is deployed"),
               rel("purchase", "OpenAI", "NVIDIA", None, False, "deploy at least 10 gigawatts of NVIDIA systems for OpenAI's next-generation AI\ninfrastructure")],
    sources=["https://telborg.com/thread/44876621", "https://particle.news/story/openai-and-nvidia-strike-10-gigawatt-ai-infrastructure-pact-with-up-to-100-billion-planned", "https://www.ndtvprofit.com/technology/nvidia-to-invest-usd-100-billion-in-openai-for-data-centers"])

doc("nvidia-openai_wire-100bn-staged-investment_2025-09.txt", "news wire", "2025-09-23", "nvidia-openai-2025",
    """
NVIDIA to pour as much as $100 billion into OpenAI, in stages

Sept 23 (DealWire) - NVIDIA plans to invest as much as $100 billion in OpenAI, the companies said, with the money
released one tranche at a time as each gigawatt of NVIDIA systems is installed. OpenAI in turn is expected to
fill its new data centers with millions of NVIDIA GPUs. The pact is still only a letter of intent; definitive
terms have not been signed.
""",
    ["NVIDIA", "OpenAI"], provider="NVIDIA", customer="OpenAI",
    value=(100 * B, False, "as much as $100 billion"),
    relations=[rel("equity", "NVIDIA", "OpenAI", 100 * B, False, "NVIDIA plans to invest as much as $100 billion in OpenAI"),
               rel("purchase", "OpenAI", "NVIDIA", None, False, "fill its new data centers with millions of NVIDIA GPUs")],
    sources=["https://www.mexc.fm/en-TR/news/nvidia-plans-to-invest-100-billion-in-openai-with-an-initial-investment-of-10-billion/105736", "https://nasniconsultants.com/nvidia-secures-100b-openai-partnership-to-power-the-next-era-of-ai/information-technology/2025/09/22/diran"])

# ---------------------------------------------------------------- AMD and OpenAI
doc("amd-openai_press-release-6gw-warrant_2025-10.txt", "press release", "2025-10-06", "amd-openai-2025",
    """
AMD and OpenAI Announce Strategic Partnership to Deploy 6 Gigawatts of AMD GPUs

SANTA CLARA, Calif., Oct. 6, 2025 -- AMD (NASDAQ: AMD) and OpenAI today announced a 6 gigawatt agreement to power
OpenAI's next-generation AI infrastructure across multiple generations of AMD Instinct GPUs. The first 1 gigawatt
deployment of AMD Instinct MI450 GPUs is set to begin in the second half of 2026.

As part of the arrangement, AMD has issued OpenAI a warrant for up to 160 million shares of AMD common stock at an
exercise price of $0.01 per share, structured to vest as specific milestones are achieved. The first tranche vests
with the initial 1 gigawatt deployment; further tranches vest as OpenAI's purchases scale to 6 gigawatts and as
AMD's share price reaches set targets. AMD expects the partnership to deliver tens of billions of dollars of
revenue.
""",
    ["AMD", "OpenAI"], provider="AMD", customer="OpenAI",
    value=None,
    chips=(["MI450"], "AMD Instinct MI450 GPUs"),
    relations=[rel("warrant", "AMD", "OpenAI", None, False, "AMD has issued OpenAI a warrant for up to 160 million shares of AMD common stock", shares=160 * M),
               rel("purchase", "OpenAI", "AMD", None, True, "a 6 gigawatt agreement to power\nOpenAI's next-generation AI infrastructure")],
    sources=["https://www.nasdaq.com/articles/openai-deploy-6-gigawatts-amd-gpus", "https://www.fool.com/investing/2025/10/07/amd-pays-a-high-price-for-blockbuster-openai-deal/?source=iedfolrf0000001"],
    notes="$0.01 is an exercise price per share; no total value is stated.")

doc("amd_8k-item-1-01-openai-warrant_2025-10.txt", "8-K item", "2025-10-06", "amd-openai-2025",
    """
Item 1.01 Entry into a Material Definitive Agreement.

On October 6, 2025, Advanced Micro Devices, Inc. (the "Company") entered into a master agreement with OpenAI
OpCo, LLC ("OpenAI") under which OpenAI will purchase AMD Instinct GPUs for deployments totalling up to 6
gigawatts over multiple years, beginning with MI450 systems. In connection with the agreement, the Company issued
to OpenAI a warrant to purchase up to 160,000,000 shares of the Company's common stock at an exercise price of
$0.01 per share. The warrant vests in tranches tied to the gigawatts deployed and to the Company's stock price,
and OpenAI must also meet technical and commercial milestones before each tranche becomes exercisable.

Item 3.02 Unregistered Sales of Equity Securities.

The information set forth in Item 1.01 regarding the warrant is incorporated herein by reference.
""",
    ["AMD", "OpenAI"], provider="AMD", customer="OpenAI",
    value=None,
    chips=(["MI450"], "MI450 systems"),
    relations=[rel("warrant", "AMD", "OpenAI", None, False, "the Company issued\nto OpenAI a warrant to purchase up to 160,000,000 shares", shares=160 * M),
               rel("purchase", "OpenAI", "AMD", None, True, "OpenAI will purchase AMD Instinct GPUs for deployments totalling up to 6\ngigawatts")],
    sources=["https://www.nasdaq.com/articles/openai-deploy-6-gigawatts-amd-gpus", "https://morethanmoore.substack.com/p/amd-and-openai-the-6-gigawatt-bet"],
    notes="$0.01 is an exercise price per share; no total value is stated.")

# ---------------------------------------------------------------- Oracle and OpenAI
doc("oracle-openai_wire-300bn-five-year-contract_2025-09.txt", "news wire", "2025-09-10", "oracle-openai-stargate",
    """
OpenAI signs $300 billion computing contract with Oracle

Sept 10 (DealWire) - OpenAI has signed a contract to buy $300 billion of computing power from Oracle over
roughly five years, people familiar with the matter said, one of the largest cloud agreements ever struck. The
five-year contract starts in 2027 and needs about 4.5 gigawatts of data-center capacity, part of the Stargate
build-out Oracle is delivering for OpenAI with partners including Crusoe.
""",
    ["OpenAI", "Oracle"], provider="Oracle", customer="OpenAI",
    value=(300 * B, True, "buy $300 billion of computing power from Oracle"),
    term=(60, "five-year contract"),
    minimum=(True, 300 * B, "OpenAI has signed a contract to buy $300 billion of computing power from Oracle"),
    relations=[rel("purchase", "OpenAI", "Oracle", 300 * B, True, "OpenAI has signed a contract to buy $300 billion of computing power from Oracle")],
    sources=["https://nairametrics.com/2025/09/10/openai-signs-300-billion-cloud-computing-deal-with-oracle/", "https://www.cdomagazine.tech/aiml/openai-signs-300b-cloud-deal-with-oracle", "https://thepaypers.com/fintech/news/openai-signs-a-usd-300-billion-cloud-computing-deal-with-oracle"])

doc("openai-oracle_press-release-stargate-4-5gw_2025-07.txt", "press release", "2025-07-22", "oracle-openai-stargate",
    """
Stargate Advances With 4.5 GW Partnership With Oracle

SAN FRANCISCO, July 22, 2025 -- OpenAI today announced that it has entered into an agreement with Oracle to
develop 4.5 gigawatts of additional Stargate data center capacity in the United States. Together with the
Stargate I site in Abilene, Texas, where Oracle is already installing NVIDIA GB200 racks, the partnership takes
OpenAI's Stargate capacity under development to more than 5 gigawatts.
""",
    ["OpenAI", "Oracle"], provider="Oracle", customer="OpenAI",
    value=None,
    chips=(["GB200"], "NVIDIA GB200 racks"),
    relations=[rel("purchase", "OpenAI", "Oracle", None, True, "entered into an agreement with Oracle to\ndevelop 4.5 gigawatts of additional Stargate data center capacity")],
    sources=["https://techcapsules.com/coreweave-acquires-core-scientific-in-9-billion-stock-deal-expanding-data-center-capacity-for-ai-workloads/", "https://www.mexc.ae/en-GB/news/103153"])

# ---------------------------------------------------------------- Broadcom and OpenAI
doc("openai-broadcom_press-release-10gw-accelerators_2025-10.txt", "press release", "2025-10-13", "broadcom-openai-2025",
    """
OpenAI and Broadcom Announce Strategic Collaboration to Deploy 10 Gigawatts of OpenAI-Designed AI Accelerators

SAN FRANCISCO and PALO ALTO, Calif., Oct. 13, 2025 -- OpenAI and Broadcom Inc. (NASDAQ: AVGO) today announced a
multi-year collaboration to co-develop and deploy 10 gigawatts of custom AI accelerators. OpenAI will design the
accelerators and systems; Broadcom will develop and deploy racks that combine them with Broadcom Ethernet,
PCIe and optical connectivity. The companies have signed a term sheet; racks are targeted to start deploying in
the second half of 2026 and to be completed by the end of 2029. Financial terms were not disclosed.
""",
    ["OpenAI", "Broadcom"], provider="Broadcom", customer="OpenAI",
    value=None,
    relations=[rel("purchase", "OpenAI", "Broadcom", None, False, "Broadcom will develop and deploy racks")],
    sources=["https://mgrowtech.com/?p=10651", "https://hackernoon.com/openai-partners-with-broadcom-to-build-10gw-of-custom-ai-chips", "https://www.nextbigfuture.com/2025/10/broadcom-and-openai-have-a-10-gigawatt-deal-for-custom-ai-chips-and-networking.html"])

# ---------------------------------------------------------------- AWS and OpenAI
doc("aws-openai_press-release-38bn-seven-year_2025-11.txt", "press release", "2025-11-03", "aws-openai-2025",
    """
AWS and OpenAI Announce Multi-Year Strategic Partnership

SEATTLE, Nov. 3, 2025 -- Amazon Web Services (AWS) and OpenAI today announced a multi-year strategic partnership
under which OpenAI will run and scale its core AI workloads on AWS infrastructure, effective immediately. The
seven-year agreement represents a $38 billion commitment by OpenAI. AWS will provide Amazon EC2 UltraServers
featuring hundreds of thousands of NVIDIA GB200 and GB300 GPUs, with the ability to scale to tens of millions of
CPUs. All capacity under the agreement is targeted to be deployed before the end of 2026, with the option to
expand further from 2027.
""",
    ["Amazon", "OpenAI"], provider="Amazon", customer="OpenAI",
    value=(38 * B, True, "a $38 billion commitment by OpenAI"),
    term=(84, "seven-year agreement"),
    minimum=(True, 38 * B, "a $38 billion commitment by OpenAI"),
    chips=(["GB200", "GB300"], "NVIDIA GB200 and GB300 GPUs"),
    relations=[rel("purchase", "OpenAI", "Amazon", 38 * B, True, "The\nseven-year agreement represents a $38 billion commitment by OpenAI")],
    sources=["https://particle.news/story/openai-strikes-seven-year-38-billion-aws-deal-to-run-chatgpt-on-nvidia-powered-ultraservers", "https://www.uuaa.net/ainews/nmV52ND8.html"])

# ---------------------------------------------------------------- Amazon, Google and Anthropic
doc("amazon-anthropic_press-release-up-to-4bn_2023-09.txt", "press release", "2023-09-25", "amazon-anthropic-2023",
    """
Amazon and Anthropic Announce Strategic Collaboration

SEATTLE, Sept. 25, 2023 -- Amazon will invest up to $4 billion in Anthropic and take a minority ownership
position in the company, the two companies announced today. As part of the collaboration, AWS becomes
Anthropic's primary cloud provider for mission-critical workloads, and Anthropic will use AWS Trainium and
Inferentia chips to build, train and deploy its future foundation models.
""",
    ["Amazon", "Anthropic"], provider="Amazon", customer="Anthropic",
    value=(4 * B, False, "invest up to $4 billion in Anthropic"),
    chips=(["Trainium", "Inferentia"], "AWS Trainium and\nInferentia chips"),
    relations=[rel("equity", "Amazon", "Anthropic", 4 * B, False, "Amazon will invest up to $4 billion in Anthropic"),
               rel("purchase", "Anthropic", "Amazon", None, True, "AWS becomes\nAnthropic's primary cloud provider")],
    sources=["https://qz.com/amazon-invest-4-billion-ai-startup-anthropic-model-chip-1851705944", "https://www.nextplatform.com/?p=146311"])

doc("amazon-anthropic_wire-further-4bn_2024-11.txt", "news wire", "2024-11-22", "amazon-anthropic-2024",
    """
Amazon doubles Anthropic bet to $8 billion

Nov 22 (DealWire) - Amazon is investing a further $4 billion in Anthropic, bringing its total commitment to the
Claude developer to $8 billion. In return Anthropic named AWS its primary training partner: it will train its
largest models on Amazon's Trainium chips and keep offering Claude through Amazon Bedrock.
""",
    ["Amazon", "Anthropic"], provider="Amazon", customer="Anthropic",
    value=(4 * B, True, "a further $4 billion"),
    chips=(["Trainium"], "Trainium chips"),
    relations=[rel("equity", "Amazon", "Anthropic", 4 * B, True, "Amazon is investing a further $4 billion in Anthropic"),
               rel("purchase", "Anthropic", "Amazon", None, True, "it will train its\nlargest models on Amazon's Trainium chips")],
    sources=["https://qz.com/amazon-invest-4-billion-ai-startup-anthropic-model-chip-1851705944", "https://williamspurlock.com/blog/amazon-anthropic-4-billion-investment"])

doc("google-anthropic_wire-3bn-stake_2025-01.txt", "news wire", "2025-01-22", "google-anthropic-equity",
    """
Google's Anthropic stake reaches about 10% after $3 billion in new funding

Jan 22 (DealWire) - Alphabet's Google has invested a further $3 billion in Anthropic on top of the $300 million
it put in during late 2022, giving it roughly a 10% stake, according to people familiar with the holdings.
Anthropic trains and serves its Claude models on Google Cloud GPUs and TPUs as well as on AWS.
""",
    ["Google", "Anthropic"], provider="Google", customer="Anthropic",
    value=(3 * B, True, "a further $3 billion in Anthropic"),
    relations=[rel("equity", "Google", "Anthropic", 3 * B, True, "Google has invested a further $3 billion in Anthropic"),
               rel("purchase", "Anthropic", "Google", None, True, "Anthropic trains and serves its Claude models on Google Cloud GPUs and TPUs")],
    sources=["https://www.nextplatform.com/?p=146311"])

doc("anthropic-google_press-release-one-million-tpus_2025-10.txt", "press release", "2025-10-23", "google-anthropic-tpu-2025",
    """
Anthropic to Expand Use of Google Cloud TPUs, Up to One Million Chips

SAN FRANCISCO, Oct. 23, 2025 -- Anthropic today announced that it plans to expand its use of Google Cloud
technologies, including up to one million TPUs. The expansion is worth tens of billions of dollars and is
expected to bring well over a gigawatt of capacity online in 2026, including Google's seventh-generation Ironwood
TPU. Anthropic continues to train and run Claude across Google TPUs, Amazon Trainium and NVIDIA GPUs.
""",
    ["Anthropic", "Google"], provider="Google", customer="Anthropic",
    value=None,
    chips=(["TPU v7"], "seventh-generation Ironwood\nTPU"),
    relations=[rel("purchase", "Anthropic", "Google", None, True, "it plans to expand its use of Google Cloud\ntechnologies, including up to one million TPUs")],
    sources=["https://aimetrix.org/anthropic-strikes-massive-google-cloud-deal-to-power-next-gen-ai-with-a-million-tpus", "https://businessleadersreview.com/google-and-anthropic-expand-partnership-deal-to-access-one-million-tpus"],
    notes="'tens of billions of dollars' is not a number; no total value.")

doc("microsoft-nvidia-anthropic_press-release-30bn-azure_2025-11.txt", "press release", "2025-11-18", "microsoft-nvidia-anthropic-2025",
    """
Microsoft, NVIDIA and Anthropic Announce Strategic Partnerships

REDMOND, Wash., Nov. 18, 2025 -- Anthropic has committed to purchase $30 billion of Azure compute capacity and to
contract additional compute capacity of up to one gigawatt, Microsoft, NVIDIA and Anthropic announced today.
Anthropic's compute will initially run on NVIDIA Grace Blackwell and Vera Rubin systems. As part of the
partnership, NVIDIA and Microsoft are committing to invest up to $10 billion and up to $5 billion respectively in
Anthropic. Claude models will be available to Microsoft Foundry customers.
""",
    ["Microsoft", "NVIDIA", "Anthropic"], provider="Microsoft", customer="Anthropic",
    value=(30 * B, True, "$30 billion of Azure compute capacity"),
    minimum=(True, 30 * B, "Anthropic has committed to purchase $30 billion of Azure compute capacity"),
    chips=(["Blackwell", "Rubin"], "NVIDIA Grace Blackwell and Vera Rubin systems"),
    relations=[rel("purchase", "Anthropic", "Microsoft", 30 * B, True, "Anthropic has committed to purchase $30 billion of Azure compute capacity"),
               rel("equity", "NVIDIA", "Anthropic", 10 * B, False, "NVIDIA and Microsoft are committing to invest up to $10 billion and up to $5 billion respectively"),
               rel("equity", "Microsoft", "Anthropic", 5 * B, False, "NVIDIA and Microsoft are committing to invest up to $10 billion and up to $5 billion respectively")],
    sources=["https://wyomingstarnews.org/2025/11/19/microsoft-and-nvidia-pour-up-to-15-billion-into-anthropic-as-claude-maker-locks-in-30-billion-azure-deal", "https://windowsforum.com/threads/microsoft-nvidia-anthropic-alliance-expands-azure-ai-with-claude.389939"])

doc("anthropic-microsoft_wire-azure-commitment_2025-11.txt", "news wire", "2025-11-18", "microsoft-nvidia-anthropic-2025",
    """
Anthropic will spend $30 billion on Azure as Microsoft and NVIDIA invest

Nov 18 (DealWire) - Claude maker Anthropic will pay Microsoft $30 billion for Azure computing capacity under a
three-way pact that also brings investment of as much as $15 billion from Microsoft and NVIDIA. NVIDIA is to
contribute up to $10 billion and Microsoft up to $5 billion. The capacity, up to a gigawatt, will use NVIDIA's
Grace Blackwell and Vera Rubin hardware.
""",
    ["Anthropic", "Microsoft", "NVIDIA"], provider="Microsoft", customer="Anthropic",
    value=(30 * B, True, "pay Microsoft $30 billion"),
    minimum=(True, 30 * B, "Anthropic will pay Microsoft $30 billion for Azure computing capacity"),
    chips=(["Blackwell", "Rubin"], "Grace Blackwell and Vera Rubin hardware"),
    relations=[rel("purchase", "Anthropic", "Microsoft", 30 * B, True, "Anthropic will pay Microsoft $30 billion for Azure computing capacity"),
               rel("equity", "NVIDIA", "Anthropic", 10 * B, False, "NVIDIA is to\ncontribute up to $10 billion"),
               rel("equity", "Microsoft", "Anthropic", 5 * B, False, "Microsoft up to $5 billion")],
    sources=["https://awnewsday.com/14029.html", "https://tech.amwaly.com/blog/160529/microsoft-and-nvidia-deepen-ai-race-with-major"])

# ---------------------------------------------------------------- Google backstops for Fluidstack leases
doc("terawulf-fluidstack_press-release-google-backstop_2025-08.txt", "press release", "2025-08-14", "terawulf-fluidstack-google-2025-08",
    """
TeraWulf Signs 10-Year AI Hosting Agreements With Fluidstack; Google to Backstop $1.8 Billion and Take Equity Stake

EASTON, Md., Aug. 14, 2025 -- TeraWulf Inc. (Nasdaq: WULF) today announced two 10-year high-performance computing
colocation agreements with Fluidstack for more than 200 MW of critical IT load at its Lake Mariner campus in
New York. The agreements represent approximately $3.7 billion of contracted revenue over their initial terms,
with extension options that could take the total to about $8.7 billion.

Google will backstop $1.8 billion of Fluidstack's lease obligations to support project-related debt financing.
In exchange, Google will receive warrants to acquire approximately 41 million shares of TeraWulf common stock,
an approximately 8% pro forma equity stake. The first 40 MW is expected to be delivered in the first half of 2026.
""",
    ["TeraWulf", "Fluidstack", "Google"], provider="TeraWulf", customer="Fluidstack",
    value=(3.7 * B, True, "approximately $3.7 billion of contracted revenue"),
    term=(120, "two 10-year high-performance computing\ncolocation agreements"),
    relations=[rel("lease", "Fluidstack", "TeraWulf", 3.7 * B, True, "two 10-year high-performance computing\ncolocation agreements with Fluidstack"),
               rel("backstop", "Google", "Fluidstack", 1.8 * B, True, "Google will backstop $1.8 billion of Fluidstack's lease obligations", beneficiary="TeraWulf"),
               rel("warrant", "TeraWulf", "Google", None, True, "Google will receive warrants to acquire approximately 41 million shares of TeraWulf common stock", shares=41 * M)],
    sources=["https://particle.news/story/terawulf-secures-37-billion-ai-hosting-deals-with-google-backstop", "https://coinalertnews.com/news/2025/08/14/e77d82c76d8828820aaa6c0a50a702d5"])

doc("terawulf_8k-item-1-01-fluidstack-leases_2025-08.txt", "8-K item", "2025-08-14", "terawulf-fluidstack-google-2025-08",
    """
Item 1.01 Entry into a Material Definitive Agreement.

On August 13, 2025, Akela Data LLC, an indirect subsidiary of TeraWulf Inc. (the "Company"), entered into two
data center lease agreements with Fluidstack under which Fluidstack will occupy more than 200 MW of critical IT
load at the Company's Lake Mariner campus. The premises will be delivered in two phases during 2026, and
Fluidstack's rent obligations for each phase begin on its completion date and continue for a term of ten years.

In connection with the leases, Akela, Fluidstack and Google LLC ("Google") entered into recognition agreements
under which Google agreed to backstop certain of Fluidstack's obligations under the leases. If Fluidstack fails
to pay rent or becomes insolvent, Google may either pay the applicable termination fee or assume the lease.

Item 3.02 Unregistered Sales of Equity Securities.

In consideration of the Google backstop, the Company issued to Google warrants to purchase 41,011,803 shares of
the Company's common stock at an exercise price of $0.01 per share. Google has agreed to pledge the warrants to
the lenders financing the project until the backstop becomes effective.
""",
    ["TeraWulf", "Fluidstack", "Google"], provider="TeraWulf", customer="Fluidstack",
    value=None,
    term=(120, "continue for a term of ten years"),
    relations=[rel("lease", "Fluidstack", "TeraWulf", None, True, "entered into two\ndata center lease agreements with Fluidstack"),
               rel("backstop", "Google", "Fluidstack", None, True, "Google agreed to backstop certain of Fluidstack's obligations under the leases", beneficiary="TeraWulf"),
               rel("warrant", "TeraWulf", "Google", None, True, "the Company issued to Google warrants to purchase 41,011,803 shares", shares=41011803)],
    sources=["https://www.stocktitan.net/sec-filings/WULF/8-k-tera-wulf-inc-reports-material-event-a35fdee19edc.html"],
    notes="$0.01 is an exercise price per share; the lease value is not stated in this item.")

doc("terawulf_8k-item-1-01-cb5-google-backstop_2025-08.txt", "8-K item", "2025-08-18", "terawulf-fluidstack-google-2025-08b",
    """
Item 1.01 Entry into a Material Definitive Agreement.

On August 15, 2025, Akela Data LLC, an indirect subsidiary of TeraWulf Inc. (the "Company"), entered into a lease
with Fluidstack USA I Inc. for a new colocation building, CB-5, at the Lake Mariner campus, designed for more
than 160 MW of critical IT load. Construction is expected to be completed by the end of 2026, and rent is payable
for a ten-year term from completion.

Akela also entered into a recognition agreement with Google LLC under which Google agreed to backstop certain of
Fluidstack's obligations under the CB-5 lease, raising Google's total backstop commitment across the campus by
$1.4 billion to approximately $3.2 billion. In consideration, the Company issued Google warrants to purchase
32,568,197 shares of common stock at an exercise price of $0.01 per share.
""",
    ["TeraWulf", "Fluidstack", "Google"], provider="TeraWulf", customer="Fluidstack",
    value=None,
    term=(120, "a ten-year term from completion"),
    relations=[rel("lease", "Fluidstack", "TeraWulf", None, True, "entered into a lease\nwith Fluidstack USA I Inc."),
               rel("backstop", "Google", "Fluidstack", 1.4 * B, True, "Google agreed to backstop certain of\nFluidstack's obligations under the CB-5 lease", beneficiary="TeraWulf"),
               rel("warrant", "TeraWulf", "Google", None, True, "the Company issued Google warrants to purchase\n32,568,197 shares", shares=32568197)],
    sources=["https://www.stocktitan.net/sec-filings/WULF/8-k-tera-wulf-inc-reports-material-event-b125b8fc7f4c.html", "https://azat.tv/en/terawulf-google-financial-backing-convertible-notes"],
    notes="The backstop amount is credit support, not the lease's value; no lease value is stated.")

doc("cipher-fluidstack_press-release-barber-lake_2025-09.txt", "press release", "2025-09-25", "cipher-fluidstack-google-2025",
    """
Cipher Mining Signs 10-Year, $3 Billion HPC Colocation Agreement With Fluidstack; Welcomes Google as Investor

NEW YORK, Sept. 25, 2025 -- Cipher Mining Inc. (NASDAQ: CIFR) today announced a 10-year high-performance computing
colocation agreement with Fluidstack covering 168 MW of critical IT load at its Barber Lake site in Colorado City,
Texas. The agreement carries approximately $3 billion of contracted revenue over the initial term; two optional
five-year extensions could raise the total to about $7 billion.

To support project-related debt financing, Google will backstop $1.4 billion of Fluidstack's lease obligations
and will receive warrants to acquire approximately 24 million shares of Cipher common stock, an approximately
5.4% pro forma equity ownership. Cipher expects to complete the build-out by September 2026.
""",
    ["Cipher Mining", "Fluidstack", "Google"], provider="Cipher Mining", customer="Fluidstack",
    value=(3 * B, True, "approximately $3 billion of contracted revenue"),
    term=(120, "a 10-year high-performance computing\ncolocation agreement"),
    relations=[rel("lease", "Fluidstack", "Cipher Mining", 3 * B, True, "colocation agreement with Fluidstack covering 168 MW"),
               rel("backstop", "Google", "Fluidstack", 1.4 * B, True, "Google will backstop $1.4 billion of Fluidstack's lease obligations", beneficiary="Cipher Mining"),
               rel("warrant", "Cipher Mining", "Google", None, True, "will receive warrants to acquire approximately 24 million shares of Cipher common stock", shares=24 * M)],
    sources=["https://coinalertnews.com/news/2025/09/25/0d51aef35008fb70afdc075c6ecb9bfe", "http://amp.coincodex.com/article/73739/cipher-mining-inks-3-billion-deal-with-fluidstack-welcomes-google-as-strategic-investor", "https://www.mexc.in/news/google-puts-1-4-billion-as-collateral-5-4-pro-forma-in-cipher/109617"])

doc("hut8-fluidstack_wire-river-bend-lease_2025-12.txt", "news wire", "2025-12-17", "hut8-fluidstack-2025",
    """
Hut 8 leases River Bend campus to Fluidstack for $7 billion, with Google support

Dec 17 (DealWire) - Hut 8 has signed a 15-year lease with Fluidstack for 245 MW of IT capacity at its River Bend
campus in Louisiana. The lease is worth $7.0 billion over the base term and as much as $17.7 billion if every
renewal option is used. Google is providing a financial backstop that covers Fluidstack's lease payments for the
15-year base term. Fluidstack also gets a right of first offer on up to 1,000 MW of future capacity.
""",
    ["Hut 8", "Fluidstack", "Google"], provider="Hut 8", customer="Fluidstack",
    value=(7 * B, True, "worth $7.0 billion over the base term"),
    term=(180, "a 15-year lease"),
    relations=[rel("lease", "Fluidstack", "Hut 8", 7 * B, True, "Hut 8 has signed a 15-year lease with Fluidstack"),
               rel("backstop", "Google", "Fluidstack", None, True, "Google is providing a financial backstop that covers Fluidstack's lease payments", beneficiary="Hut 8")],
    sources=["https://www.sec.gov/Archives/edgar/data/1964789/000110465925122052/hut-20251217xex99d1.htm (via ../shared/real-filings SOURCES.md)"],
    notes="A backstop with no warrants: not a backstop-for-warrants loop.")

# ---------------------------------------------------------------- Nebius
doc("nebius_6k-microsoft-gpu-agreement_2025-09.txt", "6-K item", "2025-09-08", "nebius-microsoft-2025",
    """
On September 8, 2025, Nebius Group N.V. (the "Company") entered into a master services agreement and an order
with Microsoft Corporation ("Microsoft") under which the Company will provide Microsoft with dedicated GPU
infrastructure capacity from its new data center in Vineland, New Jersey, over a five-year term. The total
contract value is approximately $17.4 billion. Microsoft may also acquire additional services and capacity,
which would bring the total contract value to approximately $19.4 billion.

The Company expects to finance the capital expenditure associated with the agreement with cash flow from the
contract and the issuance of debt secured against it.
""",
    ["Nebius", "Microsoft"], provider="Nebius", customer="Microsoft",
    value=(17.4 * B, True, "The total\ncontract value is approximately $17.4 billion"),
    term=(60, "over a five-year term"),
    relations=[rel("purchase", "Microsoft", "Nebius", 17.4 * B, True, "the Company will provide Microsoft with dedicated GPU\ninfrastructure capacity"),
               rel("purchase", "Microsoft", "Nebius", 2 * B, False, "Microsoft may also acquire additional services and capacity")],
    sources=["https://www.webpronews.com/microsoft-seals-19-4b-deal-with-nebius-for-ai-gpu-capacity", "https://www.constellationr.com/blog-news/insights/why-microsofts-ai-infrastructure-deal-nebius-savvy", "https://aimmediahouse.com/market-industry/microsoft-turns-to-nebius-to-meet-ais-relentless-gpu-demands"])

doc("microsoft-nebius_wire-vineland-capacity_2025-09.txt", "news wire", "2025-09-09", "nebius-microsoft-2025",
    """
Microsoft to pay Nebius up to $19.4 billion for AI capacity

Sept 9 (DealWire) - Microsoft will pay Nebius $17.4 billion over five years for GPU capacity from a new data
center in Vineland, New Jersey, and could lift the total to $19.4 billion by buying more, Nebius said. The
Amsterdam-based company will fund the build with the contract's cash flows and debt raised against it; deliveries
start later this year and run through 2031.
""",
    ["Microsoft", "Nebius"], provider="Nebius", customer="Microsoft",
    value=(17.4 * B, True, "pay Nebius $17.4 billion over five years"),
    term=(60, "over five years"),
    minimum=(True, 17.4 * B, "Microsoft will pay Nebius $17.4 billion over five years"),
    relations=[rel("purchase", "Microsoft", "Nebius", 17.4 * B, True, "Microsoft will pay Nebius $17.4 billion over five years for GPU capacity")],
    sources=["https://www.newsbeep.com/112443", "https://www.ctol.digital/news/microsoft-commits-17-4-billion-nebius-ai-computing-power-stock-surges-33-percent"])

doc("nebius_6k-meta-order_2025-11.txt", "6-K item", "2025-11-11", "nebius-meta-2025-11",
    """
The Company has entered into an order with Meta Platforms, Inc. ("Meta") under its master services agreement
with Meta for GPU services, to be deployed in two tranches during December 2025 and February 2026 together with
associated storage and connectivity services. The order has a total contract value of approximately
$2.9 billion over a term of five years. Meta may extend the term of the GPU services or acquire additional
services and capacity, and may terminate the order if capacity is not delivered by the agreed dates after a
grace period. Cash flow from the agreement will be used to finance part of the associated capital expenditure.
""",
    ["Nebius", "Meta"], provider="Nebius", customer="Meta",
    value=(2.9 * B, True, "a total contract value of approximately\n$2.9 billion"),
    term=(60, "a term of five years"),
    relations=[rel("purchase", "Meta", "Nebius", 2.9 * B, True, "entered into an order with Meta Platforms, Inc.")],
    sources=["https://up2info.com/corporate-news/nebius-plans-to-deploy-first-phase-of-meta-deal-in-december", "https://nai500.com/blog/2026/03/meta-signs-12b-ai-compute-deal-with-nebius-up-to-27b/"])

doc("nebius-meta_press-release-12bn-capacity_2026-03.txt", "press release", "2026-03-16", "nebius-meta-2026-03",
    """
Nebius Signs Five-Year Agreement to Provide Meta With $12 Billion of Dedicated AI Capacity

AMSTERDAM, March 16, 2026 -- Nebius Group N.V. (NASDAQ: NBIS) today announced a five-year agreement under which
Nebius will supply Meta with $12 billion of dedicated AI infrastructure capacity across multiple locations,
beginning in early 2027 and including some of the first large deployments of NVIDIA Vera Rubin systems. In
addition, Meta has agreed to purchase up to $15 billion of capacity from Nebius's upcoming AI clusters over the
five years to the extent that capacity is not sold to other customers.
""",
    ["Nebius", "Meta"], provider="Nebius", customer="Meta",
    value=(12 * B, True, "$12 billion of dedicated AI infrastructure capacity"),
    term=(60, "a five-year agreement"),
    minimum=(True, 15 * B, "Meta has agreed to purchase up to $15 billion of capacity"),
    chips=(["Rubin"], "NVIDIA Vera Rubin systems"),
    relations=[rel("purchase", "Meta", "Nebius", 12 * B, True, "Nebius will supply Meta with $12 billion of dedicated AI infrastructure capacity"),
               rel("purchase", "Meta", "Nebius", 15 * B, False, "Meta has agreed to purchase up to $15 billion of capacity from Nebius's upcoming AI clusters", structure="capacity backstop")],
    sources=["https://nai500.com/blog/2026/03/meta-signs-12b-ai-compute-deal-with-nebius-up-to-27b/", "https://softwareherald.com/meta-signs-up-to-27b-ai-infrastructure-deal-with-nebius-on-nvidia-vera-rubin", "http://community.vestedfinance.com/t/meta-commits-up-to-27-billion-to-nebius-for-ai-infrastructure/10793"])

doc("nebius_wire-700m-private-placement-nvidia_2024-12.txt", "news wire", "2024-12-02", "nvidia-nebius-2024",
    """
Nebius raises $700 million from investors including NVIDIA

Dec 2 (DealWire) - Nebius Group has sold about $700 million of new Class A shares in a private placement to a
group of investors that includes Accel, NVIDIA and Orbis Investments, at $21.00 a share. The company intends to
use the money to expand its full-stack AI infrastructure business, whose GPU clusters are built on NVIDIA
accelerators, in Europe and the United States.
""",
    ["Nebius", "NVIDIA", "Accel", "Orbis Investments"],
    value=(700 * M, True, "about $700 million of new Class A shares"),
    relations=[rel("equity", "NVIDIA", "Nebius", None, True, "a private placement to a\ngroup of investors that includes Accel, NVIDIA and Orbis Investments"),
               rel("purchase", "Nebius", "NVIDIA", None, False, "GPU clusters are built on NVIDIA\naccelerators")],
    sources=["https://quantisnow.com/insight/sec-form-6k-filed-by-nebius-group-nv-5795922 (via ../shared/real-filings SOURCES.md)", "https://blog.dbbstech.com/posts/2026-03-17-meta-nebius-27-billion-ai-infrastructure-deal"],
    notes="$21.00 is a per-share price.")

# ---------------------------------------------------------------- Nscale and Microsoft
doc("nscale-microsoft_press-release-200k-gb300_2025-10.txt", "press release", "2025-10-15", "nscale-microsoft-2025",
    """
Nscale Signs Expanded Agreement With Microsoft to Deploy Around 200,000 NVIDIA GB300 GPUs

LONDON, Oct. 15, 2025 -- Nscale today announced an expanded agreement with Microsoft to deliver approximately
200,000 NVIDIA GB300 GPUs across data centers in Texas, Portugal, the United Kingdom and Norway, working with
Dell Technologies and with its joint venture with Aker. About 104,000 GPUs will be installed at a 240 MW campus in
Texas leased from Ionic Digital, with services to Microsoft due to start in the third quarter of 2026; Microsoft
holds an option on a second phase of roughly 700 MW from late 2027. Financial terms were not disclosed.
""",
    ["Nscale", "Microsoft"], provider="Nscale", customer="Microsoft",
    value=None,
    chips=(["GB300"], "NVIDIA GB300 GPUs"),
    relations=[rel("purchase", "Microsoft", "Nscale", None, True, "an expanded agreement with Microsoft to deliver approximately\n200,000 NVIDIA GB300 GPUs")],
    sources=["https://www.benzinga.com/markets/tech/25/10/48223043/microsoft-and-nvidia-backed-nscale-announce-large-scale-ai-project-in-us-and-europe", "https://knowtechie.com/nscale-nvidia-gpu-deployment/"])

doc("aker-nscale-microsoft_wire-narvik_2025-10.txt", "news wire", "2025-10-16", "aker-nscale-microsoft-narvik",
    """
Aker-Nscale venture to supply Microsoft from Narvik

Oct 16 (DealWire) - The Narvik, Norway joint venture of Aker and Nscale is expected to deliver about 52,000
NVIDIA GB300 GPUs to Microsoft under a multi-year agreement, part of a wider deal in which Microsoft has lined
up some 200,000 GB300s from Nscale. The companies did not give a value for the Norwegian contract. NVIDIA is
among the investors that have put more than $1.7 billion into Nscale.
""",
    ["Aker", "Nscale", "Microsoft"], provider="Nscale", customer="Microsoft",
    value=None,
    chips=(["GB300"], "NVIDIA GB300 GPUs"),
    relations=[rel("purchase", "Microsoft", "Nscale", None, True, "deliver about 52,000\nNVIDIA GB300 GPUs to Microsoft under a multi-year agreement"),
               rel("equity", "NVIDIA", "Nscale", None, True, "NVIDIA is\namong the investors")],
    sources=["https://www.benzinga.com/markets/tech/25/10/48223043/microsoft-and-nvidia-backed-nscale-announce-large-scale-ai-project-in-us-and-europe", "https://dailycodesolutions.com/blog/nscale-inks-massive-ai-infrastructure-deal-with-microsoft"],
    notes="$1.7 billion is funding raised from many investors, not this deal's value.")

# ---------------------------------------------------------------- NVIDIA and Lambda
doc("nvidia-lambda_wire-leaseback_2025-09.txt", "news wire", "2025-09-04", "nvidia-lambda-2025",
    """
NVIDIA becomes Lambda's biggest customer, renting back servers built with its chips

Sept 4 (DealWire) - NVIDIA has agreed to lease 10,000 GPU servers from cloud provider Lambda in a four-year deal
worth $1.3 billion, and separately to rent 8,000 more for $200 million, according to a report. The servers are
built on NVIDIA chips that Lambda buys, and NVIDIA is also an investor in Lambda, making it supplier, shareholder
and now customer. NVIDIA researchers will use the capacity internally.
""",
    ["NVIDIA", "Lambda"], provider="Lambda", customer="NVIDIA",
    value=(1.3 * B, True, "a four-year deal\nworth $1.3 billion"),
    term=(48, "a four-year deal"),
    minimum=(True, 1.3 * B, "NVIDIA has agreed to lease 10,000 GPU servers from cloud provider Lambda"),
    relations=[rel("purchase", "NVIDIA", "Lambda", 1.3 * B, True, "NVIDIA has agreed to lease 10,000 GPU servers from cloud provider Lambda"),
               rel("purchase", "NVIDIA", "Lambda", 200 * M, True, "separately to rent 8,000 more for $200 million"),
               rel("purchase", "Lambda", "NVIDIA", None, True, "built on NVIDIA chips that Lambda buys"),
               rel("equity", "NVIDIA", "Lambda", None, True, "NVIDIA is also an investor in Lambda")],
    sources=["https://web-origin.lbkrs.com/news/256028352", "https://www.kontronn.com/news/nvidias-1.5b-strategy-renting-its-own-gpus-from-lambda"])

# ---------------------------------------------------------------- Meta and Blue Owl (Hyperion)
doc("meta-blueowl_press-release-hyperion-jv_2025-10.txt", "press release", "2025-10-21", "meta-blueowl-hyperion",
    """
Meta Announces Joint Venture With Funds Managed by Blue Owl Capital to Develop Hyperion Data Center

MENLO PARK, Calif., Oct. 21, 2025 -- Meta Platforms, Inc. (Nasdaq: META) today announced that it has entered into
a joint venture with funds managed by Blue Owl Capital to develop and own the Hyperion data center campus in
Richland Parish, Louisiana. Blue Owl funds will own 80% of the joint venture and Meta the remaining 20%; total
development costs for the buildings and long-lived power, cooling and connectivity infrastructure are
approximately $27 billion.

Meta contributed land and construction-in-progress assets. Blue Owl funds contributed approximately $7 billion in
cash, and Meta received a one-time distribution of approximately $3 billion from the joint venture. Meta will
provide construction and property management services and will lease the facilities under operating leases with
an initial four-year term and options to extend. Meta also provided a residual value guarantee covering the first
16 years of operations.
""",
    ["Meta", "Blue Owl", "Hyperion JV"], provider="Hyperion JV", customer="Meta",
    value=(27 * B, True, "approximately $27 billion"),
    term=(48, "an initial four-year term"),
    relations=[rel("equity", "Blue Owl", "Hyperion JV", 7 * B, True, "Blue Owl funds contributed approximately $7 billion in\ncash"),
               rel("distribution", "Hyperion JV", "Meta", 3 * B, True, "Meta received a one-time distribution of approximately $3 billion from the joint venture"),
               rel("lease", "Meta", "Hyperion JV", None, True, "will lease the facilities under operating leases"),
               rel("guarantee", "Meta", "Hyperion JV", None, True, "Meta also provided a residual value guarantee")],
    sources=["https://www.stocktitan.net/news/META/meta-announces-joint-venture-with-funds-managed-by-blue-owl-capital-cb9waindzv96.html", "https://www.worldconstructionnetwork.com/?p=124817", "https://dailyaibrief.com/news/meta-blue-owl-27b-hyperion-data-center-louisiana-xLZBf9YY"])

doc("meta_8k-item-2-03-hyperion-jv_2025-10.txt", "8-K item", "2025-10-21", "meta-blueowl-hyperion",
    """
Item 1.01 Entry into a Material Definitive Agreement.

On October 16, 2025, Meta Platforms, Inc. (the "Company") entered into agreements with funds managed by Blue Owl
Capital Inc. to form a joint venture that will develop and own the Hyperion data center campus. The Company holds
a 20% interest and the Blue Owl funds an 80% interest. The Company transferred land and assets under
construction to the joint venture and received a distribution of approximately $3.0 billion. Upon completion, the
Company will lease the campus from the joint venture under operating leases with an initial term of four years,
renewable at the Company's option, and it has agreed to a capped residual value guarantee that may require a
payment to the joint venture if the leases are not renewed during the first 16 years of operations.
""",
    ["Meta", "Blue Owl", "Hyperion JV"], provider="Hyperion JV", customer="Meta",
    value=None,
    term=(48, "an initial term of four years"),
    relations=[rel("distribution", "Hyperion JV", "Meta", 3 * B, True, "received a distribution of approximately $3.0 billion"),
               rel("lease", "Meta", "Hyperion JV", None, True, "the\nCompany will lease the campus from the joint venture"),
               rel("guarantee", "Meta", "Hyperion JV", None, True, "a capped residual value guarantee")],
    sources=["https://www.stocktitan.net/news/META/meta-announces-joint-venture-with-funds-managed-by-blue-owl-capital-cb9waindzv96.html", "https://www.waredata.com/meta-and-blue-owl-capital-form-joint-venture-to-develop-hyperion-data-center"],
    notes="A distribution of cash received is not the deal's total value; no total value stated here.")

# ---------------------------------------------------------------- Applied Digital, Core Scientific and CoreWeave
doc("applieddigital-coreweave_press-release-250mw_2025-06.txt", "press release", "2025-06-02", "applieddigital-coreweave-2025-06",
    """
Applied Digital Signs Two 15-Year Leases With CoreWeave for 250 MW in North Dakota

DALLAS, June 2, 2025 -- Applied Digital Corporation (Nasdaq: APLD) today announced that CoreWeave has signed two
leases of approximately 15 years each for 250 megawatts of critical IT load at Applied Digital's Ellendale, North
Dakota campus. Applied Digital expects the leases to generate approximately $7 billion of revenue over their
terms. CoreWeave also holds an option on a further 150 MW at the campus. The first 100 MW building is scheduled to
be ready for service in the fourth quarter of 2025.
""",
    ["Applied Digital", "CoreWeave"], provider="Applied Digital", customer="CoreWeave",
    value=(7 * B, True, "approximately $7 billion of revenue"),
    term=(180, "approximately 15 years each"),
    relations=[rel("lease", "CoreWeave", "Applied Digital", 7 * B, True, "CoreWeave has signed two\nleases of approximately 15 years each")],
    sources=["https://www.sec.gov/Archives/edgar/data/1144879/000164117225013199/ex99-2.htm", "https://www.theregister.com/2025/06/02/coreweave_applied_digital_nd/"])

doc("applieddigital-coreweave_wire-additional-150mw_2025-08.txt", "news wire", "2025-08-29", "applieddigital-coreweave-2025-08",
    """
CoreWeave takes another 150 MW from Applied Digital

Aug 29 (DealWire) - CoreWeave has exercised its option and signed a third long-term lease with Applied Digital,
for 150 MW in a planned building at the Polaris Forge 1 campus in Ellendale, North Dakota. The lease adds about
$4 billion of anticipated revenue, lifting Applied Digital's contracted lease revenue from CoreWeave to roughly
$11 billion over approximately 15-year terms. The new hall should be ready in 2027.
""",
    ["CoreWeave", "Applied Digital"], provider="Applied Digital", customer="CoreWeave",
    value=(4 * B, True, "about\n$4 billion of anticipated revenue"),
    term=(180, "approximately 15-year terms"),
    relations=[rel("lease", "CoreWeave", "Applied Digital", 4 * B, True, "signed a third long-term lease with Applied Digital")],
    sources=["https://www.finanznachrichten.de/nachrichten-2025-08/66307881-applied-digital-corporation-applied-digital-finalizes-additional-150mw-lease-with-coreweave-in-north-dakota-399.htm", "http://www.idcnova.com/html/1/59/153/3595.html"])

doc("corescientific-coreweave_press-release-200mw-hosting_2024-06.txt", "press release", "2024-06-03", "corescientific-coreweave-2024-06",
    """
Core Scientific Signs 12-Year Contracts to Host CoreWeave's High-Performance Computing

AUSTIN, Texas, June 3, 2024 -- Core Scientific, Inc. (NASDAQ: CORZ) today announced 12-year contracts with
CoreWeave to deliver approximately 200 MW of infrastructure to host CoreWeave's NVIDIA GPUs for high-performance
computing. The contracts are expected to generate cumulative revenue of more than $3.5 billion over their terms.
CoreWeave holds options for additional capacity at Core Scientific sites.
""",
    ["Core Scientific", "CoreWeave"], provider="Core Scientific", customer="CoreWeave",
    value=(3.5 * B, True, "more than $3.5 billion"),
    term=(144, "12-year contracts"),
    relations=[rel("lease", "CoreWeave", "Core Scientific", 3.5 * B, True, "12-year contracts with\nCoreWeave to deliver approximately 200 MW of infrastructure")],
    sources=["https://whispertick.com/?p=31991", "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm"])

doc("corescientific-coreweave_wire-final-option-120mw_2024-10.txt", "news wire", "2024-10-22", "corescientific-coreweave-2024-10",
    """
CoreWeave exercises final Core Scientific option, taking contracted HPC hosting to 500 MW

Oct 22 (DealWire) - CoreWeave has exercised its last option with Core Scientific, which will modify one of its
sites to provide about 120 MW more of critical IT load for CoreWeave's NVIDIA GPUs. The new 12-year hosting
contract is expected to add roughly $2.0 billion of revenue and brings the potential cumulative revenue from all
CoreWeave contracts to $8.7 billion across about 500 MW.
""",
    ["CoreWeave", "Core Scientific"], provider="Core Scientific", customer="CoreWeave",
    value=(2 * B, True, "roughly $2.0 billion of revenue"),
    term=(144, "The new 12-year hosting\ncontract"),
    relations=[rel("lease", "CoreWeave", "Core Scientific", 2 * B, True, "The new 12-year hosting\ncontract is expected to add roughly $2.0 billion")],
    sources=["https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm", "https://www.einpresswire.com/article/763962088/core-scientific-and-port-muskogee-break-ground-on-100-mw-hpc-data-center"])

doc("coreweave_8k-item-1-01-core-scientific-merger_2025-07.txt", "8-K item", "2025-07-07", "coreweave-corescientific-merger",
    """
Item 1.01 Entry into a Material Definitive Agreement.

On July 7, 2025, CoreWeave, Inc. (the "Company") entered into an Agreement and Plan of Merger with Core Scientific,
Inc. ("Core Scientific") under which the Company will acquire Core Scientific in an all-stock transaction. Each
share of Core Scientific common stock will be converted into the right to receive 0.1235 shares of the Company's
Class A common stock. The transaction values Core Scientific at approximately $9 billion on a fully diluted basis
and would give the Company ownership of about 1.3 GW of gross power capacity, eliminating more than $10 billion of
future lease payments under its existing hosting contracts with Core Scientific.
""",
    ["CoreWeave", "Core Scientific"],
    value=(9 * B, True, "approximately $9 billion"),
    relations=[rel("acquisition", "CoreWeave", "Core Scientific", 9 * B, True, "the Company will acquire Core Scientific in an all-stock transaction")],
    sources=["https://techcapsules.com/coreweave-acquires-core-scientific-in-9-billion-stock-deal-expanding-data-center-capacity-for-ai-workloads/", "https://digitrendz.blog/newswire/artificial-intelligence/24472/coreweave-buys-core-scientific-in-9b-data-center-deal"],
    notes="The merger was later voted down by Core Scientific shareholders; the exchange ratio and lease figure are as announced.")

doc("coreweave-meta_8k-item-1-01-order_2025-09.txt", "8-K item", "2025-09-30", "coreweave-meta-2025",
    """
Item 1.01 Entry into a Material Definitive Agreement.

CoreWeave, Inc. (the "Company") has entered into an order form with Meta Platforms, Inc. ("Meta") under which the
Company will provide Meta with cloud computing capacity through December 14, 2031, with an option for Meta to
expand its commitment through 2032. The order commits Meta to payments of up to approximately $14.2 billion over
its term. The capacity will be delivered on NVIDIA GB300 systems.
""",
    ["CoreWeave", "Meta"], provider="CoreWeave", customer="Meta",
    value=(14.2 * B, False, "up to approximately $14.2 billion"),
    term=(75, "through December 14, 2031"),
    minimum=(True, 14.2 * B, "The order commits Meta to payments"),
    chips=(["GB300"], "NVIDIA GB300 systems"),
    relations=[rel("purchase", "Meta", "CoreWeave", 14.2 * B, False, "The order commits Meta to payments of up to approximately $14.2 billion")],
    sources=["https://www.bisnow.com/national/news/data-center/meta-signs-142b-deal-with-with-ai-cloud-firm-coreweave-131206", "https://azzet.com/news/coreweave-lands-us-14-2bn-meta-infrastructure-deal"])

# ---------------------------------------------------------------- IREN, Microsoft and Dell
doc("iren-microsoft_press-release-9-7bn-gpu-cloud_2025-11.txt", "press release", "2025-11-03", "iren-microsoft-2025",
    """
IREN Signs $9.7 Billion AI Cloud Contract With Microsoft

SYDNEY and NEW YORK, Nov. 3, 2025 -- IREN Limited (NASDAQ: IREN) today announced a multi-year GPU cloud services
contract with Microsoft. Under the agreement, IREN will provide Microsoft with access to NVIDIA GB300 GPUs over a
five-year term, with a total contract value of approximately $9.7 billion including a 20% prepayment.

IREN has separately agreed to purchase the GPUs and ancillary equipment from Dell Technologies for approximately
$5.8 billion. The GPUs will be deployed in phases through 2026 at IREN's 750 MW Childress, Texas campus, in new
liquid-cooled data centers supporting 200 MW of critical IT load.
""",
    ["IREN", "Microsoft", "Dell"], provider="IREN", customer="Microsoft",
    value=(9.7 * B, True, "a total contract value of approximately $9.7 billion"),
    term=(60, "a\nfive-year term"),
    minimum=(True, 5.8 * B, "IREN has separately agreed to purchase the GPUs and ancillary equipment from Dell Technologies"),
    chips=(["GB300"], "NVIDIA GB300 GPUs"),
    relations=[rel("purchase", "Microsoft", "IREN", 9.7 * B, True, "IREN will provide Microsoft with access to NVIDIA GB300 GPUs"),
               rel("prepayment", "Microsoft", "IREN", 1.94 * B, True, "including a 20% prepayment"),
               rel("purchase", "IREN", "Dell", 5.8 * B, True, "IREN has separately agreed to purchase the GPUs and ancillary equipment from Dell Technologies")],
    sources=["https://discussion.fool.com/t/iren-secures-9-7bn-ai-cloud-contract-with-microsoft/121938", "https://www.benzinga.com/trading-ideas/movers/25/11/48586714/iren-skyrockets-after-sealing-9-7-billion-ai-cloud-deal-with-microsoft"])

doc("microsoft-iren_wire-nvidia-chips-deal_2025-11.txt", "news wire", "2025-11-03", "iren-microsoft-2025",
    """
Microsoft inks $9.7 billion deal with IREN for NVIDIA-powered capacity

Nov 3 (DealWire) - Microsoft has signed a five-year, $9.7 billion cloud services contract with data-center operator
IREN that gives it access to NVIDIA's GB300 processors. Microsoft will prepay 20% of the contract value, money
IREN said will help fund a roughly $5.8 billion equipment order with Dell. The contract can be terminated if IREN
misses its delivery timelines.
""",
    ["Microsoft", "IREN", "Dell"], provider="IREN", customer="Microsoft",
    value=(9.7 * B, True, "five-year, $9.7 billion cloud services contract"),
    term=(60, "five-year, $9.7 billion cloud services contract"),
    chips=(["GB300"], "GB300 processors"),
    relations=[rel("purchase", "Microsoft", "IREN", 9.7 * B, True, "Microsoft has signed a five-year, $9.7 billion cloud services contract"),
               rel("prepayment", "Microsoft", "IREN", 1.94 * B, True, "Microsoft will prepay 20% of the contract value"),
               rel("purchase", "IREN", "Dell", 5.8 * B, True, "a roughly $5.8 billion equipment order with Dell")],
    sources=["https://www.wionews.com/business-economy/microsoft-signs-9-7-billion-deal-with-iren-to-advance-ai-push-full-details-1762188951985", "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal"])

# ---------------------------------------------------------------- Oracle and Meta
doc("oracle-meta_wire-20bn-talks_2025-09.txt", "news wire", "2025-09-19", "oracle-meta-2025",
    """
Oracle in talks on $20 billion AI cloud deal with Meta

Sept 19 (DealWire) - Oracle is negotiating a multiyear cloud computing agreement with Meta Platforms worth about
$20 billion, people familiar with the matter said. Under the proposed deal Oracle would provide Meta with
computing capacity to train and deploy AI models; the amount could grow and terms are still being negotiated.
""",
    ["Oracle", "Meta"], provider="Oracle", customer="Meta",
    value=(20 * B, False, "worth about\n$20 billion"),
    relations=[rel("purchase", "Meta", "Oracle", 20 * B, False, "Oracle would provide Meta with\ncomputing capacity")],
    sources=["https://www.cosmico.org/oracle-and-meta-discuss-20-billion-ai-cloud-deal", "https://www.mexc.fm/en-TR/news/oracle-is-in-talks-with-meta-over-a-20-billion-cloud-computing-agreement/103153"])

# ---------------------------------------------------------------- NVIDIA and Intel
doc("nvidia-intel_press-release-5bn-investment_2025-09.txt", "press release", "2025-09-18", "nvidia-intel-2025",
    """
NVIDIA and Intel to Develop AI Infrastructure and Personal Computing Products

SANTA CLARA, Calif., Sept. 18, 2025 -- NVIDIA and Intel today announced a collaboration to jointly develop
multiple generations of custom data center and PC products. For data centers, Intel will build NVIDIA-custom x86
CPUs that NVIDIA will integrate into its AI infrastructure platforms. NVIDIA will also invest $5 billion in Intel
common stock at a purchase price of $23.28 per share, subject to customary closing conditions and regulatory
approvals.
""",
    ["NVIDIA", "Intel"], provider="Intel", customer="NVIDIA",
    value=(5 * B, True, "invest $5 billion in Intel"),
    relations=[rel("equity", "NVIDIA", "Intel", 5 * B, True, "NVIDIA will also invest $5 billion in Intel\ncommon stock"),
               rel("purchase", "NVIDIA", "Intel", None, True, "Intel will build NVIDIA-custom x86\nCPUs")],
    sources=["https://americanistpress.com/nvidia-invests-5-billion-in-intel-as-china-bans-their-chip-and-u-s-questions-chinese-involvement", "https://www.dailyledger.net/2025/09/18/nvidia-to-become-one-of-intels-biggest-shareholders-with-new-investment-technology-news"],
    notes="$23.28 is a per-share price, not the deal's value.")

doc("intel_8k-item-1-01-nvidia-securities-purchase_2025-12.txt", "8-K item", "2025-12-29", "nvidia-intel-2025",
    """
Item 3.02 Unregistered Sales of Equity Securities.

On December 26, 2025, Intel Corporation (the "Company") completed the issuance and sale of 214,776,632 shares of
its common stock to NVIDIA Corporation in a private placement under the securities purchase agreement dated
September 18, 2025, at a price of $23.28 per share, for aggregate consideration of approximately $5.0 billion.
The sale followed the expiration of the waiting period under the Hart-Scott-Rodino Act. The shares carry no
special governance rights.
""",
    ["Intel", "NVIDIA"],
    value=(5 * B, True, "aggregate consideration of approximately $5.0 billion"),
    relations=[rel("equity", "NVIDIA", "Intel", 5 * B, True, "completed the issuance and sale of 214,776,632 shares of\nits common stock to NVIDIA Corporation")],
    sources=["https://www.tradingpedia.com/2025/12/29/nvidia-completes-5-billion-strategic-investment-in-intel/", "https://particle.news/story/nvidia-closes-5-billion-intel-stake-formalizing-4-holding-and-chip-partnership"],
    notes="$23.28 is a per-share price.")

# ---------------------------------------------------------------- xAI and NVIDIA
doc("xai-nvidia_wire-spv-financing_2025-10.txt", "news wire", "2025-10-08", "xai-nvidia-spv-2025",
    """
xAI lines up $20 billion, with NVIDIA backing a chip-buying vehicle

Oct 8 (DealWire) - Elon Musk's xAI is raising $20 billion through a special purpose vehicle that will buy NVIDIA
processors and rent them to xAI for five years for its Colossus 2 data center in Memphis, people familiar with
the plans said. The package is expected to comprise about $7.5 billion of equity and up to $12.5 billion of
debt. NVIDIA is expected to put as much as $2 billion into the equity portion. The financing has not closed.
""",
    ["xAI", "NVIDIA", "xAI SPV"], provider="xAI SPV", customer="xAI",
    value=(20 * B, False, "raising $20 billion"),
    term=(60, "for five years"),
    relations=[rel("equity", "NVIDIA", "xAI SPV", 2 * B, False, "NVIDIA is expected to put as much as $2 billion into the equity portion"),
               rel("purchase", "xAI SPV", "NVIDIA", None, False, "a special purpose vehicle that will buy NVIDIA\nprocessors"),
               rel("lease", "xAI", "xAI SPV", None, False, "rent them to xAI for five years")],
    sources=["https://daijiworld.com/index.php/news/newsDisplay?newsID=1294499", "https://seeflection.com/25620/nvidia-to-supply-gpus-to-musks-ai-startup", "https://artificialintelligencenews.in/xai-ramps-up-20b-funding-round-with-nvidias-2b-gpu-investment-for-colossus-2"])


# ---------------------------------------------------------------- the expected graph
LOOPS = [
    dict(id="nvidia-coreweave-equity", structure="vendor equity for purchases",
         path=["NVIDIA", "CoreWeave", "NVIDIA"], kinds=["equity", "purchase"],
         docs=["coreweave-nvidia_wire-early-equity_2025-03.txt", "nvidia-coreweave_press-release-2bn-investment_2026-01.txt"]),
    dict(id="nvidia-coreweave-capacity", structure="capacity bought back from the customer",
         path=["NVIDIA", "CoreWeave", "NVIDIA"], kinds=["purchase", "purchase"],
         docs=["coreweave_8k-item-1-01-nvidia-capacity-order_2025-09.txt", "nvidia-coreweave_wire-unsold-capacity_2025-09.txt", "coreweave-nvidia_wire-project-osprey_2025-03.txt"]),
    dict(id="nvidia-lambda-leaseback", structure="capacity bought back from the customer",
         path=["NVIDIA", "Lambda", "NVIDIA"], kinds=["purchase", "purchase"],
         docs=["nvidia-lambda_wire-leaseback_2025-09.txt"]),
    dict(id="nvidia-openai-equity", structure="vendor equity for purchases",
         path=["NVIDIA", "OpenAI", "NVIDIA"], kinds=["equity", "purchase"],
         docs=["openai-nvidia_press-release-letter-of-intent_2025-09.txt", "nvidia-openai_wire-100bn-staged-investment_2025-09.txt"]),
    dict(id="nvidia-openai-coreweave", structure="vendor equity for purchases",
         path=["NVIDIA", "OpenAI", "CoreWeave", "NVIDIA"], kinds=["equity", "purchase", "purchase"],
         docs=["openai-nvidia_press-release-letter-of-intent_2025-09.txt", "coreweave-openai_press-release-11-9bn-contract_2025-03.txt", "nvidia-coreweave_press-release-2bn-investment_2026-01.txt"]),
    dict(id="microsoft-openai-azure", structure="vendor equity for purchases",
         path=["Microsoft", "OpenAI", "Microsoft"], kinds=["equity", "purchase"],
         docs=["microsoft-openai_wire-multiyear-investment_2023-01.txt", "microsoft-openai_press-release-recapitalization_2025-10.txt", "microsoft_8k-item-8-01-openai-agreement_2025-10.txt"]),
    dict(id="amd-openai-warrant", structure="warrants for purchases",
         path=["AMD", "OpenAI", "AMD"], kinds=["warrant", "purchase"],
         docs=["amd-openai_press-release-6gw-warrant_2025-10.txt", "amd_8k-item-1-01-openai-warrant_2025-10.txt"]),
    dict(id="amazon-anthropic", structure="vendor equity for purchases",
         path=["Amazon", "Anthropic", "Amazon"], kinds=["equity", "purchase"],
         docs=["amazon-anthropic_press-release-up-to-4bn_2023-09.txt", "amazon-anthropic_wire-further-4bn_2024-11.txt"]),
    dict(id="google-anthropic", structure="vendor equity for purchases",
         path=["Google", "Anthropic", "Google"], kinds=["equity", "purchase"],
         docs=["google-anthropic_wire-3bn-stake_2025-01.txt", "anthropic-google_press-release-one-million-tpus_2025-10.txt"]),
    dict(id="microsoft-anthropic", structure="vendor equity for purchases",
         path=["Microsoft", "Anthropic", "Microsoft"], kinds=["equity", "purchase"],
         docs=["microsoft-nvidia-anthropic_press-release-30bn-azure_2025-11.txt", "anthropic-microsoft_wire-azure-commitment_2025-11.txt"]),
    dict(id="nvidia-nebius", structure="vendor equity for purchases",
         path=["NVIDIA", "Nebius", "NVIDIA"], kinds=["equity", "purchase"],
         docs=["nebius_wire-700m-private-placement-nvidia_2024-12.txt"]),
    dict(id="nvidia-xai-spv", structure="vendor equity for purchases",
         path=["NVIDIA", "xAI SPV", "NVIDIA"], kinds=["equity", "purchase"],
         docs=["xai-nvidia_wire-spv-financing_2025-10.txt"]),
    dict(id="google-terawulf-fluidstack", structure="backstop for warrants (related-party credit support, not vendor financing)",
         path=["Google", "Fluidstack", "TeraWulf", "Google"], kinds=["backstop", "lease", "warrant"],
         docs=["terawulf-fluidstack_press-release-google-backstop_2025-08.txt", "terawulf_8k-item-1-01-fluidstack-leases_2025-08.txt", "terawulf_8k-item-1-01-cb5-google-backstop_2025-08.txt"]),
    dict(id="google-cipher-fluidstack", structure="backstop for warrants (related-party credit support, not vendor financing)",
         path=["Google", "Fluidstack", "Cipher Mining", "Google"], kinds=["backstop", "lease", "warrant"],
         docs=["cipher-fluidstack_press-release-barber-lake_2025-09.txt"]),
    dict(id="meta-hyperion", structure="sale-leaseback (assets sold to a joint venture and leased back)",
         path=["Meta", "Hyperion JV", "Meta"], kinds=["lease", "distribution"],
         docs=["meta-blueowl_press-release-hyperion-jv_2025-10.txt", "meta_8k-item-2-03-hyperion-jv_2025-10.txt"]),
]

NOT_LOOPS = [
    dict(id="hut8-fluidstack-google", why="Google backstops Fluidstack's lease but receives no warrants from Hut 8: credit support, no loop.",
         docs=["hut8-fluidstack_wire-river-bend-lease_2025-12.txt"]),
    dict(id="nvidia-intel", why="NVIDIA both invests in Intel and buys CPUs from it: money flows one way.",
         docs=["nvidia-intel_press-release-5bn-investment_2025-09.txt"]),
    dict(id="openai-coreweave-equity", why="OpenAI buys from CoreWeave and also holds CoreWeave equity: both flows go from OpenAI to CoreWeave.",
         docs=["coreweave-openai_press-release-11-9bn-contract_2025-03.txt"]),
]


def locked(name):
    """Same rule as AnnouncementCorpus.IsLocked in C#: FNV-1a 32 of the file name, a third of the buckets."""
    return fnv1a32(name) % 3 == 0


def main():
    errors = []
    names = set()
    for d in DOCS:
        if d["name"] in names:
            errors.append(f"duplicate name {d['name']}")
        names.add(d["name"])
        text = d["text"]
        quotes = []
        if d["value"]:
            quotes.append(d["value"][2])
        if d["term"]:
            quotes.append(d["term"][1])
        if d["minimum"][2]:
            quotes.append(d["minimum"][2])
        if d["take_or_pay"][1]:
            quotes.append(d["take_or_pay"][1])
        if d["chips"][1]:
            quotes.append(d["chips"][1])
        quotes.extend(r[5] for r in d["relations"])
        for q in quotes:
            if q not in text:
                errors.append(f"{d['name']}: quote not in text: {q!r}")
        for p in [d["provider"], d["customer"]]:
            if p and p not in d["parties"]:
                errors.append(f"{d['name']}: role {p} not among parties")
    for loop in LOOPS + NOT_LOOPS:
        for name in loop["docs"]:
            if name not in names:
                errors.append(f"loop {loop['id']}: unknown doc {name}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)

    for f in os.listdir(HERE):
        if f.endswith(".txt"):
            os.remove(os.path.join(HERE, f))
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        for d in DOCS:
            with open(os.path.join(HERE, d["name"]), "w", encoding="utf-8", newline="\n") as f:
                f.write(d["text"])
            label = {
                "doc": d["name"], "kind": d["kind"], "date": d["date"], "deal": d["deal"], "locked": locked(d["name"]),
                "parties": d["parties"], "provider": d["provider"], "customer": d["customer"],
                "total_value": None if d["value"] is None else {"usd": d["value"][0], "binding": d["value"][1], "quote": d["value"][2]},
                "term_months": None if d["term"] is None else {"value": d["term"][0], "quote": d["term"][1]},
                "minimum_commitment": {"present": d["minimum"][0], "usd": d["minimum"][1], "quote": d["minimum"][2]},
                "take_or_pay": {"present": d["take_or_pay"][0], "quote": d["take_or_pay"][1]},
                "chips": {"value": d["chips"][0], "quote": d["chips"][1]},
                "relations": [dict(kind=r[0], **{"from": r[1]}, to=r[2], usd=r[3], binding=r[4], quote=r[5], **r[6]) for r in d["relations"]],
                "notes": d["notes"],
            }
            out.write(json.dumps(label, ensure_ascii=False) + "\n")

    relations = []
    for d in DOCS:
        for r in d["relations"]:
            relations.append(dict(kind=r[0], **{"from": r[1]}, to=r[2], usd=r[3], binding=r[4], deal=d["deal"], doc=d["name"], quote=r[5], **r[6]))
    graph = {"companies": sorted({p for d in DOCS for p in d["parties"]}), "relations": relations, "loops": LOOPS, "not_loops": NOT_LOOPS}
    with open(os.path.join(HERE, "expected-graph.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(graph, f, ensure_ascii=False, indent=1)
        f.write("\n")

    with open(os.path.join(HERE, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Sources of the announcement corpus\n\n")
        f.write("Every document here was written by the DealLens team in its own words from the public facts reported at the\n")
        f.write("addresses below (stored copies of press coverage and filings). No prose was copied. A document may simplify a\n")
        f.write("date or round a figure the way a wire summary would; the labels describe what our text says.\n\n")
        for d in DOCS:
            f.write(f"## {d['name']}\n- Kind: {d['kind']}, dated {d['date']}; deal `{d['deal']}`\n")
            for s in d["sources"]:
                f.write(f"- {s}\n")
            f.write("\n")

    deals = {d["deal"] for d in DOCS}
    companies = {p for d in DOCS for p in d["parties"]}
    lock_count = sum(1 for d in DOCS if locked(d["name"]))
    print(f"{len(DOCS)} documents, {len(deals)} deals, {len(companies)} companies, {len(relations)} relations, "
          f"{len(LOOPS)} loops; locked {lock_count}, dev {len(DOCS) - lock_count}")


if __name__ == "__main__":
    main()
