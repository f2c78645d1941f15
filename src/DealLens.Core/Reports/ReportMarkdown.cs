using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Core.Reports;

/// <summary>
/// The report as Markdown: summary, risk findings with their evidence, deals, then every document's terms and clauses.
/// Document text is escaped (no Markdown or HTML in a quote is ever interpreted) and folded onto one line.
/// </summary>
public static partial class ReportMarkdown
{
    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        var h = report.Header;
        var t = report.Totals;
        b.Append(CultureInfo.InvariantCulture, $"# DealLens report: {Md(h.Title)}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Generated {h.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} · scope: {h.Scope}{(h.Selector is null ? "" : " " + Code(h.Selector))}\n\n");

        b.Append("## Summary\n\n| | |\n|---|---|\n");
        b.Append(CultureInfo.InvariantCulture, $"| Documents | {t.Documents} |\n| Clauses | {t.Clauses} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Headline value | {Formats.Money(t.HeadlineValue, t.Currency)} |\n| Binding value | {Formats.Money(t.BindingValue, t.Currency)} |\n");
        if (t.OtherCurrencyDocuments > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"| Not in {t.Currency} (not summed) | {t.OtherCurrencyDocuments} documents |\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"| High-severity findings | {t.HighSeverityFindings} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Clause review | {(t.ReviewStatuses.Count == 0 ? "no clauses" : string.Join(", ", t.ReviewStatuses.Select(p => $"{p.Value} {p.Key}")))} |\n\n");

        WriteRisk(b, report.Risk, report);
        WriteDeals(b, report.Deals);
        b.Append(CultureInfo.InvariantCulture, $"## Documents ({report.Documents.Count})\n\n");
        foreach (var document in report.Documents)
        {
            WriteDocument(b, document);
        }

        return b.ToString();
    }

