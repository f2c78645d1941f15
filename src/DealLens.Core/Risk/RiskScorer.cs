using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Clauses;
using DealLens.Core.Pipeline;

namespace DealLens.Core.Risk;

/// <summary>Scores concentration, circular financing and per-deal risk from the money graph and the analyses.</summary>
public sealed class RiskScorer
{
    private static readonly Regex s_noRight = new(@"\b(?:neither|no\s+party|may\s+not|shall\s+not|cannot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.Limit);

    private readonly RiskOptions _options;

    public RiskScorer(RiskOptions? options = null) => _options = options ?? RiskOptions.Default;

    public RiskReport Score(MoneyGraph graph, IEnumerable<DocumentAnalysis> analyses)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(analyses);
        var list = analyses as IReadOnlyList<DocumentAnalysis> ?? analyses.ToList();
        return new RiskReport(Concentration(graph), Cycles(graph), Deals(list), graph.Skipped, RevenueConcentrations(graph, list));
    }

    /// <summary>
    /// The same report from stored facts (<see cref="ReadFacts"/>) and the graph assembled from them: no document text.
    /// </summary>
    public RiskReport Score(MoneyGraph graph, IReadOnlyList<DocumentRiskFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(facts);
        return Score(graph, facts.Select(f => f.Deal), facts.Select(f => (f.Document, f.RevenueShares)));
    }

