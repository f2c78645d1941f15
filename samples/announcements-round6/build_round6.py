#!/usr/bin/env python3
"""Writes the sixth announcement batch (issue 18 items 3, 4, 5, 7 and the deal-term fields of part c): one .txt per
document, labels.jsonl (deal-term fields like samples/announcements, relations and concentration facts like batch 5),
expected-graph.json and SOURCES.md, and fails when a labelled quote is not an exact substring of its document.

Written in our own words from public facts (SOURCES.md) on deals the first five batches do not tell, and labelled
BEFORE any reader was run on it. Shapes: 8-K items with defined terms ("the Purchaser", "the Company"), 10-K notes and
an S-1 risk factor disclosing revenue concentration (named customers, "Customer A", "two customers", "ten largest
customers"), power purchase agreements with terms in years, amounts in words, "up to", letters of intent, per-share
prices beside the deal's amount, role nouns ("the chipmaker", "the utility"), passives, analyst notes, and look-alikes.
Locked part: FNV-1a-32(UTF-8 file name) % 2 == 0 (half; `AnnouncementCorpus.IsLockedRound6`).
Run: python3 samples/announcements-round6/build_round6.py
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from corpus_build import B, M, Batch, rel, conc, terms, write_batch  # noqa: E402

BATCH = Batch(with_concentration=True)
DOCS = BATCH.docs
doc = BATCH.doc

# ------------------------------------------------------------------ Constellation and Microsoft (Crane): money one way
doc("constellation-microsoft_press-release-crane-20-year-ppa_2024-09.txt", "press release", "2024-09-20", """
Constellation Signs Power Agreement with Microsoft to Restart Three Mile Island Unit 1

BALTIMORE, Sept. 20, 2024 -- Constellation Energy Corporation (Nasdaq: CEG) today announced a 20-year power purchase
agreement with Microsoft Corporation that will bring the shuttered Three Mile Island Unit 1 back into service as the
Crane Clean Energy Center. Under the agreement, Microsoft will buy the energy produced by the restarted plant, about
835 megawatts, to match the power its data centers use in the PJM region with carbon-free electricity.

Constellation expects to spend approximately $1.6 billion on the restart, including a new turbine, generator and
cooling systems, and plans to bring the unit online in 2028, subject to approval by the Nuclear Regulatory Commission.
""", [
    rel("purchase", "Microsoft", "Constellation Energy", None, True, "Microsoft will buy the energy produced by the restarted plant"),
], ["https://stocktitan.net/news/CEG/constellation-to-launch-crane-clean-energy-center-restoring-jobs-and-oe80c18d6860.html",
    "https://cryptoglobe.com/latest/2024/09/first-ever-nuclear-plant-revival-in-the-us-how-microsoft-plans-to-power-its-data-centers"],
    terms=terms("microsoft-constellation-crane", ["Constellation Energy", "Microsoft"], "Constellation Energy", "Microsoft",
                term=(240, "20-year power purchase\nagreement"),
                minimum=(None, "Microsoft will buy the energy produced by the restarted plant"),
                notes="$1.6 billion is the seller's own restart spending, not the deal's value."))

doc("microsoft-constellation_wire-utility-revives-reactor_2024-09.txt", "news wire", "2024-09-20", """
Microsoft to take all the power from revived Three Mile Island reactor

HARRISBURG, Pa., Sept 20 (DealWire) - The utility that owns Three Mile Island will reopen its undamaged Unit 1 reactor
on the strength of a single customer. Microsoft has signed up for the plant's entire output for two decades, the
company said, and the reactor's operator will put roughly one point six billion dollars of its own money into the
restart. Terms of the power price were not disclosed. The unit, renamed after the utility's former chief executive
Chris Crane, is expected to run again in 2028.
""", [
    rel("purchase", "Microsoft", "Constellation Energy", None, True, "Microsoft has signed up for the plant's entire output for two decades"),
], ["https://www.finanzen.at/nachrichten/aktien/constellation-enters-20-year-power-purchase-agreement-with-microsoft-quick-facts-1033786082",
    "https://orrick.com/News/2024/10/Carbon-Free-Energy-Microsoft-Signs-20-Year-PPA-with-Constellation"],
    terms=terms("microsoft-constellation-crane", ["Microsoft", "Constellation Energy"], "Constellation Energy", "Microsoft",
                term=(240, "for two decades"),
                minimum=(None, "Microsoft has signed up for the plant's entire output"),
                notes="The wire names the seller only as 'the utility'; the restart spending is not the deal's value."))

# ------------------------------------------------------------------ Meta and Constellation (Clinton): money one way
doc("meta-constellation_wire-clinton-1121mw-from-2027_2025-06.txt", "news wire", "2025-06-03", """
Meta signs first nuclear deal, keeping Illinois plant open