    private static void WriteRisk(StringBuilder b, RiskReport risk, Report report)
    {
        string Where(RelationEvidence e) => ReportBuilder.ShortName(e.Document)
            + (report.Locate(e)?.Page is { } page ? " p." + page.ToString(CultureInfo.InvariantCulture) : " page unknown");

        b.Append("## Risk\n\n");
        b.Append(CultureInfo.InvariantCulture, $"### Circular financing ({risk.Cycles.Count})\n\n");
        foreach (var c in risk.Cycles)
        {
            var ratio = c.CircularityRatio is { } r ? Formats.Ratio(r) : "n/a (" + c.RatioNote + ")";
            b.Append(CultureInfo.InvariantCulture, $"- **{Formats.Severity(c.Severity)}** {Md(string.Join(" → ", c.Names.Append(c.Names[0])))} ({c.Kind.Replace('_', ' ')}); circularity {Md(ratio)}{(c.VestsOnPurchaseMilestones ? "; financing vests on purchase milestones" : "")}\n");
            foreach (var rel in c.Relations)
            {
                b.Append(CultureInfo.InvariantCulture, $"  - {Code(rel.Id)} {Md(rel.Kind)} {Md(Formats.Money(rel.Amount, rel.Currency))}: {Md(string.Join(", ", rel.Documents.Select(ReportBuilder.ShortName)))}\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture, $"\n### Customer concentration ({risk.Concentration.Count} providers)\n\n");
        foreach (var c in risk.Concentration)
        {
            b.Append(CultureInfo.InvariantCulture, $"- **{Formats.Severity(c.Severity)}** {Md(c.Name)}\n");
            foreach (var m in new[] { c.Binding, c.Headline })
            {
                var shares = m.Top1Share is null
                    ? "no known amounts"
                    : $"top-1 {Formats.Share(m.Top1Share)}, top-3 {Formats.Share(m.Top3Share)}, HHI {Formats.Hhi(m.Hhi!.Value)} of {Formats.Money(m.Total, "USD")}";
                b.Append(CultureInfo.InvariantCulture, $"  - {m.Basis}: {Md(shares)}{(m.Note is null ? "" : "; " + Md(m.Note))}\n");
            }

            foreach (var flag in c.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"  - ⚠ {Md(flag)}\n");
            }

            foreach (var e in c.Evidence)
            {
                b.Append(CultureInfo.InvariantCulture, $"  - evidence ({Md(Where(e))}): “{Md(e.Quote)}”\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture, $"\n### Revenue concentration disclosed ({risk.RevenueConcentrations.Count})\n\n");
        foreach (var r in risk.RevenueConcentrations)
        {
            b.Append(CultureInfo.InvariantCulture, $"- **{Formats.Severity(r.Severity)}** {Md(r.CompanyName ?? "filer unknown")}: {Md(r.Customer)} {Formats.Percent(r.Percent)} of revenue{(r.Period is null ? "" : " (" + Md(r.Period) + ")")}\n");
            b.Append(CultureInfo.InvariantCulture, $"  - {Md(ReportBuilder.ShortName(r.Evidence.Document))} p.{r.Evidence.Page}: “{Md(r.Evidence.Quote)}”\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"\n### Deal risks ({risk.Deals.Count} documents)\n\n");
        foreach (var d in risk.Deals)
        {
            b.Append(CultureInfo.InvariantCulture, $"- **{Formats.Severity(d.Severity)}** {Md(ReportBuilder.ShortName(d.Document))} (score {d.Score})\n");
            foreach (var flag in d.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"  - {Formats.SeverityName(flag.Severity)}: {Md(flag.Message)}{(flag.Evidence is null ? "" : " — “" + Md(flag.Evidence.Quote) + "” (" + Md(Where(flag.Evidence)) + ")")}\n");
            }
        }

        if (risk.Skipped.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"\n### Left out ({risk.Skipped.Count}: direction or parties not stated)\n\n");
            foreach (var s in risk.Skipped)
            {
                b.Append(CultureInfo.InvariantCulture, $"- {Md(s.Kind)} in {Md(ReportBuilder.ShortName(s.Document))}: {Md(s.Reason)}\n");
            }
        }

        b.Append('\n');
    }

    private static void WriteDeals(StringBuilder b, IReadOnlyList<ReportDeal> deals)
    {
        b.Append(CultureInfo.InvariantCulture, $"## Deals ({deals.Count})\n\n");
        if (deals.Count == 0)
        {
            b.Append("No money relations between companies were read.\n\n");
            return;
        }

        b.Append("| Deal id | From | To | Kind | Amount | Binding | In a cycle | Documents |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var d in deals)
        {
            var amount = d.Amount is null ? (d.Redacted ? "redacted" : "unknown") : Formats.Money(d.Amount, d.Currency);
            b.Append(CultureInfo.InvariantCulture,
                $"| {Code(d.Id)} | {Md(d.FromName)} | {Md(d.ToName)} | {Md(d.Kind)} | {amount} | {(d.Binding ? "yes" : "no")} | {(d.InCycle ? "yes" : "no")} | {Md(string.Join(", ", d.Documents.Select(ReportBuilder.ShortName)))} |\n");
        }

        b.Append('\n');
    }

    private static void WriteDocument(StringBuilder b, ReportDocument d)
    {
        var terms = d.DealTerms;
        b.Append(CultureInfo.InvariantCulture, $"### {Md(d.Path)}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"sha256 {Code(d.Sha256)} · {d.PageCount} pages · extractor {Code(d.Extractor)}{(d.Risk is null ? "" : $" · risk **{Formats.SeverityName(d.Risk.Severity)}** (score {d.Risk.Score})")}\n\n");
        b.Append("| Deal term | Value |\n|---|---|\n");
        foreach (var (name, value) in TermRows(terms))
        {
            b.Append(CultureInfo.InvariantCulture, $"| {name} | {Md(value)} |\n");
        }

        b.Append('\n');
        foreach (var warning in d.Warnings)
        {
            b.Append(CultureInfo.InvariantCulture, $"> warning: {Md(warning)}\n\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"**Clauses ({d.Clauses.Count})**\n\n");
        foreach (var c in d.Clauses)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"- **{Md(c.Type)}** · p.{c.Page} · chars {c.Start}–{c.End} · confidence {c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)} · {Md(c.Extractor)} · review: **{c.ReviewStatus}** · id {Code(c.Id)}\n");
            b.Append(CultureInfo.InvariantCulture, $"  > {Md(c.Quote)}\n");
            if (!c.Fields.IsEmpty)
            {
                b.Append(CultureInfo.InvariantCulture, $"\n  fields: {Code(ReportJson.Fields(c.Fields))}\n");
            }
        }

        b.Append('\n');
    }

    /// <summary>The deal-term rows every format shows, as (label, value) with unknowns spelled out.</summary>
    public static IReadOnlyList<(string Label, string Value)> TermRows(ReportDealTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var invariant = CultureInfo.InvariantCulture;
        string Or(string? value) => value ?? "not stated";
        var binding = terms.Binding switch
        {
            null => "not stated",
            true => Formats.Money(terms.BindingValue, terms.Currency),
            false => "none stated (headline is a ceiling or non-binding)",
        };
        return
        [
            ("Parties", terms.Parties.Count == 0 ? "not stated" : string.Join("; ", terms.Parties)),
            ("Provider", Or(terms.Provider)),
            ("Customer", Or(terms.Customer)),
            ("Headline value", terms.Redacted ? "redacted (size unknown, not zero)" : terms.HeadlineValue is null ? "not stated" : Formats.Money(terms.HeadlineValue, terms.Currency)),
            ("Binding value", binding),
            ("Take-or-pay / minimum commitment", terms.TakeOrPayAmount is null ? "none read" : Formats.Money(terms.TakeOrPayAmount, terms.Currency)),
            ("Term", terms.TermMonths is { } m ? m.ToString(invariant) + " months" : "not stated"),
            ("Effective / end", $"{Or(terms.EffectiveDate?.ToString("yyyy-MM-dd", invariant))} / {Or(terms.EndDate?.ToString("yyyy-MM-dd", invariant))}"),
            ("Capacity", terms.CapacityMw is { } mw ? mw.ToString("0.##", invariant) + " MW" : "not stated"),
            ("GPUs", terms.GpuCount is { } g ? g.ToString("#,0", invariant) : "not stated"),
            ("Chips", terms.Chips.Count == 0 ? "not stated" : string.Join(", ", terms.Chips)),
            ("Prepayment", terms.PrepaymentPct is { } p ? Formats.Percent(p) : "not stated"),
            ("Deal terms review", terms.ReviewStatus),
        ];
    }

    /// <summary>Untrusted text made inert: one line, Markdown punctuation backslash-escaped, HTML characters as entities.</summary>
    public static string Md(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Whitespace().Replace(text, " ").Trim();
        var b = new StringBuilder(folded.Length + 16);
        foreach (var ch in folded)
        {
            switch (ch)
            {
                case '&': b.Append("&amp;"); break;
                case '<': b.Append("&lt;"); break;
                case '>': b.Append("&gt;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~': b.Append('\\').Append(ch); break;
                default: b.Append(ch); break;
            }
        }

        return b.ToString();
    }

    private static string Code(string text) => "`" + Whitespace().Replace(text, " ").Replace("`", "'", StringComparison.Ordinal) + "`";

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Whitespace();
}