    /// <summary>
    /// The report from the graph, the deal risks to list (all of them, or only some when the caller keeps the others)
    /// and every document's disclosed revenue shares in graph order.
    /// </summary>
    public RiskReport Score(MoneyGraph graph, IEnumerable<DealRisk> deals, IEnumerable<(string Document, IReadOnlyList<RevenueFact> Shares)> revenueShares)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(revenueShares);
        return new RiskReport(Concentration(graph), Cycles(graph), OrderDeals(deals), graph.Skipped, RevenueConcentrations(graph, revenueShares));
    }

    /// <summary>What one document contributes to the report, given its graph facts: its deal risk and disclosed revenue shares.</summary>
    public DocumentRiskFacts ReadFacts(DocumentAnalysis analysis, DocumentGraphFacts graph)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(graph);
        return new DocumentRiskFacts(
            graph,
            Deal(analysis),
            RevenueConcentrationReader.Read(analysis)
                .Select(s => new RevenueFact(s.Company, s.Customer, s.Rank, s.Percent, s.Period, s.Page, s.Start, s.End, s.Quote, s.Label))
                .ToList());
    }

    /// <summary>
    /// Revenue shares the documents disclose, most severe first. The filer is the first party of each document's deal
    /// terms (unknown when none is read); a customer is linked to a graph company only when its name as written is one.
    /// </summary>
    public IReadOnlyList<RevenueConcentration> RevenueConcentrations(MoneyGraph graph, IEnumerable<DocumentAnalysis> analyses)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(analyses);
        return RevenueConcentrations(graph, analyses.Select(a => (a.SourcePath, (IReadOnlyList<RevenueFact>)RevenueConcentrationReader.Read(a)
            .Select(s => new RevenueFact(s.Company, s.Customer, s.Rank, s.Percent, s.Period, s.Page, s.Start, s.End, s.Quote, s.Label))
            .ToList())));
    }

    private List<RevenueConcentration> RevenueConcentrations(MoneyGraph graph, IEnumerable<(string Document, IReadOnlyList<RevenueFact> Shares)> documents)
    {
        // The first company (in graph order) that has a spelling, or a key: looked up once per graph, not per share.
        var byAlias = new Dictionary<string, int>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Companies.Count; i++)
        {
            foreach (var alias in graph.Companies[i].Aliases)
            {
                byAlias.TryAdd(alias, i);
            }

            byKey.TryAdd(graph.Companies[i].Key, i);
        }

        var names = NameLookup(graph);
        var result = new List<RevenueConcentration>();
        foreach (var (document, shares) in documents)
        {
            foreach (var share in shares)
            {
                var company = share.Company is null ? null
                    : byAlias.TryGetValue(share.Company, out var a) ? graph.Companies[a].Key : CompanyNames.Normalize(share.Company);
                string? customerKey = null;
                if (share.Customer != RevenueConcentrationReader.Unnamed)
                {
                    var first = Math.Min(
                        byAlias.TryGetValue(share.Customer, out var ai) ? ai : int.MaxValue,
                        byKey.TryGetValue(CompanyNames.Normalize(share.Customer), out var ki) ? ki : int.MaxValue);
                    customerKey = first == int.MaxValue ? null : graph.Companies[first].Key;
                }

                result.Add(new RevenueConcentration(
                    company, company is null ? null : names(company), share.Customer, customerKey,
                    share.Rank, share.Percent, share.Period, RevenueSeverity(share.Percent),
                    new DisclosureEvidence(document, share.Page, share.Start, share.End, share.Quote))
                { CustomerLabel = share.Label });
            }
        }

        return result
            .OrderByDescending(r => Severity.Rank(r.Severity))
            .ThenByDescending(r => r.Percent)
            .ThenBy(r => r.Evidence.Document, StringComparer.Ordinal)
            .ThenBy(r => r.Evidence.Start)
            .ToList();
    }

    /// <summary>The severity of a disclosed revenue share in percent: &gt;= 50 high, &gt;= 10 (the disclosure line) medium.</summary>
    public Severity RevenueSeverity(decimal percent)
        => percent >= _options.TopCustomerShareHigh * 100 ? Severity.High
            : percent >= _options.TopCustomerShareWatch * 100 ? Severity.Medium
            : Severity.Low;

    /// <summary><see cref="MoneyGraph.NameOf"/> with one dictionary per graph: a large graph names thousands of customers.</summary>
    private static Func<string, string> NameLookup(MoneyGraph graph)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var company in graph.Companies)
        {
            names.TryAdd(company.Key, company.Name);
        }

        return key => names.TryGetValue(key, out var name) ? name : key;
    }

    public IReadOnlyList<ProviderConcentration> Concentration(MoneyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new List<ProviderConcentration>();
        var names = NameLookup(graph);
        foreach (var group in graph.Relations.Where(r => RelationKinds.IsCommitment(r.Kind)).GroupBy(r => r.To))
        {
            var relations = group.ToList();
            var binding = Measure("binding", relations.Where(r => r.Binding).ToList(), names);
            var headline = Measure("headline", relations, names);
            var flags = new List<string>();
            var severity = Severity.Low;
            foreach (var measure in new[] { binding, headline })
            {
                // One priced customer says nothing about shares: "top customer 100 %, HHI 10000" would be an artefact
                // of what the documents priced, not of the provider's business.
                if (measure.Top1Share is not { } top1 || measure.Customers.Count < _options.MinPricedCustomers)
                {
                    continue;
                }

                var percent = Percent(top1);
                if (top1 >= _options.TopCustomerShareHigh)
                {
                    flags.Add($"{measure.Basis}: top customer {measure.Customers[0].Name} holds {percent} (>= {Percent(_options.TopCustomerShareHigh)})");
                    severity = Severity.High;
                }
                else if (top1 >= _options.TopCustomerShareWatch)
                {
                    flags.Add($"{measure.Basis}: top customer {measure.Customers[0].Name} holds {percent} (>= {Percent(_options.TopCustomerShareWatch)})");
                    severity = Max(severity, Severity.Medium);
                }

                if (measure.Hhi > _options.HhiHigh)
                {
                    flags.Add($"{measure.Basis}: HHI {measure.Hhi.Value.ToString("0", CultureInfo.InvariantCulture)} > {_options.HhiHigh.ToString("0", CultureInfo.InvariantCulture)}");
                    severity = Severity.High;
                }
            }

            result.Add(new ProviderConcentration(
                group.Key, names(group.Key), severity, flags, binding, headline,
                relations.Select(r => r.Id).ToList(),
                relations.SelectMany(r => r.Evidence.Take(1)).ToList()));
        }

        return result
            .OrderByDescending(c => Severity.Rank(c.Severity))
            .ThenByDescending(c => c.Headline.Top1Share ?? 0)
            .ThenBy(c => c.Provider, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<FinancingCycle> Cycles(MoneyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var keys = graph.Relations.SelectMany(r => new[] { r.From, r.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var names = graph.Companies.GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var steps = graph.Relations.GroupBy(r => (index[r.From], index[r.To])).ToDictionary(g => g.Key, g => new Step(g.ToList()));

        // A vehicle's or joint venture's money reaches its owners: each owner's equity in it is also a step back from the
        // vehicle to the owner, with that equity relation as its evidence, so a loop can close through the parent.
        var vehicles = graph.Companies.Where(c => IsVehicle(c.Name)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var owned in graph.Relations.Where(r => r.Kind == RelationKind.Equity && vehicles.Contains(r.To) && r.From != r.To).GroupBy(r => (index[r.To], index[r.From])))
        {
            steps[owned.Key] = steps.TryGetValue(owned.Key, out var existing)
                ? new Step([.. existing.Relations], [.. owned])
                : new Step([], [.. owned]);
        }

        var context = new CycleContext(steps, keys, keys.Select(k => names.GetValueOrDefault(k, k)).ToList());
        var result = new List<FinancingCycle>();
        foreach (var cycle in CycleFinder.Find(keys.Count, context.Steps.Keys, _options.MaxCycleLength))
        {
            if (ToFinancingCycle(cycle, context) is { } found)
            {
                result.Add(found);
            }
        }

        return result
            .OrderByDescending(c => Severity.Rank(c.Severity))
            .ThenByDescending(c => c.CircularityRatio ?? -1)
            .ThenBy(c => c.Companies.Count)
            .ThenBy(c => string.Join(">", c.Companies), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The relations of one directed company pair, sorted and summed once: a graph has far more cycles than edges, and
    /// every cycle through the pair reuses them.
    /// </summary>
    private sealed class Step
    {
        public Step(IReadOnlyList<MoneyRelation> relations, IReadOnlyList<MoneyRelation>? ownership = null)
        {
            Ownership = ownership?.ToArray() ?? [];
            Relations = relations.Concat(Ownership).OrderBy(r => RelationKinds.Name(r.Kind), StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
            var financing = relations.Where(r => RelationKinds.IsFinancing(r.Kind)).ToList();
            var purchases = relations.Where(r => RelationKinds.IsCommitment(r.Kind)).ToList();
            HasFinancing = financing.Count > 0;
            HasPurchase = purchases.Count > 0;
            HasBackstop = financing.Any(r => r.Kind == RelationKind.Backstop);
            HasWarrant = financing.Any(r => r.Kind == RelationKind.Warrant);
            HasCommitmentOnly = purchases.Count > 0 && financing.Count == 0;

            // Warrants are financing paid in shares: they are listed, but they have no cash amount to add up.
            var cash = financing.Where(r => r.Kind != RelationKind.Warrant).ToList();
            CashCount = cash.Count;
            UnknownCash = cash.Count(r => r.Amount is null);
            FinancingProvided = cash.Count > 0 && UnknownCash == 0 ? cash.Sum(r => r.Amount!.Value) : null;
            UnknownPurchases = purchases.Count(r => r.Amount is null);
            PurchasesCommitted = UnknownPurchases == 0 ? purchases.Sum(r => r.Amount!.Value) : null;
            FinancingKind = FinancingKindPriority.FirstOrDefault(k => financing.Any(r => r.Kind == k)) switch
            {
                RelationKind.Equity => "vendor_equity_for_purchase",
                RelationKind.Warrant => "vendor_warrant_for_purchase",
                RelationKind.Loan => "vendor_loan_for_purchase",
                RelationKind.Backstop => "vendor_backstop_for_purchase",
                RelationKind.SaleLeaseback => "vendor_leaseback_for_purchase",
                _ => "vendor_prepayment_for_purchase",
            };
            VestsOnPurchaseMilestones = financing.Any(r => r.VestsOnPurchaseMilestones);
            Documents = Relations.SelectMany(r => r.Documents).Distinct(StringComparer.Ordinal).ToArray();
        }

        public MoneyRelation[] Relations { get; }

        /// <summary>The owners' equity in a vehicle read backwards (vehicle -> owner): the step exists only through them.</summary>
        public MoneyRelation[] Ownership { get; }

        public bool IsOwnership => Ownership.Length > 0;

        public bool HasFinancing { get; }

        public bool HasPurchase { get; }

        public bool HasBackstop { get; }

        public bool HasWarrant { get; }

        public bool HasCommitmentOnly { get; }

        public int CashCount { get; }

        public int UnknownCash { get; }

        public decimal? FinancingProvided { get; }

        public int UnknownPurchases { get; }

        public decimal? PurchasesCommitted { get; }

        public string FinancingKind { get; }

        public bool VestsOnPurchaseMilestones { get; }

        public string[] Documents { get; }
    }

    /// <summary>What scoring a node cycle needs, built once per graph.</summary>
    private sealed record CycleContext(Dictionary<(int From, int To), Step> Steps, IReadOnlyList<string> Keys, IReadOnlyList<string> Names);

    /// <summary>
    /// A node cycle is circular financing only when some company's outgoing step is financing and its incoming step is a
    /// purchase commitment: money it provides comes back to it as purchases. A backstop repaid in warrants has no
    /// purchase step back to the backstopper and is left out.
    /// </summary>
    private static FinancingCycle? ToFinancingCycle(IReadOnlyList<int> cycle, CycleContext context)
    {
        var n = cycle.Count;

        // A step from a vehicle to an owner that exists only through the owner's stake carries money back only when
        // money was paid into the vehicle on the way in (rent, purchases): stakes alone make no loop.
        for (var i = 0; i < n; i++)
        {
            var step = context.Steps[(cycle[i], cycle[(i + 1) % n])];
            if (step.IsOwnership && step.Relations.Length == step.Ownership.Length && !context.Steps[(cycle[(i - 1 + n) % n], cycle[i])].HasPurchase)
            {
                return null;
            }
        }

        // Structures in the order analysts name them: a backstop repaid in the beneficiary's warrants is related-party
        // credit support, whatever else the loop holds, so it is never called vendor financing.
        for (var i = 0; i < n; i++)
        {
            var outgoing = context.Steps[(cycle[i], cycle[(i + 1) % n])];
            var incoming = context.Steps[(cycle[(i - 1 + n) % n], cycle[i])];
            if (outgoing.HasBackstop && incoming.HasWarrant)
            {
                return Describe(cycle, i, context, CycleKinds.BackstopForWarrants, Severity.Medium, outgoing, incoming,
                    "credit support paid in warrants (related-party credit support, not vendor financing)") with { Structures = [CycleKinds.BackstopForWarrants] };
            }
        }

        var buyback = IsCapacityBuyback(cycle, context);
        for (var i = 0; i < n; i++)
        {
            var outgoing = context.Steps[(cycle[i], cycle[(i + 1) % n])];
            var incoming = context.Steps[(cycle[(i - 1 + n) % n], cycle[i])];
            if (outgoing.HasFinancing && incoming.HasPurchase)
            {
                var found = Describe(cycle, i, context, outgoing.FinancingKind, Severity.High, outgoing, incoming, null);
                return found with { Structures = buyback ? [found.Kind, CycleKinds.CapacityBuyback] : [found.Kind] };
            }
        }

        // A payment into a vehicle the payer owns part of, coming back through the stake.
        for (var i = 0; i < n; i++)
        {
            var outgoing = context.Steps[(cycle[i], cycle[(i + 1) % n])];
            var incoming = context.Steps[(cycle[(i - 1 + n) % n], cycle[i])];
            if (outgoing.HasPurchase && incoming.IsOwnership)
            {
                return Describe(cycle, i, context, CycleKinds.LeaseFromOwnVehicle, Severity.Medium, outgoing, incoming,
                    "payments into a vehicle the payer owns part of: the money comes back through its stake") with { Structures = [CycleKinds.LeaseFromOwnVehicle] };
            }
        }

        // Two companies each committed to buy from the other: the vendor buys capacity back from its customer.
        if (buyback)
        {
            var ab = context.Steps[(cycle[0], cycle[1])];
            {
                // The vendor is the one buying capacity (lease, rent, cloud capacity) back from the company that buys its products.
                var i = ab.Relations.Any(r => r.Kind == RelationKind.Lease || r.Evidence.Any(e => s_capacity.IsMatch(e.Quote))) ? 0 : 1;
                var outgoing = context.Steps[(cycle[i], cycle[1 - i])];
                var incoming = context.Steps[(cycle[1 - i], cycle[i])];
                return Describe(cycle, i, context, CycleKinds.CapacityBuyback, Severity.High, outgoing, incoming,
                    "purchases both ways: the vendor buys capacity back from its customer") with { Structures = [CycleKinds.CapacityBuyback] };
            }
        }

        return null;
    }

    // Vehicles the graph holds as companies: unnamed ones named after their sponsor ("joint venture of Meta Platforms
    // (unnamed)", "vehicle of Valor Equity Partners (unnamed)").
    private static bool IsVehicle(string name)
        => name.EndsWith("(unnamed)", StringComparison.Ordinal)
            && (name.StartsWith("joint venture of ", StringComparison.Ordinal) || name.StartsWith("vehicle of ", StringComparison.Ordinal));

    private static bool IsCapacityBuyback(IReadOnlyList<int> cycle, CycleContext context)
        => cycle.Count == 2 && context.Steps[(cycle[0], cycle[1])].HasPurchase && context.Steps[(cycle[1], cycle[0])].HasPurchase;

    private static readonly Regex s_capacity = new(@"\b(?:capacity|lease|leases|rent|cloud|servers?|compute)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.Limit);

    private static FinancingCycle Describe(IReadOnlyList<int> cycle, int i, CycleContext context, string kind, Severity severity, Step outgoing, Step incoming, string? structureNote)
    {
        var n = cycle.Count;
        {

            // Rotate so the vendor comes first: the loop reads vendor -> ... -> vendor.
            var companies = new string[n];
            var names = new string[n];
            var relations = new List<MoneyRelation>(n + 2);
            var documents = new List<string>(n + 2);
            var vests = false;
            for (var k = 0; k < n; k++)
            {
                var node = cycle[(i + k) % n];
                companies[k] = context.Keys[node];
                names[k] = context.Names[node];
                var step = context.Steps[(node, cycle[(i + k + 1) % n])];
                relations.AddRange(step.Relations);
                documents.AddRange(step.Documents);
                vests |= step.VestsOnPurchaseMilestones;
            }

            documents.Sort(StringComparer.Ordinal);
            for (var k = documents.Count - 1; k > 0; k--)
            {
                if (documents[k] == documents[k - 1])
                {
                    documents.RemoveAt(k);
                }
            }

            var financingProvided = outgoing.FinancingProvided;
            var purchasesCommitted = incoming.PurchasesCommitted;
            decimal? ratio = financingProvided is { } f && purchasesCommitted is { } p && p > 0 ? Math.Round(f / p, 4) : null;
            string? note = null;
            if (ratio is null)
            {
                note = outgoing.CashCount == 0
                    ? "financing is in warrants only (no cash amount)"
                    : $"{outgoing.UnknownCash} financing and {incoming.UnknownPurchases} purchase relations with unknown amount; ratio not computed";
            }

            if (structureNote is not null)
            {
                note = note is null ? structureNote : structureNote + "; " + note;
            }

            return new FinancingCycle(
                kind, severity, companies[0], companies, names, relations,
                financingProvided, purchasesCommitted, ratio, note, vests, documents);
        }
    }

    private static readonly RelationKind[] FinancingKindPriority =
        [RelationKind.Equity, RelationKind.Warrant, RelationKind.Loan, RelationKind.Backstop, RelationKind.SaleLeaseback, RelationKind.Prepayment];

    public IReadOnlyList<DealRisk> Deals(IEnumerable<DocumentAnalysis> analyses)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        return OrderDeals(analyses.Select(Deal));
    }

    private static List<DealRisk> OrderDeals(IEnumerable<DealRisk> deals)
        => deals
            .OrderByDescending(d => Severity.Rank(d.Severity))
            .ThenByDescending(d => d.Score)
            .ThenBy(d => d.Document, StringComparer.Ordinal)
            .ToList();

    public DealRisk Deal(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var document = analysis.SourcePath;
        var deal = analysis.Deal;
        var flags = new List<DealFlag>();
        RelationEvidence Quote(Clause c) => new(document, c.Id, c.Text);
        RelationEvidence? Field(string field)
            => deal.Evidence.FirstOrDefault(e => e.Field == field) is { } e ? new RelationEvidence(document, null, e.Text) : null;

        var value = deal.TotalValue;
        if (value is { Binding: false })
        {
            flags.Add(new DealFlag("non_binding_headline", Severity.Medium,
                "headline value is a ceiling or non-binding (" + Money(value.Amount, value.Currency) + "); binding value unknown", Field("total_value")));
        }

        if (value is { Redacted: true } || analysis.Clauses.Any(c => c.Fields.Redacted == true))
        {
            var clause = analysis.Clauses.FirstOrDefault(c => c.Fields.Redacted == true);
            flags.Add(new DealFlag("redacted_terms", Severity.Medium, "key amounts are redacted: size unknown, not zero",
                clause is null ? Field("total_value") : Quote(clause)));
        }

        var commitments = analysis.Clauses.Where(c => c.Type is ClauseTypes.TakeOrPay or ClauseTypes.MinimumCommitment).ToList();
        var clauseAmount = commitments.Select(c => c.Fields.Amount).Where(a => a is not null).DefaultIfEmpty(null).Max();
        // Clauses often restate the commitment without its amount; then the binding headline value is its size.
        decimal? commitmentAmount = clauseAmount ?? (commitments.Count > 0 && value is { Binding: true } ? value.Amount : null);
        if (commitments.Count > 0)
        {
            var takeOrPay = commitments.Any(c => c.Type == ClauseTypes.TakeOrPay);
            flags.Add(new DealFlag(takeOrPay ? "take_or_pay" : "minimum_commitment", takeOrPay ? Severity.High : Severity.Medium,
                (takeOrPay ? "take-or-pay" : "minimum commitment") + " obligation of " + Money(commitmentAmount, value?.Currency ?? "USD"),
                Quote(commitments.FirstOrDefault(c => c.Fields.Amount is not null && c.Fields.Amount == clauseAmount) ?? commitments[0])));
        }

        foreach (var clause in analysis.Clauses.Where(c => c.Type == ClauseTypes.TerminationForConvenience && !s_noRight.IsMatch(c.Text)).Take(1))
        {
            flags.Add(new DealFlag("termination_for_convenience", Severity.Medium,
                "a party may walk away for convenience: the committed value is softer than it reads", Quote(clause)));
        }

        foreach (var clause in analysis.Clauses.Where(c => c.Type == ClauseTypes.ChipAccess && c.Fields.Access == "subject_to_availability").Take(1))
        {
            flags.Add(new DealFlag("chips_subject_to_availability", Severity.Medium, "chip access is subject to availability, not guaranteed", Quote(clause)));
        }

        if (deal.TermMonths is { } term && term > _options.GpuUsefulLifeMonths)
        {
            flags.Add(new DealFlag("term_exceeds_gpu_life", commitments.Count > 0 ? Severity.High : Severity.Medium,
                FormattableString.Invariant($"term of {term} months exceeds the {_options.GpuUsefulLifeMonths}-month GPU useful life"), Field("term_months")));
        }

        var prepayment = analysis.Clauses.FirstOrDefault(c => c.Type == ClauseTypes.Prepayment);
        if (prepayment is not null || deal.PrepaymentPct is not null)
        {
            var pct = deal.PrepaymentPct ?? prepayment?.Fields.Percent;
            flags.Add(new DealFlag("prepayment", Severity.Low,
                "prepayment " + (pct is null ? "of an unstated share" : pct.Value.ToString("0.##", CultureInfo.InvariantCulture) + " %") + " ahead of delivery",
                prepayment is null ? Field("prepayment_pct") : Quote(prepayment)));
        }

        var ordered = flags.OrderByDescending(f => Severity.Rank(f.Severity)).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        var severity = ordered.Count == 0 ? Severity.Low : ordered[0].Severity;
        return new DealRisk(
            document, severity, ordered.Sum(f => Severity.Rank(f.Severity)),
            value?.Amount, value is { Binding: true } ? value.Amount : null, value?.Currency,
            commitmentAmount, deal.TermMonths, ordered);
    }

    private ConcentrationMeasure Measure(string basis, IReadOnlyList<MoneyRelation> relations, Func<string, string> nameOf)
    {
        var unknown = relations.Count(r => r.Amount is null);
        var byCustomer = relations.Where(r => r.Amount is not null)
            .GroupBy(r => r.From)
            .Select(g => (Customer: g.Key, Amount: g.Sum(r => r.Amount!.Value)))
            .ToList();
        var total = byCustomer.Sum(c => c.Amount);
        var note = unknown == 0 ? null : FormattableString.Invariant($"{unknown} relation{(unknown == 1 ? "" : "s")} with unknown amount not included");
        if (byCustomer.Count is > 0 and var priced && priced < _options.MinPricedCustomers)
        {
            var few = FormattableString.Invariant($"only {priced} priced customer{(priced == 1 ? "" : "s")}: shares not scored");
            note = note is null ? few : few + "; " + note;
        }
        if (total <= 0)
        {
            return new ConcentrationMeasure(basis, total, null, null, null, [], unknown, note);
        }

        var shares = byCustomer
            .Select(c => new CustomerShare(c.Customer, nameOf(c.Customer), c.Amount, Math.Round(c.Amount / total, 4)))
            .OrderByDescending(c => c.Amount).ThenBy(c => c.Customer, StringComparer.Ordinal)
            .ToList();
        var exact = byCustomer.Select(c => c.Amount / total).OrderDescending().ToList();
        var hhi = Math.Round(exact.Sum(s => s * 100 * s * 100), 1);
        return new ConcentrationMeasure(
            basis, total, Math.Round(exact[0], 4), Math.Round(exact.Take(3).Sum(), 4), hhi, shares, unknown, note);
    }

    private static Severity Max(Severity a, Severity b) => a >= b ? a : b;

    private static string Percent(decimal share) => Output.Formats.Share(share);

    internal static string Money(decimal? amount, string? currency)
        => Output.Formats.Money(amount, currency, "unknown amount");
}