CHICAGO, June 3 (DealWire) - Meta Platforms has agreed to buy the output of Constellation Energy's Clinton nuclear
plant in Illinois for 20 years starting in June 2027, when the state's zero-emission credits run out. The contract
covers 1,121 megawatts, including a 30-megawatt uprate the operator will add. Constellation said the plant pays about
$13.5 million a year in local taxes and supports 1,100 jobs. Neither company gave the price Meta will pay.
""", [
    rel("purchase", "Meta", "Constellation Energy", None, True, "Meta Platforms has agreed to buy the output of Constellation Energy's Clinton nuclear\nplant"),
], ["https://esgnews.com/meta-and-constellation-secure-20-year-nuclear-power-deal-to-sustain-clinton-clean-energy-center/",
    "https://www.bicmagazine.com/projects-expansions/renewable-sustainability-h2-esg/constellation-meta-sign-20-year-nuclear-energy-deal/"],
    terms=terms("meta-constellation-clinton", ["Meta", "Constellation Energy"], "Constellation Energy", "Meta",
                term=(240, "for 20 years starting in June 2027"),
                minimum=(None, "Meta Platforms has agreed to buy the output"),
                notes="$13.5 million is the plant's annual local tax, not the deal's value."))

# ------------------------------------------------------------------ Google and Brookfield (hydro): money one way
doc("brookfield-google_press-release-hydro-framework-3000mw_2025-07.txt", "press release", "2025-07-15", """
Brookfield and Google Sign Hydro Framework Agreement for up to 3,000 MW in the United States

NEW YORK, July 15, 2025 -- Brookfield Asset Management and Brookfield Renewable today announced a Hydro Framework
Agreement with Google under which Google may contract for up to 3,000 megawatts of carbon-free hydroelectric capacity
from Brookfield plants that are relicensed or upgraded.

The first contracts signed under the framework are 20-year power purchase agreements for the Holtwood and Safe Harbor
plants in Pennsylvania, 670 megawatts in all, representing more than $3 billion of power that Google will buy for its
operations in the PJM market.
""", [
    rel("purchase", "Google", "Brookfield", 3 * B, True, "more than $3 billion of power that Google will buy"),
], ["https://www.stocktitan.net/news/BAM/brookfield-and-google-sign-hydro-framework-agreement-to-deliver-up-1fo304j3w9vz.html",
    "https://www.power-technology.com/news/google-brookfield-hydroelectric-power"],
    terms=terms("google-brookfield-hydro", ["Brookfield", "Google"], "Brookfield", "Google",
                value=(3 * B, True, "more than $3 billion of power"),
                term=(240, "20-year power purchase agreements"),
                minimum=(3 * B, "more than $3 billion of power that Google will buy")))

doc("google-brookfield_wire-three-billion-for-pennsylvania-dams_2025-07.txt", "news wire", "2025-07-15", """
Google commits over three billion dollars to Brookfield hydropower

TORONTO, July 15 (DealWire) - Pennsylvania's Holtwood and Safe Harbor dams will sell their power to Google for the next
two decades. The search company is paying more than three billion dollars for the electricity under the first two
contracts of a wider framework with the Canadian asset manager, which could grow to as much as 3 gigawatts across the
mid-Atlantic and Midwest. Brookfield will keep supplying Amtrak from Safe Harbor.
""", [
    rel("purchase", "Google", "Brookfield", 3 * B, True, "The search company is paying more than three billion dollars for the electricity"),
], ["https://usaherald.com/brookfield-google-unveil-3b-hydropower-deal",
    "https://energymagz.com/37692/google-and-brookfield-sign-landmark-deal-for-u-s-carbon-free-hydropower-supply"],
    terms=terms("google-brookfield-hydro", ["Google", "Brookfield"], "Brookfield", "Google",
                value=(3 * B, True, "more than three billion dollars"),
                term=(240, "for the next\ntwo decades"),
                minimum=(3 * B, "The search company is paying more than three billion dollars")))

# ------------------------------------------------------------------ Brookfield and Bloom Energy: "up to"
doc("brookfield-bloom_wire-up-to-5bn-fuel-cells_2025-10.txt", "news wire", "2025-10-13", """
Brookfield to put up to $5 billion into Bloom fuel cells for AI factories

NEW YORK, Oct 13 (DealWire) - Brookfield Asset Management will invest up to $5 billion to deploy Bloom Energy's
solid-oxide fuel cells at AI data centers, the first commitment of its new AI infrastructure strategy. The money will
be spent site by site as projects are chosen; the first, in Europe, is due to be named before the end of the year.
The fuel-cell maker already powers sites for Oracle and Equinix.
""", [
    rel("purchase", "Brookfield", "Bloom Energy", 5 * B, False, "Brookfield Asset Management will invest up to $5 billion to deploy Bloom Energy's\nsolid-oxide fuel cells"),
], ["https://ceo-na.com/news/brookfield-and-bloom-energy-announce-5-billion-ai-infrastructure-partnership",
    "https://m.getcoai.com/?p=91468"],
    terms=terms("brookfield-bloom-2025", ["Brookfield", "Bloom Energy"], "Bloom Energy", "Brookfield",
                value=(5 * B, False, "up to $5 billion"),
                notes="Spent site by site as projects are chosen: no commitment."))

# ------------------------------------------------------------------ Oracle, AMD, OpenAI: warrants for purchases through a cloud
doc("oracle-amd_press-release-50000-mi450-supercluster_2025-10.txt", "press release", "2025-10-14", """
Oracle and AMD Expand Partnership with an AI Supercluster of 50,000 AMD Instinct MI450 GPUs

