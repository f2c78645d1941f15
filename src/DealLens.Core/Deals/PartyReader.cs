using System.Text.RegularExpressions;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>
/// One party as written, at <c>text[Start..End]</c>. <see cref="Role"/> is the deal side (provider or customer) its
/// defined term gives it, <see cref="Term"/> the specific role (landlord, lender, ...), <see cref="Parent"/> the
/// parent company when the text calls it a subsidiary.
/// </summary>
/// <see cref="QuoteStart"/>..<see cref="QuoteEnd"/>, when set, is the sentence that gives the role.
internal sealed record PartyMention(
    string Name, int Start, int End, string? Role, string? Term = null, string? Parent = null, int QuoteStart = -1, int QuoteEnd = -1);

/// <summary>The parties found and the span of the phrase that names them.</summary>
internal sealed record PartiesFound(IReadOnlyList<PartyMention> Parties, int Start, int End);

/// <summary>Everything the party readers found in one document: the parties, every role with its quote, and disagreements.</summary>
internal sealed record PartyReading(PartiesFound? Found, IReadOnlyList<PartyRole> Roles, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads the parties of a document and their roles, preferring structure to wording: a contract preamble's defined
/// terms ("by and between X, a Delaware corporation with offices at ... (“Landlord”), and Y (“Tenant”)"), a cover
/// form's fields ("Customer Legal Name: Y"), signature blocks ("CUSTOMER: Y / By: ..."), and, in filings and press
/// releases, the filer (see <see cref="DocumentOriginReader"/>) and the companies its deal sentences name
/// (<see cref="NarrativePartyReader"/>). Preamble, cover form and signature blocks are checked against each other;
/// when they disagree the preamble wins and a warning says so.
/// </summary>
internal static class PartyReader
{
    public const string ProviderRole = PartyRoles.Provider;
    public const string CustomerRole = PartyRoles.Customer;

    private const string Word = CompanyNamePattern.Word;
    private const string Gap = CompanyNamePattern.Gap;
    private const string Name = CompanyNamePattern.Name;

    private static readonly Regex s_between = new(
        @"\b(?i:between|among)\b|\b(?i:entered[ \t\n]+into|made|dated)\b[^.;()]{0,80}?,?[ \t\n]+(?i:by)\b", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_nameAt = new(
        @"\G(?:[\s,;:]|(?i:and)\b|the\b)*(?<name>" + Name + ")", NumberWords.Options, NumberWords.MatchTimeout);

    // ("Provider"), (the “Company”), (together with its Affiliates, "Customer"), (hereinafter "Lessee"), ("Hut 8" or the "Company").
    private static readonly Regex s_definedTerm = new(
        @"\((?<lead>[^()""“”]{0,80})[""“](?<term>[^""“”()]{1,40})[""”](?<rest>[^()]{0,150})\)", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_plainDefinedAt = new(
        @"\G[\s,;]*(?:and[ \t\n]+)?(?:the[ \t\n]+)?[a-z][^()""“”]{0,80}?\([^()]{0,160}\)", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_quotedTerm = new(@"[""“](?<term>[^""“”()]{1,40})[""”]", NumberWords.Options, NumberWords.MatchTimeout);

    // ", a wholly-owned subsidiary of Acme Holdings, Inc.", "an indirect subsidiary of the Company".
    private static readonly Regex s_subsidiaryOf = new(
        @"\b(?i:an?|the)[ \t\n]+(?:(?i:direct|indirect|wholly[- ]owned|majority[- ]owned|consolidated)[ \t\n]+){0,3}(?i:subsidiary)[ \t\n]+(?i:of)[ \t\n]+(?:the[ \t\n]+)?(?<parent>" + Name + ")",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_plainBetween = new(
        @"\b(?i:between)" + Gap + "(?:the" + Gap + ")?(?<a>" + Name + ")" + Gap + "and" + Gap + "(?:the" + Gap + ")?(?<b>" + Name + ")",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_jointAnnouncement = new(
        "(?<a>" + Name + ")" + Paren("pa") + Gap + "and" + Gap +
        "(?<b>" + Name + ")" + Paren("pb") +
        @",?" + Gap + @"(?:today[ ]|have[ ]|jointly[ ]|recently[ ])?(?:announced|entered[ ]into|signed|executed|agreed|unveiled)\b",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_enteredWith = new(
        "(?<a>" + Name + ")" + Paren("pa") +
        @",?" + Gap + @"(?:has[ ]|have[ ]|today[ ]|recently[ ])?(?:entered[ ]into|signed|executed|announced)\b" + NumberWords.SentenceChar + @"{0,200}?\bwith" +
        Gap + "(?:the" + Gap + ")?(?<b>" + Name + ")" + Paren("pb"),
        NumberWords.Options,
        NumberWords.MatchTimeout);

    // A cover form's field: "Customer Legal Name: Bramble Grid LLC", "Tenant: ...", "Service Provider Name: ...".
    private static readonly Regex s_coverField = new(
        @"(?:^|\n)[ \t|]*(?<label>(?i:service[ ]provider|provider|supplier|vendor|landlord|lessor|licensor|seller|host|customer|client|tenant|lessee|licensee|buyer|purchaser))" +
        @"(?:['’]s)?(?:[ ](?i:full|legal|company|entity|corporate|registered|name|entity[ ]name)){0,3}[ \t]*[:|][ \t]*(?<name>" + Name + ")",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    // A signature line: "By:", "By: ______", "By /s/ Jane Doe".
    private static readonly Regex s_byLine = new(@"(?:^|\n)[ \t]*By[ \t]*(?::|/s/)", NumberWords.Options, NumberWords.MatchTimeout);

    // A caption line above it: "CUSTOMER:", "LANDLORD: ACME PROPERTIES LLC", "Administrative Agent:".
    private static readonly Regex s_caption = new(
        @"^[ \t]*(?<label>[A-Za-z][A-Za-z -]{1,40}?)[ \t]*:[ \t]*(?<rest>[^\n]*)$", NumberWords.Options | RegexOptions.Multiline, NumberWords.MatchTimeout);

    private static readonly Regex s_nameStart = new(@"\G[ \t]*(?<name>" + Name + ")", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly HashSet<string> s_generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "company", "registrant", "party", "parties", "agreement", "provider", "customer", "supplier", "vendor", "lessor",
        "lessee", "seller", "buyer", "purchaser", "client", "licensor", "licensee", "affiliates", "affiliate", "each", "both",
        "such", "this", "that", "these", "section", "article", "exhibit", "schedule", "item", "on", "in", "under", "if",
        "we", "our", "us", "it", "its", "they", "he", "she", "all", "any", "other", "form", "group", "landlord", "tenant",
        "lender", "lenders", "borrower", "holder", "holders", "guarantor", "agent", "issuer", "investors", "purchasers",
        "developer", "owner", "operator", "sponsor", "counterparty", "contractor", "manufacturer", "distributor", "reseller",
        "partner", "partners", "host", "licensor", "sublessee", "sublessor", "subtenant", "trustee",
    };

    private static readonly HashSet<string> s_notFirstWord = new(StringComparer.Ordinal)
    {
        "Section", "Article", "Exhibit", "Schedule", "Item", "This", "On", "In", "Under", "Note", "Notes", "Phase", "Project",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Nasdaq", "NASDAQ", "NYSE", "Form", "If", "As", "For", "With", "By", "To", "From", "At", "An", "A",
        "Our", "We", "Its", "It", "Such", "Each", "Any", "All", "No", "Upon", "After", "Before", "During", "Following", "Pursuant",
        "End", "Tier", "Q1", "Q2", "Q3", "Q4", "Fiscal", "Total", "Net", "Secured", "Secures", "Signed", "Signs", "Announced",
        "Announces", "Expands", "Expanded", "Targeting", "Completed", "Completes", "Entered", "Executed", "Receives", "Received",
        "Continued", "Continues", "Approval", "Key", "Highlights", "Under", "Subsequent", "Risks", "Risk", "Leases", "Commitments",
        "NOTE", "ITEM", "EXHIBIT", "SECTION", "ARTICLE", "SCHEDULE", "FORM", "THIS", "Entry", "Material",
    };

    private static readonly HashSet<string> s_leadingFiller = new(StringComparer.Ordinal)
    {
        "Today", "Yesterday", "Additionally", "Also", "Separately", "Further", "Furthermore", "Recently", "Previously",
        "Meanwhile", "Moreover", "Accordingly", "Between", "BETWEEN", "Among", "AMONG", "And", "AND", "By", "BY",
    };

    // An optional parenthetical after a name, such as (the “Company”), captured as group <paramref name="group"/>.
    private static string Paren(string group) => "(?:" + Gap + @"?\((?<" + group + @">[^()]{0,100})\))?";

    /// <summary>Parties of a stretch of text (a quote re-read to check a model's claim): preamble first, then plain pairs.</summary>
    public static PartiesFound? Read(string text, int window)
    {
        ArgumentNullException.ThrowIfNull(text);
        var limit = Math.Min(text.Length, window);
        var region = text[..limit];
        return FromDefinedTerms(region)
            ?? FromPair(s_plainBetween.Matches(region))
            ?? FromPair(s_jointAnnouncement.Matches(region))
            ?? FromPair(s_enteredWith.Matches(region));
    }

    /// <summary>
    /// Reads a whole document: the preamble (or, in a filing or release, the filer and its counterparties), then
    /// the cover form and signature blocks, which fill in roles the preamble leaves open and are checked against it.
    /// </summary>
    public static PartyReading ReadDocument(DocumentText document, int window)
        => ReadDocument(document, window, PartyRoleModel.Default, CompanyKinds.Bundled);

    /// <summary>
    /// As <see cref="ReadDocument(DocumentText, int)"/>, with the learned side reader given (null: rules only) and the
    /// table of company kinds that breaks a tie the text leaves open (null: none).
    /// </summary>
    public static PartyReading ReadDocument(DocumentText document, int window, PartyRoleModel? model, CompanyKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var region = text[..Math.Min(text.Length, window)];
        var warnings = new List<string>();
        var origin = DocumentOriginReader.Read(document);

        var found = FromDefinedTerms(region);
        var fromPreamble = found is not null;
        var isContract = origin.Kind is DocumentKinds.Contract or DocumentKinds.Other;
        var defined = DefinedPartyReader.Read(region);
        if (found is not null && defined is not null)
        {
            found = WithDefinedRoles(found, defined, DefinedPartyReader.IsSecurities(region));
        }
        else if (found is null && isContract && defined is not null && (defined.Parties.Count >= 2 || defined.Parties.Any(p => p.Term is not null)))
        {
            found = defined;
            fromPreamble = true;
        }

        if (found is null && origin.Kind != DocumentKinds.Contract)
        {
            found = NarrativePartyReader.Read(region, origin);
            if (found is not null && defined is not null)
            {
                // A filing defines short names only for the companies it is about: they are parties even where no deal
                // sentence names them ("CoreWeave, Inc. ("CoreWeave") exercised its option ...").
                found = found with
                {
                    Parties = [.. found.Parties, .. defined.Parties.Where(d => !found.Parties.Any(p => SameCompany(p.Name, d.Name)))
                        .Select(d => d with { Role = null, Term = d.Term is PartyRoles.Issuer or PartyRoles.Investor ? null : d.Term })
                        .Take(Math.Max(0, 12 - found.Parties.Count))],
                };
            }
        }

        found ??= FromPair(s_plainBetween.Matches(region))
            ?? FromPair(s_jointAnnouncement.Matches(region))
            ?? FromPair(s_enteredWith.Matches(region));

        if (found is not null && fromPreamble)
        {
            found = WithDefinedEntities(region, found);
            found = found with
            {
                Parties = [.. found.Parties, .. NarrativePartyReader.NamedEntities(region[..Math.Min(region.Length, 6_000)], origin)
                    .Where(n => !found.Parties.Any(p => SameCompany(p.Name, n.Name))).Take(Math.Max(0, 12 - found.Parties.Count))],
            };
        }

        if (found is not null && fromPreamble && !found.Parties.Any(p => p.Role is not null))
        {
            // Short names for terms ("CoreWeave", "Mistral", "Owner"): the body's obligations say who provides, and
            // when they say nothing the narrative rules read its first deal sentence.
            found = ObligationSideReader.Fill(region, found, out var disagree);
            if (!disagree && !found.Parties.Any(p => p.Role is not null))
            {
                found = found with { Parties = NarrativePartyReader.RolesInBody(region, found.End, origin, found.Parties) };
            }
        }

        var securities = DefinedPartyReader.IsSecurities(region);
        var restated = CoverFields(region).Concat(SignatureBlocks(text)).Concat(Letterhead(region))
            .Select(r => securities && DefinedPartyReader.RoleOf(r.Term, securities: true) is { } mapped && mapped != r.Term ? r with { Term = mapped } : r)
            .ToList();
        found = Reconcile(found, fromPreamble, restated, warnings);
        if (isContract && found is not null
            && (!found.Parties.Any(p => p.Role == ProviderRole) || !found.Parties.Any(p => p.Role == CustomerRole)))
        {
            // An order form's field names the customer; the body says who makes the service available to it.
            found = ObligationSideReader.Fill(region, found);
        }
        else if (isContract && found is null
            && ObligationSideReader.Fill(region, new PartiesFound([], 0, 0)) is { Parties.Count: > 0 } fromDefinitions)
        {
            // Names with descriptions but no terms in the preamble, and a definitions clause that gives each its role.
            found = fromDefinitions with { Start = fromDefinitions.Parties.Min(p => p.Start), End = fromDefinitions.Parties.Max(p => p.End) };
        }

        if (model is not null && found is not null
            && (!found.Parties.Any(p => p.Role == ProviderRole) || !found.Parties.Any(p => p.Role == CustomerRole)))
        {
            found = model.FillSides(region, found, origin);
        }

        if (kinds is not null && found is not null)
        {
            found = PartyKindPrior.Fill(region, found, origin, kinds);
        }

        if (found is not null)
        {
            found = WithFullerNames(found);
        }

        var roles = new List<PartyRole>();
        if (found is not null)
        {
            foreach (var party in found.Parties.Where(p => p.Term is not null || p.Role is not null || p.Parent is not null))
            {
                var role = party.Term ?? party.Role ?? "party";
                var quoteStart = party.QuoteStart >= 0 ? party.QuoteStart : party.Start;
                var quoteEnd = party.QuoteEnd >= 0 ? party.QuoteEnd : Math.Min(text.Length, Math.Max(party.End, QuoteEnd(text, party)));
                roles.Add(new PartyRole(party.Name, role, party.Parent, document.PageAt(quoteStart), quoteStart, quoteEnd, text[quoteStart..quoteEnd]));
            }
        }

        foreach (var mention in restated.Where(m => !roles.Any(r => r.Start == m.Start)))
        {
            if (mention.Term is { } term && term != "party")
            {
                roles.Add(new PartyRole(mention.Name, term, mention.Parent, document.PageAt(mention.QuoteStart), mention.QuoteStart, mention.End, text[mention.QuoteStart..mention.End]));
            }
        }

        return new PartyReading(found, roles, warnings);
    }

    /// <summary>
    /// The preamble's parties with the roles the defined-term reader gives them where the preamble gave none (or, in a
    /// securities document, where "Company" and "Purchaser" mean issuer and investor), then the other entities it defines.
    /// </summary>
    private static PartiesFound WithDefinedRoles(PartiesFound found, PartiesFound defined, bool securities)
    {
        var parties = found.Parties.Select(p =>
            defined.Parties.FirstOrDefault(d => SameCompany(d.Name, p.Name)) is { Term: { } term } match && (p.Term is null || securities)
                ? p with { Term = term, Role = match.Role }
                : p).ToList();
        parties.AddRange(defined.Parties.Where(d => d.Term is not null && !parties.Any(p => SameCompany(p.Name, d.Name))).Take(Math.Max(0, 12 - parties.Count)));
        return found with { Parties = parties };
    }

    /// <summary>
    /// A side held by the leading words of another party's name ("Helion" beside "Helion Energy", "OpenAI" beside "OpenAI
    /// Group PBC") goes to the fuller name, when just one party has it and holds no side of its own: a document that
    /// names a company in full and then by its first words means one company, and the full name is the one to store.
    /// </summary>
    private static PartiesFound WithFullerNames(PartiesFound found)
    {
        var parties = found.Parties.ToList();
        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            if (party.Role is null && party.Term is null)
            {
                continue;
            }

            var fuller = parties.Select((p, index) => (p, index))
                .Where(c => c.index != i && c.p.Role is null && c.p.Term is null && c.p.Name.Length > party.Name.Length
                    && c.p.Name.StartsWith(party.Name + " ", StringComparison.Ordinal))
                .ToList();
            if (fuller.Count != 1)
            {
                continue;
            }

            var (target, at) = fuller[0];
            parties[at] = target with
            {
                Role = party.Role,
                Term = party.Term,
                Parent = target.Parent ?? party.Parent,
                QuoteStart = party.QuoteStart >= 0 ? party.QuoteStart : party.Start,
                QuoteEnd = party.QuoteEnd >= 0 ? party.QuoteEnd : party.End,
            };
            parties[i] = party with { Role = null, Term = null };
        }

        return found with { Parties = parties };
    }

    /// <summary>The deal side of a defined term ("the Lessee" -> customer), or null when it names no side.</summary>
    public static string? RoleOf(string definedTerm)
        => PartyRoleWords.RoleOf(definedTerm) is { } role ? PartyRoles.SideOf(role) : null;

    /// <summary>A quote for a party's role runs to the end of its defined term, when one follows closely.</summary>
    private static int QuoteEnd(string text, PartyMention party)
    {
        var term = s_definedTerm.Match(text, party.End);
        return term.Success && term.Index - party.End <= 300 ? term.Index + term.Length : party.End;
    }

    private static PartiesFound? FromDefinedTerms(string text)
    {
        foreach (Match between in s_between.Matches(text))
        {
            var parties = new List<PartyMention>();
            var cursor = between.Index + between.Length;
            var end = cursor;
            while (parties.Count < 6)
            {
                var name = s_nameAt.Match(text, cursor);
                if (!name.Success && parties.Count > 0 && s_plainDefinedAt.Match(text, cursor) is { Success: true } plain)
                {
                    // "the lenders from time to time party hereto (the “Lenders”)": a class of parties, not a company.
                    cursor += plain.Length;
                    name = s_nameAt.Match(text, cursor);
                }

                if (!name.Success)
                {
                    break;
                }

                var nameGroup = name.Groups["name"];
                var nameEnd = nameGroup.Index + nameGroup.Length;
                var term = s_definedTerm.Match(text, nameEnd);
                // The short name must follow the name closely (after "a Delaware corporation", "with offices at" an
                // address, "a wholly-owned subsidiary of" a parent), without crossing a paragraph.
                if (!term.Success || term.Index - nameEnd > 300
                    || text.AsSpan(nameGroup.Index, term.Index - nameGroup.Index).Contains("\n\n", StringComparison.Ordinal))
                {
                    break;
                }

                var terms = s_quotedTerm.Matches(term.Value).Select(q => q.Groups["term"].Value).ToList();
                var specific = terms.Select(PartyRoleWords.RoleOf).FirstOrDefault(r => r is not null);
                var between_ = text[nameEnd..term.Index];
                var parent = s_subsidiaryOf.Match(between_) is { Success: true } sub ? CleanName(sub.Groups["parent"].Value) : null;
                var party = Clean(text, nameGroup.Index, nameEnd, specific is null ? null : PartyRoles.SideOf(specific));
                if (party is null)
                {
                    break;
                }

                parties.Add(party with { Term = specific, Parent = parent });
                cursor = term.Index + term.Length;
                end = cursor;
            }

            if (parties.Count >= 2)
            {
                return new PartiesFound(parties, parties[0].Start, end);
            }
        }

        return null;
    }

    private static PartiesFound? FromPair(MatchCollection matches)
    {
        foreach (Match match in matches)
        {
            var a = match.Groups["a"];
            var b = match.Groups["b"];
            var first = Clean(match.Value, a.Index - match.Index, a.Index - match.Index + a.Length, RoleFromParen(match.Groups["pa"]));
            var second = Clean(match.Value, b.Index - match.Index, b.Index - match.Index + b.Length, RoleFromParen(match.Groups["pb"]));
            if (first is null || second is null || first.Name == second.Name)
            {
                continue;
            }

            first = first with { Start = first.Start + match.Index, End = first.End + match.Index };
            second = second with { Start = second.Start + match.Index, End = second.End + match.Index };
            var end = match.Groups["pb"].Success ? match.Index + match.Length : second.End;
            return new PartiesFound([first, second], first.Start, Math.Max(end, second.End));
        }

        return null;
    }

    private static string? RoleFromParen(Group paren)
    {
        if (!paren.Success)
        {
            return null;
        }

        var quoted = s_definedTerm.Match("(" + paren.Value + ")");
        return quoted.Success ? RoleOf(quoted.Groups["term"].Value) : null;
    }

    // An entity description between a name and its defined term: "a Delaware limited liability company", "a national bank".
    private static readonly Regex s_entityDescription = new(
        @"\b(?i:corporation|company|partnership|association|bank|trust|limited|exempted|société|gesellschaft)\b", NumberWords.Options, NumberWords.MatchTimeout);

    /// <summary>
    /// Other companies a contract's recitals define ("X LLC, a Delaware limited liability company (the “Initial
    /// Borrower”)"), added after the preamble's parties with the role their defined term gives. Only an entity (a legal
    /// form, or a description such as "a Delaware corporation") counts, so "Confidential Information (“Information”)" does not.
    /// </summary>
    private static PartiesFound WithDefinedEntities(string region, PartiesFound found)
    {
        var parties = found.Parties.ToList();
        var seen = 0;
        for (var term = s_definedTerm.Match(region, found.End); term.Success && seen < 40 && parties.Count < 12; term = term.NextMatch())
        {
            seen++;
            if (DocumentOriginReader.NameBefore(region, term.Index) is not { } named)
            {
                continue;
            }

            var description = region[named.End..term.Index];
            if (!EndsWithLegalForm(named.Name) && !s_entityDescription.IsMatch(description))
            {
                continue;
            }

            if (Clean(region, named.Start, named.End, null) is not { } party || parties.Any(p => SameCompany(p.Name, party.Name)))
            {
                continue;
            }

            var specific = s_quotedTerm.Matches(term.Value).Select(q => PartyRoleWords.RoleOf(q.Groups["term"].Value)).FirstOrDefault(r => r is not null);
            var parent = s_subsidiaryOf.Match(description) is { Success: true } sub ? CleanName(sub.Groups["parent"].Value) : null;
            parties.Add(party with { Term = specific, Parent = parent });
        }

        return found with { Parties = parties };
    }

    /// <summary>A party restated by a cover-form field or a signature block, with where its caption starts.</summary>
    private sealed record Restated(string Name, int QuoteStart, int Start, int End, string Term, string? Parent, string Source);

    private static IEnumerable<Restated> CoverFields(string region)
    {
        foreach (Match field in s_coverField.Matches(region))
        {
            var term = PartyRoleWords.RoleOf(field.Groups["label"].Value);
            var name = field.Groups["name"];
            if (term is null || Clean(region, name.Index, name.Index + name.Length, null) is not { } party)
            {
                continue;
            }

            yield return new Restated(party.Name, field.Groups["label"].Index, party.Start, party.End, term, null, "cover form");
        }
    }

    /// <summary>
    /// Signature blocks: a caption that names a role ("CUSTOMER:", "Landlord:") within a few lines above a "By:" line,
    /// with the company's name after the caption or on the next non-empty line.
    /// </summary>
    private static IEnumerable<Restated> SignatureBlocks(string text)
    {
        var previousEnd = 0;
        foreach (Match by in s_byLine.Matches(text))
        {
            var blockStart = Math.Max(previousEnd, by.Index - 400);
            previousEnd = by.Index + by.Length;
            var block = text[blockStart..by.Index];
            foreach (Match caption in s_caption.Matches(block))
            {
                var label = caption.Groups["label"].Value.Trim();
                var term = PartyRoleWords.RoleOf(label);
                if (term is null && (s_notPartyCaptions.Contains(label) || !char.IsUpper(label[0])))
                {
                    continue;
                }

                // The name follows the caption on its line, or stands on the next non-empty line.
                var rest = caption.Groups["rest"];
                var nameSearchStart = rest.Value.Trim().Length > 0 ? rest.Index : caption.Index + caption.Length;
                var nameMatch = s_nameStart.Match(block, nameSearchStart);
                if (!nameMatch.Success || block.AsSpan(nameSearchStart, nameMatch.Index - nameSearchStart).ToString().Trim().Length > 0)
                {
                    var next = NextNonEmptyLine(block, caption.Index + caption.Length);
                    if (next < 0)
                    {
                        continue;
                    }

                    nameMatch = s_nameStart.Match(block, next);
                    if (!nameMatch.Success || nameMatch.Index != next)
                    {
                        continue;
                    }
                }

                var name = nameMatch.Groups["name"];
                var start = blockStart + name.Index;
                if (Clean(text, start, start + name.Length, null) is not { } party)
                {
                    continue;
                }

                // A caption that is no role word ("DEVELOPER:", "OFFTAKER:") still names a party when a legal name follows.
                if (term is null && !EndsWithLegalForm(party.Name))
                {
                    continue;
                }

                // "SWITCH, LTD., a Nevada limited liability company and a subsidiary of Switch, Inc., for itself ...".
                var afterName = block[(name.Index + name.Length)..];
                var parent = s_subsidiaryOf.Match(afterName[..Math.Min(afterName.Length, 200)]) is { Success: true } sub ? CleanName(sub.Groups["parent"].Value) : null;
                yield return new Restated(party.Name, blockStart + caption.Groups["label"].Index, party.Start, party.End, term ?? "party", parent, "signature block");
                break;
            }
        }
    }

    // A title naming what the document is: "INFERENCE CLOUD ORDER FORM", "STATEMENT OF WORK No. 3", "GPU CAPACITY ORDER".
    private static readonly Regex s_formTitle = new(
        @"\b(?i:order[ ]form|service[ ]order|capacity[ ]order|order|statement[ ]of[ ]work|master[ ](?:cloud[ ])?services[ ]agreement|quotation|quote)\b",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_purchaseOrder = new(@"\b(?i:purchase[ ]order)\b", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_titleSeparator = new(@"[ \t]+(?:—|–|-|\|)[ \t]+", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_wholeName = new(@"^(?:" + Name + @")$", NumberWords.Options, NumberWords.MatchTimeout);

    /// <summary>
    /// An order form, service order or statement of work is written on its provider's paper: the company of the
    /// letterhead line above the title ("CEREBRAS SYSTEMS INC." over "INFERENCE CLOUD ORDER FORM") or named in the
    /// title itself ("STATEMENT OF WORK No. 3 — COREWEAVE, INC.") is the provider, when the form names its customer
    /// in a field. A purchase order is the buyer's paper and gives nothing here.
    /// </summary>
    private static IEnumerable<Restated> Letterhead(string region)
    {
        var head = region[..Math.Min(region.Length, 600)];
        var customerField = s_coverField.Matches(head).FirstOrDefault(f => PartyRoleWords.RoleOf(f.Groups["label"].Value) is { } t && PartyRoles.SideOf(t) == CustomerRole);
        if (customerField is null || s_purchaseOrder.IsMatch(head))
        {
            yield break;
        }

        var lines = new List<(string Text, int Start)>();
        var position = 0;
        while (position < head.Length && lines.Count < 4)
        {
            var end = head.IndexOf('\n', position);
            end = end < 0 ? head.Length : end;
            var line = head[position..end];
            if (line.Trim().Length > 0)
            {
                lines.Add((line, position));
            }

            position = end + 1;
        }

        var titleIndex = lines.FindIndex(l => l.Text.Trim().Length <= 100 && s_formTitle.IsMatch(l.Text) && (!l.Text.TrimEnd().EndsWith('.') || CompanyNamePattern.EndsWithAbbreviation(l.Text.Trim())));
        if (titleIndex < 0 || lines[titleIndex].Start > customerField.Index)
        {
            yield break;
        }

        // The title's own segments first ("... — COREWEAVE, INC."), then a whole line above it that is only a name.
        var candidates = s_titleSeparator.Split(lines[titleIndex].Text.Trim()).Select(x => (Text: x.Trim(), Line: lines[titleIndex]))
            .Concat(lines.Take(titleIndex).Select(l => (Text: l.Text.Trim(), Line: l)));
        foreach (var (candidate, line) in candidates)
        {
            var bare = candidate.TrimEnd(',');
            if (!s_wholeName.IsMatch(bare) || !EndsWithLegalForm(bare) || s_formTitle.IsMatch(bare))
            {
                continue;
            }

            var start = line.Start + line.Text.IndexOf(bare, StringComparison.Ordinal);
            if (Clean(region, start, start + bare.Length, null) is not { } party || SameCompany(party.Name, customerField.Groups["name"].Value))
            {
                continue;
            }

            yield return new Restated(party.Name, start, party.Start, party.End, ProviderRole, null, "letterhead");
            yield break;
        }
    }

    private static readonly HashSet<string> s_notPartyCaptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "Title", "Date", "Address", "Attention", "Attn", "Email", "E-mail", "Phone", "Telephone", "Fax", "Signature",
        "Its", "By", "Notice", "Notices", "Witness", "Print Name", "Printed Name", "With a copy to", "Copy to",
    };

    private static int NextNonEmptyLine(string block, int from)
    {
        var position = from;
        while (position < block.Length)
        {
            var lineEnd = block.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = block.Length;
            }

            if (block.AsSpan(position, lineEnd - position).Trim().Length > 0)
            {
                var start = position;
                while (start < lineEnd && char.IsWhiteSpace(block[start]))
                {
                    start++;
                }

                return start;
            }

            position = lineEnd + 1;
        }

        return -1;
    }

    /// <summary>
    /// Merges what cover forms and signature blocks restate with what the preamble (or narrative) found: roles it left
    /// open are filled, new names are added, and a role that contradicts the preamble's is reported and ignored.
    /// </summary>
    private static PartiesFound? Reconcile(PartiesFound? found, bool fromPreamble, List<Restated> restated, List<string> warnings)
    {
        if (restated.Count == 0)
        {
            return found;
        }

        var parties = found?.Parties.ToList() ?? [];
        foreach (var mention in restated)
        {
            var side = PartyRoles.SideOf(mention.Term);
            var index = parties.FindIndex(p => SameCompany(p.Name, mention.Name));
            if (index >= 0)
            {
                var existing = parties[index];
                if (side is not null && existing.Role is not null && existing.Role != side)
                {
                    if (fromPreamble)
                    {
                        warnings.Add($"parties: the {mention.Source} names {mention.Name} {mention.Term}, but the preamble makes it {existing.Term ?? existing.Role}; the preamble is kept");
                    }

                    continue;
                }

                if (existing.Role is null && side is not null && !parties.Any(p => p.Role == side))
                {
                    existing = existing with { Role = side, Term = existing.Term ?? mention.Term };
                }

                parties[index] = existing.Parent is null && mention.Parent is not null ? existing with { Parent = mention.Parent } : existing;

                continue;
            }

            var takenSide = side is not null && parties.Any(p => p.Role == side);
            if (takenSide && fromPreamble)
            {
                warnings.Add($"parties: the {mention.Source} names {mention.Name} {mention.Term}, but the preamble gives that role to {parties.First(p => p.Role == side).Name}; the preamble is kept");
                continue;
            }

            parties.Add(new PartyMention(mention.Name, mention.Start, mention.End, takenSide ? null : side, mention.Term == "party" ? null : mention.Term, mention.Parent));
        }

        if (parties.Count == 0)
        {
            return null;
        }

        // A cover form naming only the customer: the provider is the other company the form names, when just one.
        if (parties.Any(p => p.Role == CustomerRole) && !parties.Any(p => p.Role == ProviderRole))
        {
            var others = parties.Where(p => p.Role is null).ToList();
            if (others.Count == 1)
            {
                var index = parties.IndexOf(others[0]);
                parties[index] = others[0] with { Role = ProviderRole };
            }
        }

        var start = found?.Start ?? parties.Min(p => p.Start);
        var end = found?.End ?? parties.Max(p => p.End);
        return new PartiesFound(parties, start, end);
    }

    internal static bool SameCompany(string a, string b)
        => string.Equals(Risk.CompanyNames.Normalize(a), Risk.CompanyNames.Normalize(b), StringComparison.Ordinal);

    /// <summary>A parent's name as the subsidiary clause wrote it, without a trailing comma or sentence period.</summary>
    private static string? CleanName(string name)
    {
        var trimmed = name.TrimEnd(',', ' ', '\n', '\t');
        if (trimmed.EndsWith('.') && !CompanyNamePattern.EndsWithAbbreviation(trimmed))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Length == 0 || s_generic.Contains(trimmed) ? null : trimmed;
    }

    /// <summary>Drops filler words before the name and a sentence-ending period after it; rejects generic words.</summary>
    internal static PartyMention? Clean(string text, int start, int end, string? role)
    {
        start = CompanyNamePattern.SkipYearOfDate(text, start, end);
        while (true)
        {
            var space = text.IndexOfAny([' ', '\t', '\n', '\u00A0'], start, end - start);
            if (space < 0 || !s_leadingFiller.Contains(text[start..space].TrimEnd(',')))
            {
                break;
            }

            start = space;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        // Trailing "of" / "&" belong to the next words, and a final period ends the sentence unless it closes "Inc." etc.
        var name = text[start..end];
        while (name.EndsWith(" of", StringComparison.Ordinal) || name.EndsWith(" &", StringComparison.Ordinal)
            || name.EndsWith(" de", StringComparison.Ordinal) || name.EndsWith(" d/b/a", StringComparison.Ordinal))
        {
            name = name[..name.LastIndexOf(' ')];
        }

        if (name.EndsWith('.') && !CompanyNamePattern.EndsWithAbbreviation(name))
        {
            name = name[..^1];
        }

        name = name.TrimEnd(',', ' ', '\n', '\t');

        // A name does not run on from one line into a heading on the next ("Microsoft\nTargeting") unless a legal form
        // closes it (a wrapped "Acme Compute\nHoldings, LLC").
        var newline = name.IndexOf('\n', StringComparison.Ordinal);
        if (newline > 0 && !EndsWithLegalForm(name))
        {
            name = name[..newline].TrimEnd(',', ' ', '\t', '\r');
        }

        // "Kairos Power's Hermes 2 plant": a possessive inside a name names the owner, unless what it owns is itself a
        // company with a legal form ("BlackRock's Global Infrastructure Partners").
        var possessive = name.IndexOfAny(['\'', '’']);
        if (possessive > 0 && possessive + 3 < name.Length && name[possessive + 1] == 's' && name[possessive + 2] == ' '
            && !EndsWithLegalForm(name))
        {
            name = name[..possessive];
        }

        name = StripTrailingNouns(name);
        var words = name.Split([' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.All(w => s_generic.Contains(w.TrimEnd('.', '’', '\'', 's'))) || s_generic.Contains(words[0]) && words.Length == 1)
        {
            return null;
        }

        if (s_notFirstWord.Contains(words[0].TrimEnd('.', ',')) || words.Any(w => s_headlineVerbs.Contains(w)))
        {
            return null;
        }

        // A plural of capitals ("GPUs", "ASICs") is a product, not a company.
        if (words.Length == 1 && words[0].Length > 2 && words[0].EndsWith('s') && words[0][..^1].All(char.IsUpper))
        {
            return null;
        }

        // A name opening with a number is a property company ("1600 Smith Street LLC") only when a legal form closes it.
        if (char.IsDigit(words[0][0]) && !EndsWithLegalForm(name))
        {
            return null;
        }

        return new PartyMention(name, start, start + name.Length, role);
    }

    // A capitalised verb makes a headline, not a name: "Acme Announces Approval of".
    private static readonly HashSet<string> s_headlineVerbs = new(StringComparer.Ordinal)
    {
        "Announces", "Reports", "Signs", "Secures", "Completes", "Expands", "Launches", "Enters", "Receives", "Approves",
        "Closes", "Prices", "Provides", "Updates", "Unveils", "Agrees", "Acquires", "Names", "Appoints", "Declares",
    };

    // Capitalised nouns that end a title or a heading rather than a company name: "Core42 Leases", "Total Contract Value".
    private static readonly HashSet<string> s_notNameEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "Agreement", "Agreements", "Contract", "Contracts", "Lease", "Leases", "Deal", "Value", "Expansion", "Amendment",
        "Amendments", "Revenue", "Revenues", "Term", "Capacity", "Campus", "Project", "Notes", "Note", "Warrants", "Warrant",
        "Shares", "Stock", "Offering", "Transaction", "Acquisition", "Results", "Highlights", "Update", "Facility", "Loan",
        "Financing", "Commitment", "Purchase", "Order", "Sale", "Program", "Plan", "Statements", "Events", "Event", "Abstract",
        "Ended", "Months", "Quarter", "Year", "Date", "Price", "Cost", "Costs", "Payments", "Obligations", "Proceeds", "Rights",
    };

    // Words that make a whole name a document title or a kind of deal, not a company: "Master Services", "Ground".
    private static readonly HashSet<string> s_titleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Master", "Services", "Service", "Hosting", "Colocation", "Cloud", "Compute", "Supply", "Purchase", "Credit", "Ground",
        "Power", "Framework", "Definitive", "Amended", "Restated", "Share", "Stock", "Note", "Warrant", "Lease", "Sublease",
        "Total", "Contract", "Base", "Base-Term", "Initial", "New", "First", "Second", "Third", "Fourth", "AI", "HPC", "GPU",
        "Data", "Center", "Capacity", "Commercial", "Operating", "Finance", "Indenture", "Guarantee", "Pledge", "Security",
        "Letter", "Intent", "Term", "Sheet", "Subscription", "Investment", "Collaboration", "Partnership", "Strategic",
        "Subsequent", "SUBSEQUENT", "Leases", "Commitments", "Contingencies", "Concentrations", "Major", "Customers",
        "Material", "Entry", "Other", "Events", "Agreement", "Call", "Put", "Option", "Options", "Consideration", "Loan",
    };

    /// <summary>
    /// "Core42 Leases" is Core42: a company used as a noun's attribute keeps its own name; a title made only of
    /// deal words ("Total Contract Value", "Master Services Agreement") is no name at all.
    /// </summary>
    private static string StripTrailingNouns(string name)
    {
        if (EndsWithLegalForm(name))
        {
            return name;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var stripped = false;
        while (words.Count > 0 && s_notNameEnd.Contains(words[^1].TrimEnd('.', ',')))
        {
            words.RemoveAt(words.Count - 1);
            stripped = true;
        }

        if (stripped && words.All(w => s_titleWords.Contains(w)))
        {
            return "";
        }

        return stripped ? string.Join(' ', words) : name;
    }

    private static readonly Regex s_legalFormEnd = new(
        @"(?:^|[\s,])" + CompanyNamePattern.Suffix + @"(?:,[ \t\n]+(?:[A-Z][A-Za-z.]*[ \t\n]+){1,3}(?:Branch|BRANCH))?$|\b(?:Trust|Partners|Holdings|Group|Capital|Properties|Realty|Fund|TRUST|PARTNERS|HOLDINGS|GROUP)$", NumberWords.Options, NumberWords.MatchTimeout);

    internal static bool EndsWithLegalForm(string name) => s_legalFormEnd.IsMatch(LegalPart(name));

    // "1375 Harrisburg Pike Holdings LLC d/b/a Chirisa Lancaster": the legal form closes the legal name, before the trade name.
    private static string LegalPart(string name)
    {
        var dba = name.IndexOf(" d/b/a ", StringComparison.Ordinal);
        dba = dba >= 0 ? dba : name.IndexOf(" dba ", StringComparison.Ordinal);
        dba = dba >= 0 ? dba : name.IndexOf(" doing business as ", StringComparison.Ordinal);
        return dba > 0 ? name[..dba].TrimEnd(',', ' ') : name;
    }

    /// <summary>True when <paramref name="word"/> can start a company name (not a month, pronoun or heading word).</summary>
    internal static bool CanStartName(string word) => !s_notFirstWord.Contains(word.TrimEnd('.', ','));

    internal static bool IsGeneric(string word) => s_generic.Contains(word);

    internal static string WordPattern => Word;
}
