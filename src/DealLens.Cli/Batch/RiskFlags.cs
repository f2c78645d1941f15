using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Cli.Batch;

/// <summary>A high-severity finding: a circular-financing cycle or a concentration threshold crossed. <see cref="Subject"/> names companies by id.</summary>
public sealed record RiskFlag(string Kind, string Subject, string Message, IReadOnlyList<string> Documents);

/// <summary>The high-severity findings of a risk report, and those of one report that another did not have.</summary>
public static class RiskFlags
{
    public static IReadOnlyList<RiskFlag> HighSeverity(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var flags = new List<RiskFlag>();
        foreach (var cycle in report.Cycles.Where(c => c.Severity == Severity.High))
        {
            var ratio = cycle.CircularityRatio is { } r ? $", circularity {Formats.Ratio(r)}" : "";
            flags.Add(new RiskFlag(
                "circular_financing",
                string.Join(" > ", cycle.Companies.Select(CompanyNames.ToId)),
                $"circular financing: {string.Join(" -> ", cycle.Names)} ({cycle.Kind}{ratio})",
                cycle.Documents));
        }

        foreach (var concentration in report.Concentration.Where(c => c.Severity == Severity.High))
        {
            flags.Add(new RiskFlag(
                "concentration",
                CompanyNames.ToId(concentration.Provider),
                $"customer concentration at {concentration.Name}: {string.Join("; ", concentration.Flags)}",
                concentration.Evidence.Select(e => e.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
        }

        foreach (var revenue in report.RevenueConcentrations.Where(r => r.Severity == Severity.High))
        {
            flags.Add(new RiskFlag(
                "revenue_concentration",
                $"{(revenue.Company is { } filer ? CompanyNames.ToId(filer) : revenue.CompanyName ?? "?")} > {revenue.Customer}",
                $"revenue concentration: {revenue.Customer} is {Formats.Percent(revenue.Percent)} of {revenue.CompanyName ?? "the filer"}'s revenue",
                [revenue.Evidence.Document]));
        }

        return flags;
    }

    /// <summary>Flags in <paramref name="after"/> with no flag of the same kind and subject in <paramref name="before"/>.</summary>
    public static IReadOnlyList<RiskFlag> New(IReadOnlyList<RiskFlag> before, IReadOnlyList<RiskFlag> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var known = before.Select(f => (f.Kind, f.Subject)).ToHashSet();
        return after.Where(f => !known.Contains((f.Kind, f.Subject))).ToList();
    }
}