AUSTIN, Texas, Oct. 14, 2025 -- Oracle Corporation and AMD today announced that Oracle Cloud Infrastructure will offer
an AI supercluster built on AMD Instinct MI450 Series GPUs. Oracle
will deploy 50,000 of the GPUs, bought from AMD, starting in the third quarter of 2026, with further expansion in 2027
and beyond. The racks use AMD's Helios design, in which 72 GPUs work as one system. The companies did not disclose the
value of the order.
""", [
    rel("purchase", "Oracle", "AMD", None, True, "Oracle\nwill deploy 50,000 of the GPUs, bought from AMD"),
], ["https://www.techzine.eu/news/infrastructure/135421/oracle-to-deploy-50000-amd-chips-for-ai-workloads/",
    "https://localnewswave.com/article/1030587278630940672"],
    terms=terms("oracle-amd-mi450", ["Oracle", "AMD"], "AMD", "Oracle",
                chips=(["MI450"], "AMD Instinct MI450 Series GPUs")))

doc("amd-oracle-openai_analyst-note-shares-chips-and-cloud_2025-10.txt", "analyst note", "2025-10-15", """
Desk note: the MI450 goes round in a circle

Oracle's order for 50,000 MI450 accelerators adds a third leg to two deals struck this autumn. OpenAI pays Oracle for
cloud capacity under its five-year contract; Oracle now pays AMD for the chips that will fill some of that capacity;
and AMD has handed OpenAI a warrant for up to 160 million of its shares, vesting as OpenAI's AMD deployments grow.
The chipmaker's equity thus sits with the end customer whose cloud bills fund the chipmaker's next order.
""", [
    rel("purchase", "OpenAI", "Oracle", None, True, "OpenAI pays Oracle for\ncloud capacity"),
    rel("purchase", "Oracle", "AMD", None, True, "Oracle now pays AMD for the chips"),
    rel("warrant", "AMD", "OpenAI", None, True, "AMD has handed OpenAI a warrant for up to 160 million of its shares"),
], ["https://www.smbom.com/news/45820",
    "https://aistify.com/oracle-amd-50000-ai-chips-nvidia-competition/amp"],
    terms=terms("oracle-amd-mi450", ["Oracle", "AMD", "OpenAI"], None, None,
                chips=(["MI450"], "MI450 accelerators")))

# ------------------------------------------------------------------ AMD, ZT Systems, Sanmina: a business sold to the supplier that builds for the seller
doc("amd_8k-item-2-01-zt-systems-completion_2025-03.txt", "8-K item", "2025-03-31", """
Item 2.01 Completion of Acquisition or Disposition of Assets.

On March 31, 2025, Advanced Micro Devices, Inc. (the "Company") completed its previously announced acquisition of
ZT Systems ("ZT Systems"), a provider of AI infrastructure for hyperscale computing companies, under the agreement
announced in August 2024. The aggregate consideration paid by the Company was approximately
$4.9 billion.

The Company intends to retain ZT Systems' rack-scale design and customer enablement teams and to seek a strategic
partner to acquire ZT Systems' data center infrastructure manufacturing business.
""", [
    rel("acquisition", "AMD", "ZT Systems", 4.9 * B, True, "The aggregate consideration paid by the Company was approximately\n$4.9 billion"),
], ["https://www.silicon.co.uk/cloud/ai/amd-sanmina-zt-ai-614623",
    "https://ginlix.ai/news/90-AMD-Completes-ZT-Systems-Manufacturing-Divestiture-to-Sanmina-in-Strategic-AI-Infrastructure-Partnership"],
    terms=terms("amd-zt-systems", ["AMD", "ZT Systems"], None, None,
                value=(4.9 * B, True, "$4.9 billion")))

doc("amd-sanmina_press-release-zt-manufacturing-3bn_2025-05.txt", "press release", "2025-05-19", """
AMD to Divest ZT Systems Manufacturing Business to Sanmina

SANTA CLARA, Calif., May 19, 2025 -- AMD (NASDAQ: AMD) today announced a definitive agreement under which Sanmina
Corporation will acquire the data center infrastructure manufacturing business of ZT Systems from AMD for $3 billion
in cash and stock, including a contingent payment of up to $450 million based on the business's results over three
years. Sanmina will pay $2.25 billion in cash at closing plus a $300 million premium, half in cash and half in
Sanmina shares.

