using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;

namespace DealLens.Core.Risk;

/// <summary>
/// Derives the money graph from stored analyses: purchase commitments from deal terms (or take-or-pay and
/// minimum-commitment clauses), financing from equity, warrant, backstop, loan and prepayment clauses. Direction comes
/// from party roles and sentence wording; a relation whose direction cannot be read is skipped with its reason.
/// </summary>
public static class MoneyGraphBuilder
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;
    private static readonly Regex s_perShare = new(@"\bper\s+(?:share|unit)\b|\bexercise\s+price\b", Options, s_timeout);
    private static readonly Regex s_upTo = new(@"\bup\s+to\b[^.;$€£]{0,40}[$€£]|\bnot\s+to\s+exceed\b", Options, s_timeout);
    private static readonly Regex s_vests = new(@"\bvest", Options, s_timeout);
    private static readonly Regex s_purchaseMilestone = new(@"\bmilestones?\b|\bpurchases?\b|\bdeploy", Options, s_timeout);
    private static readonly Regex s_adds = new(@"\bexpansion\b|\badditional\b|\bexpands?\b|\bincrease\s+of\b|\bincremental\b", Options, s_timeout);

    public static MoneyGraph Build(IEnumerable<DocumentAnalysis> analyses, CompanyResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(resolver);
        var ordered = analyses.OrderBy(a => a.SourcePath, StringComparer.Ordinal).ThenBy(a => a.Sha256, StringComparer.Ordinal).ToList();

        // Prose first: what the documents state about tickers and subsidiaries joins spellings across all of them.
        var prose = ordered.Select(a => ReadProse(a, resolver)).ToList();
        var extended = Extend(resolver, prose.Select(p => p.StatedLinks));
        return Assemble(ordered.Select((a, i) => ReadFacts(a, prose[i], extended)).ToList(), extended);
    }

    /// <summary>What the prose of <paramref name="analysis"/> states, read with the alias table alone (<paramref name="resolver"/>).</summary>
    public static DocumentProse ReadProse(DocumentAnalysis analysis, CompanyResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(resolver);
        if (!ReadsProse(analysis))
        {
            return RoleClauseReader.ReadContract(analysis.Document.Text, resolver);
        }

        var reading = RelationReader.Read(analysis.Document.Text, analysis.Origin.Filer, resolver, analysis.Deal.Parties);
        return new DocumentProse(
            true,
            reading.Relations.Select(r => new ProseFact(
                r.Kind, r.From, r.To, r.Beneficiary, r.Amount, r.Currency, r.Binding, r.VestsOnPurchaseMilestones, r.Quote, r.Warning)).ToList(),
            reading.StatedLinks.Select(l => new StatedLink(l.Key, l.Value)).ToList());
    }

    /// <summary>
    /// The alias table plus the links every document states, in document order (source path, then SHA-256), so a
    /// later document's link to the same spelling wins as it does in <see cref="Build"/>.
    /// </summary>
    public static CompanyResolver Extend(CompanyResolver resolver, IEnumerable<IReadOnlyList<StatedLink>> statedLinks)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(statedLinks);
        return resolver.With(statedLinks.SelectMany(links => links).Select(l => new KeyValuePair<string, string>(l.Alias, l.Company)));
    }

    /// <summary>
    /// The graph facts of one document: its prose as read by <see cref="ReadProse"/>, and the relations of its clauses
    /// and deal terms resolved with <paramref name="extended"/> (the alias table plus every document's stated links).
    /// </summary>
    public static DocumentGraphFacts ReadFacts(DocumentAnalysis analysis, DocumentProse prose, CompanyResolver extended)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(prose);
        ArgumentNullException.ThrowIfNull(extended);
        var parties = new DocumentParties(analysis.Document.Text, analysis.Deal, extended);
        var drafts = new List<RelationDraft>();
        var skipped = new List<SkippedRelation>();
        ReadPurchase(analysis, parties, drafts, skipped);
        ReadFinancing(analysis, parties, drafts, skipped);
        return new DocumentGraphFacts(
            analysis.SourcePath, analysis.Sha256, analysis.Deal.EffectiveDate, prose.ReadsProse, prose.Relations, prose.StatedLinks,
            parties.RawNames.Select(p => new PartyKey(p.Key, p.Value)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            drafts, skipped);
    }

    /// <summary>
    /// Whether facts read earlier still hold under <paramref name="extended"/>: their parties resolve to the same keys.
    /// The clause relations depend on the resolver only through those keys; the prose only on the alias table.
    /// </summary>
    public static bool Holds(DocumentGraphFacts facts, CompanyResolver extended)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(extended);
        return Holds(facts, extended.Resolve);
    }

    /// <summary>
    /// As <see cref="Holds(DocumentGraphFacts, CompanyResolver)"/> with the resolver's <see cref="CompanyResolver.Resolve"/>
    /// given as a function, so a caller checking every stored document can resolve each party name once.
    /// </summary>
    public static bool Holds(DocumentGraphFacts facts, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(resolve);
        return facts.PartyKeys.All(p => resolve(p.Name) == p.Key);
    }

    /// <summary>
    /// The money graph from every document's facts (given in source path, then SHA-256 order) and the resolver they were
    /// read with: no document text is needed.
    /// </summary>
    public static MoneyGraph Assemble(IReadOnlyList<DocumentGraphFacts> facts, CompanyResolver extended)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(extended);
        var resolver = extended;
        var drafts = new List<RelationDraft>();
        var skipped = new List<SkippedRelation>();
        var spellings = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var document in facts)
        {
            var proseDrafts = new List<RelationDraft>();
            if (document.ReadsProse)
            {
                AddProse(document, resolver, proseDrafts, spellings);
            }

            foreach (var party in document.PartyKeys)
            {
                if (!spellings.TryGetValue(party.Key, out var set))
                {
                    spellings[party.Key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(party.Name);
            }

            skipped.AddRange(document.Skipped);

            // Where the prose was read, its grammar is the better witness: a clause-derived relation is kept only for
            // a kind the prose did not state (a purchase when the prose read no purchase or lease).
            var prose = proseDrafts.Select(d => d.Kind).ToHashSet();
            var proseKeys = proseDrafts.Select(d => (d.From, d.To, d.Kind)).ToHashSet();
            var proseCompanies = proseDrafts.SelectMany(d => new[] { d.From, d.To }).ToHashSet(StringComparer.Ordinal);
            foreach (var draft in document.ClauseRelations)
            {
                // The same relation read both ways stays, so its clause evidence joins the prose quote.
                var kind = draft.Kind;
                // Prose that states only other kinds (a note offering beside a clause's purchase) displaces nothing.
                if ((prose.Contains(kind) || prose.Any(RelationKinds.IsCommitment)) && !proseKeys.Contains((draft.From, draft.To, kind))
                    && (prose.Contains(kind) || (RelationKinds.IsCommitment(kind) && prose.Any(RelationKinds.IsCommitment))
                        || !proseCompanies.Contains(draft.From) || !proseCompanies.Contains(draft.To)))
                {
                    continue;
                }

                drafts.Add(draft);
            }

            drafts.AddRange(proseDrafts);
        }

        // First one relation per document, then one per deal: the same (from, to, kind) across documents is one deal.
        var relations = drafts
            .GroupBy(d => (d.Document, d.Sha256, d.From, d.To, d.Kind))
            .Select(g => (Relation: Merge(g), g.Key.Sha256, g.First().EffectiveDate))
            .GroupBy(p => (p.Relation.From, p.Relation.To, p.Relation.Kind))
            .Select(g => Link(g.OrderBy(p => p.Relation.Documents[0], StringComparer.Ordinal).ToList()))
            .OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal)
            .ThenBy(r => RelationKinds.Name(r.Kind), StringComparer.Ordinal).ThenBy(r => r.Documents[0], StringComparer.Ordinal)
            .ToList();

        // A clause skipped in a document where the same kind was read from another sentence is noise, not a gap.
        var found = relations.SelectMany(r => r.Documents.Select(d => (d, r.Kind))).ToHashSet();
        var gaps = skipped
            .Where(s => !found.Contains((s.Document, s.Kind)))
            .GroupBy(s => (s.Document, s.Kind, s.Reason))
            .Select(g => g.First())
            .OrderBy(s => s.Document, StringComparer.Ordinal).ThenBy(s => RelationKinds.Name(s.Kind), StringComparer.Ordinal)
            .ToList();

        var keys = relations.SelectMany(r => new[] { r.From, r.To }).Concat(spellings.Keys).Distinct(StringComparer.Ordinal);
        var companies = keys
            .Select(key =>
            {
                var names = spellings.TryGetValue(key, out var set) ? set.ToList() : [];
                var name = resolver.PreferredName(key)
                    ?? names.Select(CompanyNames.StripSuffixes).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault()
                    ?? key;
                return new Company(CompanyNames.ToId(key), key, name, names);
            })
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        return new MoneyGraph(companies, relations, gaps);
    }

    /// <summary>
    /// Prose is read in announcements, reports and filings; a contract's money terms come from its clauses and deal
    /// terms, and reading every sentence of long contracts would slow every analysis for little.
    /// </summary>
    private static bool ReadsProse(DocumentAnalysis analysis) => analysis.Origin.Kind != DocumentKinds.Contract;

    private static void AddProse(DocumentGraphFacts document, CompanyResolver resolver, List<RelationDraft> drafts, Dictionary<string, SortedSet<string>> spellings)
    {
        foreach (var relation in document.Prose)
        {
            var from = resolver.Resolve(relation.From);
            var to = resolver.Resolve(relation.To);
            if (from == to || from.Length == 0 || to.Length == 0)
            {
                continue;
            }

            foreach (var (name, key) in new[] { (relation.From, from), (relation.To, to) })
            {
                if (!spellings.TryGetValue(key, out var set))
                {
                    spellings[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(name);
            }

            var beneficiary = relation.Beneficiary is { } b && resolver.Resolve(b) is var bk && bk != from && bk != to ? bk : null;
            drafts.Add(new RelationDraft(
                document.Document, document.Sha256, document.EffectiveDate, from, to, relation.Kind, relation.Amount, relation.Currency,
                relation.Binding, false, relation.VestsOnPurchaseMilestones, [new RelationEvidence(document.Document, null, relation.Quote)])
            {
                Beneficiary = beneficiary,
                Warnings = relation.Warning is null ? [] : [relation.Warning],
            });
        }
    }

    private static void ReadPurchase(DocumentAnalysis analysis, DocumentParties parties, List<RelationDraft> drafts, List<SkippedRelation> skipped)
    {
        var deal = analysis.Deal;
        var text = analysis.Document.Text;
        var purchaseClauses = analysis.Clauses
            .Where(c => c.Type is ClauseTypes.TakeOrPay or ClauseTypes.MinimumCommitment)
            .ToList();
        if (deal.TotalValue is null && purchaseClauses.Count == 0)
        {
            return;
        }

        var valueEvidence = deal.Evidence.FirstOrDefault(e => e.Field == "total_value");

        // A headline value read from a financing clause (a backstop's "up to $2 billion") is that financing, which the
        // financing clauses record; it is not a purchase commitment.
        if (valueEvidence is not null && analysis.Clauses.Any(c => KindOf(c.Type) is not null && c.Start <= valueEvidence.Start && valueEvidence.End <= c.End))
        {
            if (purchaseClauses.Count == 0)
            {
                return;
            }

            deal = deal with { TotalValue = null };
            valueEvidence = null;
        }

        var valueSentence = valueEvidence is null ? null : SentenceAround(text, valueEvidence.Start, valueEvidence.End);

        (string From, string To)? direction = null;
        var reason = "";
        if (parties.CustomerKey is { } customer && parties.ProviderKey is { } provider && customer != provider)
        {
            direction = (customer, provider);
        }
        else if (parties.CustomerKey is { } onlyCustomer && parties.OtherParty(onlyCustomer) is { } inferredProvider)
        {
            direction = (onlyCustomer, inferredProvider);
        }
        else if (parties.ProviderKey is { } onlyProvider && parties.OtherParty(onlyProvider) is { } inferredCustomer)
        {
            direction = (inferredCustomer, onlyProvider);
        }
        else
        {
            foreach (var sentence in new[] { valueSentence }.Concat(purchaseClauses.Select(c => c.Text)).OfType<string>())
            {
                direction = RelationDirection.Read(RelationKind.Purchase, sentence, parties, out reason);
                if (direction is not null)
                {
                    break;
                }
            }
        }

        var quote = valueSentence ?? purchaseClauses.FirstOrDefault()?.Text ?? "";
        if (direction is not { } d)
        {
            skipped.Add(new SkippedRelation(analysis.SourcePath, null, RelationKind.Purchase,
                "buyer and seller not identified: no provider/customer roles and " + (reason.Length > 0 ? reason : "no purchase wording"), quote));
            return;
        }

        decimal? amount;
        string? currency;
        bool binding;
        bool redacted;
        if (deal.TotalValue is { } value)
        {
            (amount, currency, binding, redacted) = (value.Amount, value.Currency, value.Binding, value.Redacted);
        }
        else
        {
            // No headline value: the largest stated commitment; an annual one is multiplied by the term when it is known.
            var totals = purchaseClauses.Where(c => c.Fields.Amount is not null && c.Fields.Period is "total" or null).ToList();
            var annual = purchaseClauses.Where(c => c.Fields.Amount is not null && c.Fields.Period == "annual").ToList();
            amount = totals.Count > 0 ? totals.Max(c => c.Fields.Amount)
                : annual.Count > 0 && deal.TermMonths is { } months ? annual.Max(c => c.Fields.Amount) * months / 12m
                : null;
            currency = purchaseClauses.Select(c => c.Fields.Currency).FirstOrDefault(c => c is not null);
            binding = true;
            redacted = amount is null && purchaseClauses.Any(c => c.Fields.Redacted == true);
        }

        var evidence = new List<RelationEvidence> { new(analysis.SourcePath, null, quote) };
        evidence.AddRange(purchaseClauses.Select(c => new RelationEvidence(analysis.SourcePath, c.Id, c.Text)));
        drafts.Add(new RelationDraft(analysis.SourcePath, analysis.Sha256, deal.EffectiveDate, d.From, d.To, RelationKind.Purchase, amount, currency, binding, redacted, false, evidence));
    }

    private static void ReadFinancing(DocumentAnalysis analysis, DocumentParties parties, List<RelationDraft> drafts, List<SkippedRelation> skipped)
    {
        foreach (var clause in analysis.Clauses)
        {
            if (KindOf(clause.Type) is not { } kind)
            {
                continue;
            }

            var direction = RelationDirection.Read(kind, clause.Text, parties, out var reason);
            if (direction is not { } d)
            {
                skipped.Add(new SkippedRelation(analysis.SourcePath, clause.Id, kind, reason, clause.Text));
                continue;
            }

            var amount = s_perShare.IsMatch(clause.Text) ? null : clause.Fields.Amount;
            if (kind == RelationKind.Prepayment && amount is null && clause.Fields.Percent is { } percent
                && analysis.Deal.TotalValue?.Amount is { } total)
            {
                amount = total * percent / 100m;
            }

            var vests = kind is RelationKind.Warrant or RelationKind.Equity
                && s_vests.IsMatch(clause.Text) && s_purchaseMilestone.IsMatch(clause.Text);
            drafts.Add(new RelationDraft(
                analysis.SourcePath, analysis.Sha256, analysis.Deal.EffectiveDate, d.From, d.To, kind, amount,
                amount is null ? null : clause.Fields.Currency ?? analysis.Deal.TotalValue?.Currency,
                !s_upTo.IsMatch(clause.Text), clause.Fields.Redacted == true, vests,
                [new RelationEvidence(analysis.SourcePath, clause.Id, clause.Text)]));
        }
    }

    private static RelationKind? KindOf(string clauseType) => clauseType switch
    {
        ClauseTypes.EquityInvestment => RelationKind.Equity,
        ClauseTypes.Warrant => RelationKind.Warrant,
        ClauseTypes.Backstop => RelationKind.Backstop,
        ClauseTypes.Loan => RelationKind.Loan,
        ClauseTypes.Prepayment => RelationKind.Prepayment,
        ClauseTypes.SaleLeaseback => RelationKind.SaleLeaseback,
        _ => null,
    };

    /// <summary>One relation per document, direction and kind: restated clauses do not add up; the largest amount stands.</summary>
    private static MoneyRelation Merge(IGrouping<(string Document, string Sha256, string From, string To, RelationKind Kind), RelationDraft> group)
    {
        var drafts = group.ToList();
        var known = drafts.Where(d => d.Amount is not null).ToList();
        var best = known.Count > 0 ? known.MaxBy(d => d.Amount)! : drafts[0];
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{group.Key.Sha256}:{RelationKinds.Name(group.Key.Kind)}:{group.Key.From}:{group.Key.To}")))[..12];
        return new MoneyRelation(
            id, group.Key.From, group.Key.To, group.Key.Kind, best.Amount, best.Currency,
            Binding: best.Binding,
            Redacted: best.Amount is null && drafts.Any(d => d.Redacted),
            VestsOnPurchaseMilestones: drafts.Any(d => d.Vests),
            drafts.SelectMany(d => d.Evidence).DistinctBy(e => (e.ClauseId, e.Quote)).ToList())
        {
            Beneficiary = drafts.Select(d => d.Beneficiary).FirstOrDefault(b => b is not null),
            Warnings = drafts.SelectMany(d => d.Warnings).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// Later documents about the same deal (an 8-K restating a contract, an amendment) are linked into one relation
    /// listing all their documents, so concentration and ratios count the deal once. Assumption: a restatement's amount
    /// replaces the earlier one, so the amount is the one of the latest document by <see cref="DealTerms.EffectiveDate"/>
    /// that states one (the largest stated amount when any date is unknown). A document whose wording says it adds to
    /// the deal ("expansion", "additional", "expands", "increase of", "incremental") adds its amount instead, unless a
    /// restatement dated after it already includes it. An unknown amount on either side keeps the total unknown.
    /// </summary>
    private static MoneyRelation Link(IReadOnlyList<(MoneyRelation Relation, string Sha256, DateOnly? Date)> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0].Relation;
        }

        var adds = parts.Where(p => p.Relation.Evidence.Any(e => s_adds.IsMatch(e.Quote))).ToList();
        var restates = parts.Where(p => !adds.Contains(p)).ToList();
        var known = restates.Where(p => p.Relation.Amount is not null).ToList();
        (MoneyRelation Relation, string Sha256, DateOnly? Date)? baseline = known.Count == 0 ? null
            : known.All(p => p.Date is not null)
                ? known.OrderByDescending(p => p.Date).ThenByDescending(p => p.Relation.Amount).First()
                : known.MaxBy(p => p.Relation.Amount);
        var added = adds
            .Where(p => baseline is not { Date: { } baseDate } || p.Date is not { } date || date > baseDate)
            .ToList();

        decimal? amount;
        if (restates.Count > 0 && baseline is null)
        {
            amount = null;
        }
        else
        {
            amount = added.All(p => p.Relation.Amount is not null)
                ? (baseline?.Relation.Amount ?? 0m) + added.Sum(p => p.Relation.Amount!.Value)
                : null;
        }

        var counted = (baseline is { } b ? [b] : Array.Empty<(MoneyRelation Relation, string Sha256, DateOnly? Date)>()).Concat(added).ToList();
        var first = counted.FirstOrDefault(p => p.Relation.Amount is not null).Relation ?? parts[0].Relation;
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{string.Join(",", parts.Select(p => p.Sha256).Order(StringComparer.Ordinal))}:{RelationKinds.Name(first.Kind)}:{first.From}:{first.To}")))[..12];
        return first with
        {
            Id = id,
            Amount = amount,
            Currency = amount is null ? null : first.Currency,
            Binding = counted.Count > 0 ? counted.All(p => p.Relation.Binding) : parts.All(p => p.Relation.Binding),
            Redacted = amount is null && parts.Any(p => p.Relation.Redacted),
            VestsOnPurchaseMilestones = parts.Any(p => p.Relation.VestsOnPurchaseMilestones),
            Evidence = parts.SelectMany(p => p.Relation.Evidence).DistinctBy(e => (e.Document, e.ClauseId, e.Quote)).ToList(),
            Beneficiary = parts.Select(p => p.Relation.Beneficiary).FirstOrDefault(b => b is not null),
            Warnings = parts.SelectMany(p => p.Relation.Warnings).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The sentence (or line) holding <c>text[start..end]</c>.</summary>
    internal static string SentenceAround(string text, int start, int end)
    {
        var from = start;
        while (from > 0 && text[from - 1] != '\n' && !(text[from - 1] is '.' or ';' && from < text.Length && char.IsWhiteSpace(text[from])))
        {
            from--;
        }

        var to = Math.Max(end, from);
        while (to < text.Length && text[to] != '\n' && !(text[to] == '.' && (to + 1 == text.Length || char.IsWhiteSpace(text[to + 1]))))
        {
            to++;
        }

        return text[from..Math.Min(text.Length, to + (to < text.Length && text[to] == '.' ? 1 : 0))].Trim();
    }
}
