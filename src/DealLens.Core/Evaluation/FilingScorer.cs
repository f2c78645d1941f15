using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Risk;

namespace DealLens.Core.Evaluation;

/// <summary>The scored fields, in report order.</summary>
public static class FilingFields
{
    public const string Parties = "parties";
    public const string Provider = "provider";
    public const string Customer = "customer";
    public const string Roles = "roles";
    public const string TotalValue = "total_value";
    public const string TermMonths = "term_months";
    public const string CapacityMw = "capacity_mw";
    public const string Financing = "financing";
    public const string Concentration = "concentration";

    public static IReadOnlyList<string> All { get; } =
        [Parties, Provider, Customer, Roles, TotalValue, TermMonths, CapacityMw, Financing, Concentration];
}

/// <summary>How many of a field's labelled items one document (or a set) got right.</summary>
public sealed record FieldCount(string Field, int Right, int Total)
{
    public double? Rate => Total == 0 ? null : (double)Right / Total;
}

/// <summary>One document's score: a count per field and a line per miss ("provider: expected X, found Y").</summary>
public sealed record FilingDocumentScore(string Doc, IReadOnlyList<FieldCount> Fields, IReadOnlyList<string> Misses);

/// <summary>
/// Compares a <see cref="FilingPrediction"/> with a <see cref="FilingLabel"/>. Names compare by
/// <see cref="CompanyNames.Normalize"/> (case, punctuation and legal forms ignored); a label's parenthesised
/// acronym is another spelling ("Texas Tech University (TTU)"). Party entries saying "unnamed" are not expected by
/// name. Amounts and capacities are right within 1 %, terms within half a month. A financing relation is found when
/// the graph holds one of a matching kind (label kinds map loosely onto relation kinds) between matching ends; an end
/// the label calls "unnamed" matches any company. A concentration fact (revenue share) is right when customer,
/// percent (within 0.05) and period (length and end) agree.
/// </summary>
public static class FilingScorer
{
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;
    private static readonly Regex s_paren = new(@"\((?<inner>[^()]*)\)", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_tradeName = new(@"[ \t\n]+(?:d/b/a|dba|doing[ ]business[ ]as)[ \t\n]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_isoDate = new(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_textDate = new(
        @"\b(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<d>\d{1,2}),\s*(?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);
    private static readonly Regex s_year = new(@"(?<!\d)(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_span = new(
        @"\b(?<n>three|six|nine|twelve|3|6|9|12)\s+months\b|\b(?<q>quarter)\b|\b(?<fy>FY|fiscal|year)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);
    private static readonly Regex s_leadingDeterminer = new(
        @"^(?:(?:our|its|their|the|a|an)\s+)+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);

    /// <summary>Label financing kinds and the relation kinds that count as finding them.</summary>
    private static readonly Dictionary<string, RelationKind[]> s_kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["equity"] = [RelationKind.Equity],
        ["equity_contribution"] = [RelationKind.Equity],
        ["preferred_equity"] = [RelationKind.Equity],
        ["equity_offering"] = [RelationKind.Equity],
        ["acquisition"] = [RelationKind.Equity],
        ["loan"] = [RelationKind.Loan],
        ["convertible_notes"] = [RelationKind.Loan],
        ["project_financing"] = [RelationKind.Loan, RelationKind.Equity],
        ["letter_of_credit"] = [RelationKind.Loan, RelationKind.Backstop],
        ["guarantee"] = [RelationKind.Backstop, RelationKind.Loan],
        ["backstop"] = [RelationKind.Backstop, RelationKind.Loan],
        ["pledge"] = [RelationKind.Loan, RelationKind.Backstop],
        ["warrant"] = [RelationKind.Warrant],
        ["prepayment"] = [RelationKind.Prepayment],
        ["capex_funding"] = [RelationKind.Prepayment, RelationKind.Loan, RelationKind.Equity],
        ["finance_lease"] = [RelationKind.SaleLeaseback, RelationKind.Loan, RelationKind.Purchase],
    };

    public static FilingDocumentScore Score(FilingLabel label, FilingPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(prediction);
        var fields = new List<FieldCount>();
        var misses = new List<string>();

        var named = label.Parties.Where(p => !p.Contains("unnamed", StringComparison.OrdinalIgnoreCase)).ToList();
        var missing = named.Where(p => !prediction.Names.Any(n => NamesMatch(p, n))).ToList();
        fields.Add(new FieldCount(FilingFields.Parties, named.Count - missing.Count, named.Count));
        if (missing.Count > 0)
        {
            misses.Add($"parties: missing {string.Join("; ", missing)} (found {Show(prediction.Names)})");
        }

        var providerRight = ScoreRole(FilingFields.Provider, label.Provider, prediction.Provider, fields, misses);
        var customerRight = ScoreRole(FilingFields.Customer, label.Customer, prediction.Customer, fields, misses);
        var statesRoles = label.Provider is not null || label.Customer is not null;
        fields.Add(new FieldCount(FilingFields.Roles, statesRoles && providerRight && customerRight ? 1 : 0, statesRoles ? 1 : 0));

        ScoreNumber(FilingFields.TotalValue, label.TotalValueUsd, prediction.TotalValueUsd, v => Math.Abs(v) * 0.01m, fields, misses);
        ScoreNumber(FilingFields.TermMonths, label.TermMonths, prediction.TermMonths, _ => 0.5m, fields, misses);
        ScoreNumber(FilingFields.CapacityMw, label.CapacityMw, prediction.CapacityMw, v => Math.Abs(v) * 0.01m, fields, misses);

        var financingRight = 0;
        foreach (var financing in label.Financing)
        {
            if (prediction.Relations.Any(r => FinancingMatches(financing, r)))
            {
                financingRight++;
            }
            else
            {
                misses.Add($"financing: missing {financing.Kind} {financing.From} -> {financing.To}");
            }
        }

        fields.Add(new FieldCount(FilingFields.Financing, financingRight, label.Financing.Count));
        if (label.Financing.Count > financingRight && prediction.Relations.Count > 0)
        {
            misses.Add("financing: graph has " + string.Join("; ", prediction.Relations.Select(r => $"{RelationKinds.Name(r.Kind)} {r.From[0]} -> {r.To[0]}")));
        }

        var facts = label.Concentration.Where(c => c.SharePct is not null && c.Metric.Equals("revenue", StringComparison.OrdinalIgnoreCase)).ToList();
        var factsRight = 0;
        foreach (var fact in facts)
        {
            if (prediction.Concentration.Any(c => ConcentrationMatches(fact, c)))
            {
                factsRight++;
            }
            else
            {
                misses.Add($"concentration: missing {fact.Customer} {fact.SharePct?.ToString(CultureInfo.InvariantCulture)}% {fact.Period}");
            }
        }

        fields.Add(new FieldCount(FilingFields.Concentration, factsRight, facts.Count));
        if (facts.Count > factsRight && prediction.Concentration.Count > 0)
        {
            misses.Add("concentration: read " + string.Join(
                "; ", prediction.Concentration.Select(c => $"{c.Customer} {c.Percent.ToString(CultureInfo.InvariantCulture)}% {c.Period ?? "(no period)"}")));
        }

        return new FilingDocumentScore(label.Doc, fields, misses);
    }

    /// <summary>Sums per-field counts over documents, in <see cref="FilingFields.All"/> order.</summary>
    public static IReadOnlyList<FieldCount> Sum(IEnumerable<FilingDocumentScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var list = scores.ToList();
        return FilingFields.All
            .Select(field => new FieldCount(
                field,
                list.Sum(s => s.Fields.Where(f => f.Field == field).Sum(f => f.Right)),
                list.Sum(s => s.Fields.Where(f => f.Field == field).Sum(f => f.Total))))
            .ToList();
    }

    /// <summary>True when <paramref name="predicted"/> names the company <paramref name="label"/> names.</summary>
    public static bool NamesMatch(string label, string predicted)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(predicted);
        var spellings = Spellings(label);
        var key = CompanyNames.Normalize(predicted);
        return key.Length > 0 && (spellings.Contains(key) || LegalName(predicted) is { } legal && spellings.Contains(CompanyNames.Normalize(legal)));
    }

    /// <summary>"X LLC d/b/a Y" is the company X LLC: a label may give the legal name alone, or with the trade name.</summary>
    private static string? LegalName(string name)
    {
        var dba = s_tradeName.Match(name);
        return dba.Success && dba.Index > 0 ? name[..dba.Index].TrimEnd(',', ' ') : null;
    }

    /// <summary>The label's name keys: as written, without parentheses, and each capitalised parenthesised alias.</summary>
    internal static HashSet<string> Spellings(string label)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { CompanyNames.Normalize(label) };
        if (LegalName(label) is { } legal)
        {
            keys.Add(CompanyNames.Normalize(legal));
        }

        var core = s_paren.Replace(label, " ").Trim();
        keys.Add(CompanyNames.Normalize(core));
        foreach (Match paren in s_paren.Matches(label))
        {
            var inner = paren.Groups["inner"].Value.Trim();
            if (inner.Length > 0 && char.IsUpper(inner[0]) && !inner.Contains(' ', StringComparison.Ordinal))
            {
                keys.Add(CompanyNames.Normalize(inner));
            }
        }

        keys.Remove("");
        return keys;
    }

    private static bool ScoreRole(string field, string? expected, string? predicted, List<FieldCount> fields, List<string> misses)
    {
        if (expected is null)
        {
            fields.Add(new FieldCount(field, 0, 0));
            return true;
        }

        var right = predicted is not null && NamesMatch(expected, predicted);
        fields.Add(new FieldCount(field, right ? 1 : 0, 1));
        if (!right)
        {
            misses.Add($"{field}: expected {expected}, found {predicted ?? "(none)"}");
        }

        return right;
    }

    private static void ScoreNumber(
        string field, decimal? expected, decimal? predicted, Func<decimal, decimal> tolerance, List<FieldCount> fields, List<string> misses)
    {
        if (expected is not { } value)
        {
            fields.Add(new FieldCount(field, 0, 0));
            return;
        }

        var right = predicted is { } p && Math.Abs(p - value) <= tolerance(value);
        fields.Add(new FieldCount(field, right ? 1 : 0, 1));
        if (!right)
        {
            misses.Add($"{field}: expected {value.ToString(CultureInfo.InvariantCulture)}, found {predicted?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
        }
    }

    internal static bool FinancingMatches(FilingFinancingLabel label, FilingRelation relation)
        => s_kinds.TryGetValue(label.Kind, out var kinds) && kinds.Contains(relation.Kind)
            && EndMatches(label.From, relation.From) && EndMatches(label.To, relation.To);

    /// <summary>
    /// A labelled end ("lenders (MUFG Bank, Ltd. as Administrative Agent)", "BRYHNI.COM AS and RENOL INVEST AS (Sellers)")
    /// matches a graph company when one of its spellings is the label's name or a whole-word part of it.
    /// </summary>
    private static bool EndMatches(string label, IReadOnlyList<string> spellings)
    {
        if (label.Contains("unnamed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var labelKey = " " + CompanyNames.Normalize(label.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)) + " ";
        var names = Spellings(label);
        foreach (var spelling in spellings)
        {
            var key = CompanyNames.Normalize(spelling);
            if (key.Length > 0 && (names.Contains(key) || labelKey.Contains(" " + key + " ", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool ConcentrationMatches(FilingConcentrationLabel label, FilingConcentration read)
    {
        if (label.SharePct is not { } share || Math.Abs(share - read.Percent) > 0.05m)
        {
            return false;
        }

        var expected = Customer(label.Customer);
        var found = Customer(read.Customer);
        return expected.Length > 0 && expected == found && PeriodsMatch(label.Period, read.Period);
    }

    private static string Customer(string name)
    {
        var core = s_paren.Replace(name, " ").Trim();
        return CompanyNames.Normalize(s_leadingDeterminer.Replace(core, ""));
    }

    /// <summary>
    /// "FY2016" = "year ended December 31, 2016" = "fiscal 2016"; "three months ended 2025-11-01" = "three months ended
    /// November 1, 2025". The end year must agree, the end date when both give one, the length when both give one.
    /// </summary>
    public static bool PeriodsMatch(string? expected, string? found)
    {
        if (expected is null || found is null)
        {
            return expected is null && found is null;
        }

        var a = ParsePeriod(expected);
        var b = ParsePeriod(found);
        if (a.Year is null || a.Year != b.Year)
        {
            return false;
        }

        if (a.Date is { } da && b.Date is { } db && da != db)
        {
            return false;
        }

        return a.Months is null || b.Months is null || a.Months == b.Months;
    }

    private static (int? Year, DateOnly? Date, int? Months) ParsePeriod(string text)
    {
        DateOnly? date = null;
        if (s_isoDate.Match(text) is { Success: true } iso)
        {
            date = new DateOnly(int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture));
        }
        else if (s_textDate.Match(text) is { Success: true } written
            && DateTime.TryParseExact($"{written.Groups["mon"].Value[..3]} {written.Groups["d"].Value} {written.Groups["y"].Value}", "MMM d yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
        }

        int? year = date?.Year ?? (s_year.Match(text) is { Success: true } y ? int.Parse(y.Groups["y"].Value, CultureInfo.InvariantCulture) : null);
        int? months = null;
        if (s_span.Match(text) is { Success: true } span)
        {
            months = span.Groups["n"].Success
                ? span.Groups["n"].Value.ToLowerInvariant() switch { "three" or "3" => 3, "six" or "6" => 6, "nine" or "9" => 9, _ => 12 }
                : span.Groups["q"].Success ? 3 : 12;
        }

        return (year, date, months);
    }

    private static string Show(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join("; ", names);
}