As part of the transaction Sanmina becomes a preferred new product introduction manufacturing partner for AMD, which
will have Sanmina build its cloud rack and cluster-scale AI systems. AMD keeps ZT Systems' design and customer
enablement teams. The transaction is expected to close by the end of 2025.
""", [
    rel("acquisition", "Sanmina", "AMD", 3 * B, True, "Sanmina\nCorporation will acquire the data center infrastructure manufacturing business of ZT Systems from AMD"),
    rel("purchase", "AMD", "Sanmina", None, True, "will have Sanmina build its cloud rack and cluster-scale AI systems"),
], ["https://www.stocktitan.net/news/AMD/amd-announces-agreement-to-divest-zt-systems-data-center-wgp078iob0c6.html",
    "https://evertiq.com/news/2025-05-19-sanmina-to-acquire-zt-systems-manufacturing-arm-from-amd-in-3-billion-deal"],
    terms=terms("amd-sanmina-2025", ["AMD", "Sanmina"], None, None,
                value=(3 * B, True, "$3 billion\nin cash and stock"),
                notes="The $450 million contingent payment is part of the $3 billion; an acquisition price is not a purchase "
                      "commitment (as equity purchases in samples/announcements); 'over three years' is the earn-out's period."))

doc("sanmina-amd_wire-factory-bought-by-its-customer_2025-05.txt", "news wire", "2025-05-19", """
Sanmina buys the AI server plants AMD never wanted to keep

SAN JOSE, May 19 (DealWire) - The server factories that came with AMD's purchase of ZT Systems have been sold again,
less than two months after that deal closed. They were bought by Sanmina, the contract manufacturer, for as much as
three billion dollars. The buyer gets more than plants: AMD will turn to it first to build the racks for its Instinct
GPUs, so much of the price is likely to come back to the contract manufacturer as orders from the chipmaker.
""", [
    rel("acquisition", "Sanmina", "AMD", 3 * B, False, "They were bought by Sanmina, the contract manufacturer, for as much as\nthree billion dollars"),
    rel("purchase", "AMD", "Sanmina", None, True, "AMD will turn to it first to build the racks for its Instinct\nGPUs"),
], ["https://www.ic-pcb.com/amd-to-sell-zt-systems-server-manufacturing-unit-to-sanmina-for-3-billion---ic-manufacturing.html",
    "https://cloudnews.tech/amd-concludes-the-sale-of-zt-systems-manufacturing-to-sanmina-and-doubles-down-on-rack-scale-ai-systems"],
    terms=terms("amd-sanmina-2025", ["Sanmina", "AMD"], None, None,
                value=(3 * B, False, "as much as\nthree billion dollars")))

# ------------------------------------------------------------------ Intel's new holders: money one way
doc("softbank-intel_press-release-2bn-common-stock_2025-08.txt", "press release", "2025-08-18", """
SoftBank Group to Invest $2 Billion in Intel

TOKYO and SANTA CLARA, Calif., Aug. 18, 2025 -- SoftBank Group Corp. and Intel Corporation today announced a
definitive securities purchase agreement under which SoftBank will make a $2 billion investment in Intel common stock.
SoftBank will pay $23 per share. The investment is subject to customary closing conditions and would make SoftBank one
of Intel's largest shareholders, with about 2% of the company.
""", [
    rel("equity", "SoftBank", "Intel", 2 * B, True, "SoftBank will make a $2 billion investment in Intel common stock"),
], ["https://evertiq.com/design/2025-08-19-softbank-to-invest-usd-2-billion-in-intel",
    "https://globalbizmag.com/softbank-group-to-invest-2-billion-in-intel/amp"],
    terms=terms("softbank-intel-2025", ["SoftBank", "Intel"], None, None,
                value=(2 * B, True, "a $2 billion investment"),
                notes="$23 is a per-share price."))

doc("intel_8k-item-1-01-us-government-stake_2025-08.txt", "8-K item", "2025-08-22", """
Item 1.01 Entry into a Material Definitive Agreement.

On August 22, 2025, Intel Corporation (the "Company") entered into a Securities Purchase Agreement (the "Agreement")
with the United States government (the "Purchaser"). Under the Agreement the Company agreed to sell, and
the Purchaser agreed to buy, 433.3 million shares of the Company's common stock at a price of $20.47 per share, for an
aggregate purchase price of approximately $8.9 billion, to be funded by $5.7 billion of grants awarded but not yet paid
under the CHIPS Act and $3.2 billion awarded under the Secure Enclave program.

Item 3.02 Unregistered Sales of Equity Securities.

The Company also issued to the Purchaser a warrant (the "Warrant") to purchase up to an additional 5% of the
Company's outstanding common stock at an exercise price of $20.00 per share, exercisable only if the Company ceases
to own at least 51% of its foundry business. The Warrant has a term of five years.
""", [
    rel("equity", "U.S. Government", "Intel", 8.9 * B, True, "the Purchaser agreed to buy, 433.3 million shares of the Company's common stock"),
    rel("warrant", "Intel", "U.S. Government", None, True, "The Company also issued to the Purchaser a warrant"),
], ["https://www.devdiscourse.com/article/headlines/3591225-us-government-buys-big-stake-in-intel",
    "https://pulse24.ai/news/2025/8/23/0/us-acquires-intel-equity-stake"],
    terms=terms("us-government-intel-2025", ["Intel", "U.S. Government"], None, None,
                value=(8.9 * B, True, "approximately $8.9 billion"),
                notes="$20.47 and $20.00 are per-share prices; the warrant's 5-year term is not a deal term."))

doc("intel_analyst-note-new-shareholders-no-circle_2025-09.txt", "analyst note", "2025-09-19", """
Desk note: three new owners for Intel, no money coming back

In five weeks Intel has sold stock three times: $2 billion to SoftBank at $23 a share, roughly $8.9 billion to the
U.S. government at $20.47 using grants it had already been awarded, and $5 billion to Nvidia at $23.28. Each buyer
pays Intel; Intel pays none of them. Unlike the vendor-financing circles elsewhere in AI, nothing here returns to the
investors as orders, at least not yet.
""", [
    rel("equity", "SoftBank", "Intel", 2 * B, True, "$2 billion to SoftBank at $23 a share"),
    rel("equity", "U.S. Government", "Intel", 8.9 * B, True, "roughly $8.9 billion to the\nU.S. government"),
    rel("equity", "NVIDIA", "Intel", 5 * B, True, "$5 billion to Nvidia at $23.28"),
], ["https://preview.deepnewz.com/us-domestic-policy/u-s-buys-10-intel-8-9-billion-signals-more-equity-deals-d0f3b44f",
    "https://www.journal-news.com/news/nation-world/japans-softbank-to-take-2-billion-stake-in-computer-chip-maker-intel/JMSSENPIRFOCXFO5HANFJ3SDWI/"],
    terms=terms("intel-holders-2025", ["Intel", "SoftBank", "U.S. Government", "NVIDIA"], None, None,
                notes="Three separate sales of stock; no single deal value."))

# ------------------------------------------------------------------ OpenAI, Samsung, SK hynix: letters of intent
doc("openai-samsung-skhynix_wire-memory-letters-of-intent_2025-10.txt", "news wire", "2025-10-01", """
Samsung, SK Hynix sign letters of intent to supply OpenAI's Stargate

SEOUL, Oct 1 (DealWire) - Samsung Electronics and SK Hynix have signed letters of intent to supply memory chips for
OpenAI's Stargate data centers, after OpenAI chief executive Sam Altman met South Korea's president and the two
groups' chairmen. OpenAI is seeking up to 900,000 DRAM wafers a month by 2029, a presidential adviser said. No price
was disclosed; analysts put the potential orders at more than 100 trillion won. Neither chipmaker is yet bound to sell
any fixed volume, nor is OpenAI bound to buy one.
""", [
    rel("purchase", "OpenAI", "Samsung Electronics", None, False, "Samsung Electronics and SK Hynix have signed letters of intent to supply memory chips"),
    rel("purchase", "OpenAI", "SK hynix", None, False, "Samsung Electronics and SK Hynix have signed letters of intent to supply memory chips"),
], ["https://dunyanews.tv/en/Technology/909531-samsung-sk-hynix-set-to-supply-chips-to-openais-stargate-project",
    "https://jakotaindex.com/top-stories/samsung-sk-hynix-sign-supply-deal-for-openais-stargate-expansion"],
    terms=terms("openai-korea-memory-2025", ["OpenAI", "Samsung Electronics", "SK hynix"], None, "OpenAI",
                notes="An analysts' estimate in won is not a stated deal value; letters of intent bind no one."))

# ------------------------------------------------------------------ Vantage, the banks, Oracle, OpenAI: a chain
doc("vantage-oracle_wire-38bn-debt-for-openai-campuses_2025-10.txt", "news wire", "2025-10-24", """
Banks line up $38 billion for two Vantage campuses that Oracle will run for OpenAI

NEW YORK, Oct 24 (DealWire) - JPMorgan Chase and Mitsubishi UFJ Financial Group are leading a debt package of about
$38 billion for two data center campuses that Vantage Data Centers is building in Shackelford County, Texas and Port
Washington, Wisconsin, people familiar with the matter said. The loans come in two facilities, $23.25 billion for Texas
and $14.75 billion for Wisconsin. Oracle is to lease the campuses and will use them to serve OpenAI, which has agreed
to rent another 4.5 gigawatts of capacity from Oracle. The banks plan to sell much of the debt on to other lenders.
""", [
    rel("loan", "JPMorgan", "Vantage Data Centers", 38 * B, False, "JPMorgan Chase and Mitsubishi UFJ Financial Group are leading a debt package of about\n$38 billion"),
    rel("loan", "MUFG", "Vantage Data Centers", 38 * B, False, "JPMorgan Chase and Mitsubishi UFJ Financial Group are leading a debt package of about\n$38 billion"),
    rel("lease", "Oracle", "Vantage Data Centers", None, True, "Oracle is to lease the campuses"),
    rel("purchase", "OpenAI", "Oracle", None, True, "OpenAI, which has agreed\nto rent another 4.5 gigawatts of capacity from Oracle"),
], ["https://fixedincome.fidelity.com/ftgw/fi/FINewsArticle?id=202510240806MIDNIGHTUSEQUITY_A3484119",
    "https://www.idcnova.com/html/1/59/153/3840.html"],
    terms=terms("vantage-banks-2025", ["JPMorgan", "MUFG", "Vantage Data Centers", "Oracle", "OpenAI"], None, None,
                value=(38 * B, False, "about\n$38 billion"),
                minimum=(None, "OpenAI, which has agreed\nto rent another 4.5 gigawatts of capacity from Oracle"),
                notes="Reported by people familiar with the matter before launch: not binding."))

# ------------------------------------------------------------------ concentration notes
doc("arista_10k-note-microsoft-meta-concentration_2026-02.txt", "10-K note", "2026-02-13", """
ARISTA NETWORKS, INC.
FORM 10-K
For the fiscal year ended December 31, 2025

Note 1. Concentration of Credit Risk and Significant Customers

A limited number of end customers buy a large share of our products. Microsoft Corporation accounted for 26% of our
total revenue for the year ended December 31, 2025, and Meta Platforms, Inc. accounted for 16% of our total revenue for
the same year. A reduction in purchases by either of these customers would have a material adverse effect on our results.
""", [
    rel("purchase", "Microsoft", "Arista Networks", None, True, "Microsoft Corporation accounted for 26% of our\ntotal revenue"),
    rel("purchase", "Meta", "Arista Networks", None, True, "Meta Platforms, Inc. accounted for 16% of our total revenue"),
], ["https://up2info.com/corporate-news/bofa-highlights-microsoft-metas-contribution-to-aristas-2025-revenue",
    "https://www.nullexposure.com/customers/anet"],
    concentration=[
        conc("Arista Networks", "Microsoft", 26, "year ended December 31, 2025",
             "Microsoft Corporation accounted for 26% of our\ntotal revenue for the year ended December 31, 2025"),
        conc("Arista Networks", "Meta", 16, "year ended December 31, 2025",
             "Meta Platforms, Inc. accounted for 16% of our total revenue for\nthe same year"),
    ],
    terms=terms("arista-concentration-2025", ["Arista Networks", "Microsoft", "Meta"], "Arista Networks", None))

doc("celestica_10k-note-customer-a-and-b_2025-03.txt", "10-K note", "2025-03-12", """
CELESTICA INC.
FORM 10-K
For the fiscal year ended December 31, 2024

Customer concentration. Our business depends on a small number of customers. In 2024 our ten largest customers
together represented 73% of our revenue. Two customers each represented 10% or more of revenue: Customer A
represented 28% of our revenue for 2024, and Customer B represented 11%. We supply these
customers under master supply agreements that do not commit them to any minimum volume, and most programs run for one
year or less.
""", [], ["https://www.nullexposure.com/customers/cls",
          "https://capedge.com/filing/1030894/0001030894-25-000014/10K-2024FY"],
    concentration=[
        conc("Celestica", "ten largest customers", 73, "2024", "our ten largest customers\ntogether represented 73% of our revenue"),
        conc("Celestica", "Customer A", 28, "2024", "Customer A\nrepresented 28% of our revenue for 2024"),
        conc("Celestica", "Customer B", 11, "2024", "Customer B represented 11%"),
    ],
    terms=terms("celestica-concentration-2024", ["Celestica"], "Celestica", None,
                notes="Master supply agreements without minimum volume: no commitment."))

doc("cerebras_s1-risk-factor-two-customers-and-openai_2026-04.txt", "S-1 risk factor", "2026-04-17", """
CEREBRAS SYSTEMS INC.
FORM S-1 REGISTRATION STATEMENT

Risk Factors

We depend on a small number of customers for substantially all of our revenue. For the year ended December 31, 2025,
our revenue was $510 million, and two customers based in the United Arab Emirates together accounted for 86% of it.
We expect our Master Relationship Agreement with OpenAI, under which we will supply OpenAI with 750 megawatts of
inference compute in phases through 2028 and which we value at more than $20 billion over its term, to make OpenAI
our largest customer. If any of these customers reduces its purchases, our revenue would fall sharply.
""", [
    rel("purchase", "OpenAI", "Cerebras", 20 * B, True, "we will supply OpenAI with 750 megawatts of\ninference compute"),
], ["https://ngtimes.org/2026/05/29/cerebras-files-for-ipo-with-a-customer-concentration-problem",
    "https://ngtimes.org/2026/06/04/cerebras-trades-g42-concentration-for-openai-concentration"],
    concentration=[
        conc("Cerebras", "two customers", 86, "year ended December 31, 2025",
             "two customers based in the United Arab Emirates together accounted for 86% of it"),
    ],
    terms=terms("openai-cerebras-mra", ["Cerebras", "OpenAI"], "Cerebras", "OpenAI",
                value=(20 * B, True, "more than $20 billion"),
                notes="$510 million is the filer's annual revenue, not a deal value; the supplier's duty to supply is not a "
                      "buyer's commitment; 'through 2028' is a delivery schedule."))

doc("arista-hyperscalers_wire-two-buyers-42-percent_2026-02.txt", "news wire", "2026-02-17", """
Two cloud giants bought 42% of Arista's switches last year

SANTA CLARA, Feb 17 (DealWire) - Arista Networks leaned harder on its two biggest buyers in 2025. Microsoft made up
26% of the network-equipment maker's revenue for the year and Meta 16%, the company's annual report showed, up from
the year before as both built out AI clusters. Analysts at BofA said Microsoft's purchases grew by about two-thirds,
mostly switches for the front end of its data centers.
""", [
    rel("purchase", "Microsoft", "Arista Networks", None, True, "Microsoft made up\n26% of the network-equipment maker's revenue"),
    rel("purchase", "Meta", "Arista Networks", None, True, "Meta 16%"),
], ["https://up2info.com/corporate-news/bofa-highlights-microsoft-metas-contribution-to-aristas-2025-revenue"],
    concentration=[
        conc("Arista Networks", "Microsoft", 26, "2025", "Microsoft made up\n26% of the network-equipment maker's revenue for the year"),
        conc("Arista Networks", "Meta", 16, "2025", "Meta 16%"),
    ],
    terms=terms("arista-concentration-2025", ["Arista Networks", "Microsoft", "Meta"], "Arista Networks", None))

doc("nvidia_10q-note-customer-a-b-q2-fy2025_2024-08.txt", "10-Q note", "2024-08-28", """
NVIDIA CORPORATION
FORM 10-Q
For the quarterly period ended July 28, 2024

Notes to Condensed Consolidated Financial Statements - Concentration of Revenue (excerpt)

Revenue by geographic area is based on the billing location of the customer. Sales to two direct customers each
amounted to 10% or more of total revenue for the second quarter of fiscal year 2025: Customer A represented 14% and
Customer B represented 11% of total revenue. Our direct customers include original equipment manufacturers, original design manufacturers, system integrators and
distributors, which in turn sell to cloud providers, consumer internet companies and enterprises.
""", [], ["https://relawanprabowo.net/?p=11406"],
    concentration=[
        conc("NVIDIA", "Customer A", 14, "second quarter of fiscal year 2025", "Customer A represented 14%"),
        conc("NVIDIA", "Customer B", 11, "second quarter of fiscal year 2025",
             "Customer B represented 11% of total revenue"),
    ],
    terms=terms("nvidia-concentration-q2-fy2025", ["NVIDIA"], "NVIDIA", None))

# ------------------------------------------------------------------ Google and Kairos, Amazon and X-energy: nuclear, money one way
doc("google-kairos_press-release-500mw-advanced-reactors_2024-10.txt", "press release", "2024-10-14", """
Google and Kairos Power Partner to Deploy 500 MW of Clean Electricity Generation

MOUNTAIN VIEW, Calif., Oct. 14, 2024 -- Google and Kairos Power today signed a master plant development agreement
under which Google will purchase the energy from a fleet of Kairos Power's small modular molten-salt reactors, 500
megawatts in all, as each plant comes online. The first reactor is expected by 2030 and the full fleet by 2035.
Financial terms were not disclosed.
""", [
    rel("purchase", "Google", "Kairos Power", None, False, "Google will purchase the energy from a fleet of Kairos Power's small modular molten-salt reactors"),
], ["https://www.spglobal.com/market-intelligence/en/news-insights/articles/2024/10/google-kairos-power-to-deploy-500-mw-of-advanced-nuclear-for-datacenters-85745356",
    "https://nsenergybusiness.com/company-news/kairos-power-google-sign-deal-to-deploy-advanced-nuclear-power-in-us"],
    terms=terms("google-kairos-2024", ["Google", "Kairos Power"], "Kairos Power", "Google",
                minimum=(None, "Google will purchase the energy from a fleet of Kairos Power's small modular molten-salt reactors"),
                notes="2030 and 2035 are a delivery schedule, not a term."))

doc("amazon-xenergy_wire-climate-pledge-fund-anchors-500m_2024-10.txt", "news wire", "2024-10-16", """
Amazon anchors $500 million round for reactor maker X-energy

SEATTLE, Oct 16 (DealWire) - X-energy, a developer of small modular reactors, has raised about $500 million in a
Series C-1 round anchored by Amazon's Climate Pledge Fund, with Citadel founder Ken Griffin and others joining. The
retailer also signed agreements to help fund four reactors that Energy Northwest plans to build in Washington state,
and it intends to buy their power once they run. Together the partners aim for more than 5 gigawatts by 2039.
""", [
    rel("equity", "Amazon", "X-energy", None, True, "a\nSeries C-1 round anchored by Amazon's Climate Pledge Fund"),
    rel("purchase", "Amazon", "Energy Northwest", None, False, "it intends to buy their power once they run"),
], ["https://www.oodaloop.com/briefs/2024/10/17/amazon-jumps-on-nuclear-power-bandwagon-by-investing-in-x-energy-and-promising-small-reactors/",
    "https://smr.nucnet.org/news/amazon-buys-stake-in-nuclear-reactor-developer-in-bid-to-power-data-centres-10-4-2024"],
    terms=terms("amazon-xenergy-2024", ["Amazon", "X-energy", "Energy Northwest"], None, None,
                value=(500 * M, True, "about $500 million"),
                notes="'intends to buy' is no commitment; 5 gigawatts by 2039 is a target."))

EXPECTED_LOOPS = [
    ("openai-oracle-amd", "vendor warrants for purchases (through a cloud)", ["AMD", "OpenAI", "Oracle", "AMD"],
     ["amd-oracle-openai_analyst-note-shares-chips-and-cloud_2025-10.txt"]),
    ("openai-oracle-amd-two-docs", "vendor warrants for purchases (through a cloud)", ["AMD", "OpenAI", "Oracle", "AMD"],
     ["oracle-amd_press-release-50000-mi450-supercluster_2025-10.txt", "amd-oracle-openai_analyst-note-shares-chips-and-cloud_2025-10.txt"]),
    ("amd-sanmina", "business sold to a supplier that builds for the seller (capacity bought back)", ["AMD", "Sanmina", "AMD"],
     ["amd-sanmina_press-release-zt-manufacturing-3bn_2025-05.txt"]),
    ("amd-sanmina-wire", "business sold to a supplier that builds for the seller (capacity bought back)", ["AMD", "Sanmina", "AMD"],
     ["sanmina-amd_wire-factory-bought-by-its-customer_2025-05.txt"]),
]
NOT_LOOPS = [
    ("microsoft-crane", "Microsoft buys Constellation's power: one relation.", ["constellation-microsoft_press-release-crane-20-year-ppa_2024-09.txt"]),
    ("microsoft-crane-wire", "The same purchase told with role nouns: one relation.", ["microsoft-constellation_wire-utility-revives-reactor_2024-09.txt"]),
    ("meta-clinton", "Meta buys Constellation's power: one relation.", ["meta-constellation_wire-clinton-1121mw-from-2027_2025-06.txt"]),
    ("google-brookfield", "Google buys Brookfield's hydropower: money one way.", ["brookfield-google_press-release-hydro-framework-3000mw_2025-07.txt", "google-brookfield_wire-three-billion-for-pennsylvania-dams_2025-07.txt"]),
    ("brookfield-bloom", "Brookfield pays Bloom for fuel cells: one relation.", ["brookfield-bloom_wire-up-to-5bn-fuel-cells_2025-10.txt"]),
    ("intel-holders", "SoftBank, the U.S. government and NVIDIA each buy Intel stock; Intel pays none of them back.", ["intel_analyst-note-new-shareholders-no-circle_2025-09.txt", "softbank-intel_press-release-2bn-common-stock_2025-08.txt"]),
    ("intel-government-warrant", "Stock bought and a warrant granted to the same holder: not a purchase loop.", ["intel_8k-item-1-01-us-government-stake_2025-08.txt"]),
    ("vantage-chain", "Banks lend to Vantage, Oracle leases from Vantage, OpenAI rents from Oracle: a chain.", ["vantage-oracle_wire-38bn-debt-for-openai-campuses_2025-10.txt"]),
    ("openai-korea-memory", "OpenAI's letters of intent with two memory makers: purchases only.", ["openai-samsung-skhynix_wire-memory-letters-of-intent_2025-10.txt"]),
    ("amd-zt", "AMD buys ZT Systems: one relation.", ["amd_8k-item-2-01-zt-systems-completion_2025-03.txt"]),
    ("amazon-xenergy", "Amazon invests in X-energy and intends to buy power from Energy Northwest: money one way.", ["amazon-xenergy_wire-climate-pledge-fund-anchors-500m_2024-10.txt"]),
]


def main():
    header = ("# Sources of the sixth announcement batch\n\nEvery document is written in our own words; the pages below "
              "gave the facts (who, what, amounts, dates, shares of revenue) only. Where a page gave no exact figure, the "
              "text says so (\"about\", \"more than\", \"as much as\"). Datelines are those of the reports; filings "
              "carry the date they were filed or the event they report. The wording of the filing excerpts (8-K items, "
              "10-K notes, the S-1 risk factor) is ours: it states the disclosed figures in the shapes such filings use.")
    return 1 if write_batch(HERE, DOCS, EXPECTED_LOOPS, NOT_LOOPS, 2, header, with_concentration=True) else 0


if __name__ == "__main__":
    sys.exit(main())
