using System.Globalization;
using System.Net;
using System.Text;
using DealLens.Core.Risk;

namespace DealLens.Core.Reports;

/// <summary>A picture for the HTML report (a chart or the company graph) as SVG text; it is embedded as a data: URI image.</summary>
public sealed record ReportFigure(string Id, string Title, string Svg, string Caption);

/// <summary>
/// The report as one self-contained HTML file: inline CSS, pictures as data: URIs, no scripts, and a Content-Security-Policy
/// that forbids any script or network fetch. Every piece of document text is HTML-encoded, and an SVG shown through
/// <c>&lt;img&gt;</c> can neither run scripts nor load anything, so a hostile quote renders as text.
/// </summary>
public static class ReportHtml
{
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public static string Write(Report report, IReadOnlyList<ReportFigure> charts, ReportFigure graph)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(graph);
        var b = new StringBuilder();
        var h = report.Header;
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append(CultureInfo.InvariantCulture, $"<title>DealLens report: {E(h.Title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        b.Append("<header class=\"top\"><div class=\"wrap\">");
        b.Append(CultureInfo.InvariantCulture, $"<div class=\"brand\">DealLens report</div><h1>{E(h.Title)}</h1>");
        b.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">Generated {h.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} · scope <b>{E(h.Scope)}</b>{(h.Selector is null ? "" : " " + "<code>" + E(h.Selector) + "</code>")}</p>");
        b.Append("<nav><a href=\"#charts\">Charts</a><a href=\"#graph\">Company graph</a><a href=\"#risk\">Risk</a><a href=\"#deals\">Deals</a><a href=\"#documents\">Documents</a></nav>");
        b.Append("</div></header>\n<main class=\"wrap\">\n");

        WriteSummary(b, report);
        b.Append("<section id=\"charts\"><h2>Charts</h2><div class=\"figures\">");
        if (charts.Count == 0)
        {
            b.Append("<p class=\"muted\">No amounts are known, so there is nothing to chart.</p>");
        }

        foreach (var chart in charts)
        {
            Figure(b, chart, "chart");
        }

        b.Append("</div></section>\n<section id=\"graph\"><h2>Company graph</h2>");
        Figure(b, graph, "graph");
        b.Append("</section>\n");
        WriteRisk(b, report.Risk);
        WriteDeals(b, report.Deals);
        b.Append(CultureInfo.InvariantCulture, $"<section id=\"documents\"><h2>Documents ({report.Documents.Count})</h2>\n");
        foreach (var document in report.Documents)
        {
            WriteDocument(b, document);
        }

        b.Append("</section>\n</main>\n<footer class=\"wrap muted\">Made by DealLens from the stored analyses. Quotes are verbatim; offsets are characters into each document's extracted text. Review status comes from <code>deallens review</code>.</footer>\n</body>\n</html>\n");
        return b.ToString();
    }

    private static void WriteSummary(StringBuilder b, Report report)
    {
        var t = report.Totals;
        b.Append("<section class=\"cards\">");
        Card(b, "Documents", t.Documents.ToString(CultureInfo.InvariantCulture), "analysed");
        Card(b, "Clauses", t.Clauses.ToString(CultureInfo.InvariantCulture), string.Join(" · ", t.ReviewStatuses.Select(p => $"{p.Value} {p.Key}")));
        Card(b, "Headline value", ReportBuilder.Money(t.HeadlineValue, t.Currency), "as announced" + (t.OtherCurrencyDocuments > 0 ? $"; {t.OtherCurrencyDocuments} not in {t.Currency}" : ""));
        Card(b, "Binding value", ReportBuilder.Money(t.BindingValue, t.Currency), "committed, not a ceiling");
        Card(b, "High-severity findings", t.HighSeverityFindings.ToString(CultureInfo.InvariantCulture), $"{report.Risk.Cycles.Count} cycles · {report.Risk.Concentration.Count} providers");
        b.Append("</section>\n");
    }

    private static void Card(StringBuilder b, string label, string value, string note)
        => b.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"label\">{E(label)}</div><div class=\"value\">{E(value)}</div><div class=\"note\">{E(note)}</div></div>");

    private static void Figure(StringBuilder b, ReportFigure figure, string kind)
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(figure.Svg));
        b.Append(CultureInfo.InvariantCulture,
            $"<figure class=\"{kind}\" id=\"figure-{E(figure.Id)}\"><figcaption><b>{E(figure.Title)}</b> <span class=\"muted\">{E(figure.Caption)}</span></figcaption>");
        b.Append(CultureInfo.InvariantCulture, $"<img data-figure=\"{E(figure.Id)}\" alt=\"{E(figure.Title)}\" src=\"data:image/svg+xml;base64,{data}\"></figure>");
    }

    private static void WriteRisk(StringBuilder b, RiskReport risk)
    {
        b.Append("<section id=\"risk\"><h2>Risk scores and their evidence</h2>\n");
        b.Append(CultureInfo.InvariantCulture, $"<h3>Circular financing ({risk.Cycles.Count})</h3>");
        if (risk.Cycles.Count == 0)
        {
            b.Append("<p class=\"muted\">No money loops found.</p>");
        }

        foreach (var c in risk.Cycles)
        {
            var ratio = c.CircularityRatio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a (" + c.RatioNote + ")";
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"finding\">{Pill(c.Severity)} <b>{E(string.Join(" → ", c.Names.Append(c.Names[0])))}</b> <span class=\"chip\">{E(c.Kind.Replace('_', ' '))}</span>");
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"muted\">circularity {E(ratio)} · financing {E(ReportBuilder.Money(c.FinancingProvided, "USD"))} vs purchases {E(ReportBuilder.Money(c.PurchasesCommitted, "USD"))}{(c.VestsOnPurchaseMilestones ? " · financing vests on purchase milestones" : "")}</div><ul>");
            foreach (var rel in c.Relations)
            {
                b.Append(CultureInfo.InvariantCulture, $"<li><code>{E(rel.Id)}</code> {E(rel.Kind)} {E(ReportBuilder.Money(rel.Amount, rel.Currency))}");
                foreach (var e in rel.Evidence.DistinctBy(e => e.Quote).Take(2))
                {
                    b.Append(CultureInfo.InvariantCulture, $"<blockquote class=\"evidence\">{E(e.Quote)}<cite>{E(ReportBuilder.ShortName(e.Document))}</cite></blockquote>");
                }

                b.Append("</li>");
            }

            b.Append("</ul></div>\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"<h3>Customer concentration ({risk.Concentration.Count} providers)</h3>");
        if (risk.Concentration.Count > 0)
        {
            b.Append("<table><thead><tr><th>Provider</th><th>Severity</th><th>Basis</th><th>Top-1</th><th>Top-3</th><th>HHI</th><th>Total</th><th>Customers</th></tr></thead><tbody>");
            foreach (var c in risk.Concentration)
            {
                foreach (var (m, i) in new[] { c.Binding, c.Headline }.Select((m, i) => (m, i)))
                {
                    b.Append("<tr>");
                    if (i == 0)
                    {
                        b.Append(CultureInfo.InvariantCulture, $"<td rowspan=\"2\"><b>{E(c.Name)}</b></td><td rowspan=\"2\">{Pill(c.Severity)}</td>");
                    }

                    b.Append(CultureInfo.InvariantCulture,
                        $"<td>{E(m.Basis)}</td><td>{Pct(m.Top1Share)}</td><td>{Pct(m.Top3Share)}</td><td>{(m.Hhi is { } hhi ? hhi.ToString("0", CultureInfo.InvariantCulture) : "n/a")}</td><td>{E(ReportBuilder.Money(m.Total, "USD"))}</td>");
                    b.Append(CultureInfo.InvariantCulture,
                        $"<td>{E(string.Join(", ", m.Customers.Select(s => $"{s.Name} {Pct(s.Share)}")))}{(m.Note is null ? "" : " <span class=\"muted\">" + E(m.Note) + "</span>")}</td></tr>");
                }

                if (c.Flags.Count > 0 || c.Evidence.Count > 0)
                {
                    b.Append("<tr class=\"sub\"><td></td><td colspan=\"7\">");
                    foreach (var flag in c.Flags)
                    {
                        b.Append(CultureInfo.InvariantCulture, $"<div class=\"flag\">⚠ {E(flag)}</div>");
                    }

                    foreach (var e in c.Evidence.DistinctBy(e => e.Quote))
                    {
                        b.Append(CultureInfo.InvariantCulture, $"<blockquote class=\"evidence\">{E(e.Quote)}<cite>{E(ReportBuilder.ShortName(e.Document))}</cite></blockquote>");
                    }

                    b.Append("</td></tr>");
                }
            }

            b.Append("</tbody></table>");
        }

        b.Append(CultureInfo.InvariantCulture, $"<h3>Revenue concentration disclosed in filings ({risk.RevenueConcentrations.Count})</h3>");
        foreach (var r in risk.RevenueConcentrations)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"finding\">{Pill(r.Severity)} <b>{E(r.CompanyName ?? "filer unknown")}</b>: {E(r.Customer)}{(r.Rank is { } rank ? $" (#{rank})" : "")} {r.Percent.ToString("0.##", CultureInfo.InvariantCulture)} % of revenue{(r.Period is null ? "" : " (" + E(r.Period) + ")")}");
            b.Append(CultureInfo.InvariantCulture, $"<blockquote class=\"evidence\">{E(r.Evidence.Quote)}<cite>{E(ReportBuilder.ShortName(r.Evidence.Document))} p.{r.Evidence.Page}</cite></blockquote></div>\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"<h3>Deal risks ({risk.Deals.Count} documents)</h3>");
        foreach (var d in risk.Deals)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"finding\">{Pill(d.Severity)} <b>{E(ReportBuilder.ShortName(d.Document))}</b> <span class=\"muted\">score {d.Score}</span><ul>");
            foreach (var flag in d.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"<li>{Pill(flag.Severity)} {E(flag.Message)}");
                if (flag.Evidence is { } e)
                {
                    b.Append(CultureInfo.InvariantCulture, $"<blockquote class=\"evidence\">{E(e.Quote)}</blockquote>");
                }

                b.Append("</li>");
            }

            b.Append("</ul></div>\n");
        }

        if (risk.Skipped.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"<h3>Left out ({risk.Skipped.Count}: direction or parties not stated)</h3><ul>");
            foreach (var s in risk.Skipped)
            {
                b.Append(CultureInfo.InvariantCulture, $"<li>{E(s.Kind)} in {E(ReportBuilder.ShortName(s.Document))}: {E(s.Reason)}</li>");
            }

            b.Append("</ul>");
        }

        b.Append("</section>\n");
    }

    private static void WriteDeals(StringBuilder b, IReadOnlyList<ReportDeal> deals)
    {
        b.Append(CultureInfo.InvariantCulture, $"<section id=\"deals\"><h2>Deals ({deals.Count})</h2>");
        b.Append("<p class=\"muted\">One row per money relation between two companies, linked across every document about it. The id is what <code>deallens report --deal</code> takes.</p>");
        if (deals.Count > 0)
        {
            b.Append("<table><thead><tr><th>Deal id</th><th>From</th><th>To</th><th>Kind</th><th>Amount</th><th>Binding</th><th>Documents</th></tr></thead><tbody>");
            foreach (var d in deals)
            {
                var amount = d.Amount is null ? (d.Redacted ? "redacted" : "unknown") : ReportBuilder.Money(d.Amount, d.Currency);
                b.Append(CultureInfo.InvariantCulture,
                    $"<tr{(d.InCycle ? " class=\"cycle\"" : "")}><td><code>{E(d.Id)}</code></td><td>{E(d.FromName)}</td><td>{E(d.ToName)}</td><td>{E(d.Kind.Replace('_', ' '))}{(d.InCycle ? " <span class=\"chip red\">cycle</span>" : "")}</td><td class=\"num\">{E(amount)}</td><td>{(d.Binding ? "yes" : "<b>no</b>")}</td><td>{E(string.Join(", ", d.Documents.Select(ReportBuilder.ShortName)))}</td></tr>");
            }

            b.Append("</tbody></table>");
        }

        b.Append("</section>\n");
    }

    private static void WriteDocument(StringBuilder b, ReportDocument d)
    {
        b.Append(CultureInfo.InvariantCulture, $"<article class=\"doc\" id=\"doc-{E(d.Sha256[..Math.Min(12, d.Sha256.Length)])}\">");
        b.Append(CultureInfo.InvariantCulture,
            $"<h3>{(d.Risk is null ? "" : Pill(d.Risk.Severity) + " ")}{E(ReportBuilder.ShortName(d.Path))}</h3><p class=\"muted small\">{E(d.Path)} · {d.PageCount} pages · extractor {E(d.Extractor)} · sha256 <code>{E(d.Sha256[..Math.Min(16, d.Sha256.Length)])}…</code></p>");
        b.Append("<div class=\"terms\"><dl>");
        foreach (var (label, value) in ReportMarkdown.TermRows(d.DealTerms))
        {
            var shown = label == "Deal terms review" ? Status(value) : E(value);
            b.Append(CultureInfo.InvariantCulture, $"<dt>{E(label)}</dt><dd>{shown}</dd>");
        }

        b.Append("</dl>");
        if (d.DealTerms.Chips.Count > 0)
        {
            b.Append("<div class=\"chips\">");
            foreach (var chip in d.DealTerms.Chips)
            {
                b.Append(CultureInfo.InvariantCulture, $"<span class=\"chip\">{E(chip)}</span>");
            }

            b.Append("</div>");
        }

        b.Append("</div>");
        foreach (var warning in d.Warnings)
        {
            b.Append(CultureInfo.InvariantCulture, $"<p class=\"warning\">warning: {E(warning)}</p>");
        }

        b.Append(CultureInfo.InvariantCulture, $"<h4>Clauses ({d.Clauses.Count})</h4>");
        foreach (var c in d.Clauses)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"clause\" data-clause=\"{E(c.Id)}\"><div class=\"clause-head\"><span class=\"type\">{E(c.Type.Replace('_', ' '))}</span> <span>page {c.Page}</span> <span class=\"muted\">chars {c.Start}–{c.End}</span> <span class=\"muted\">confidence {c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}</span> <span class=\"muted\">{E(c.Extractor)}</span> {Status(c.ReviewStatus)}</div>");
            b.Append(CultureInfo.InvariantCulture, $"<p class=\"context\">{E(c.Before)}<mark>{E(c.Quote)}</mark>{E(c.After)}</p>");
            if (!c.Fields.IsEmpty)
            {
                b.Append(CultureInfo.InvariantCulture, $"<div class=\"fields\"><code>{E(ReportJson.Fields(c.Fields))}</code></div>");
            }

            b.Append("</div>");
        }

        b.Append("</article>\n");
    }

    private static string Pill(string severity) => $"<span class=\"pill {E(severity)}\">{E(severity.ToUpperInvariant())}</span>";

    private static string Status(string status) => $"<span class=\"status {E(status)}\">{E(status.Replace('_', ' '))}</span>";

    private static string Pct(decimal? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "n/a";

    /// <summary>HTML-encodes untrusted text for element content and quoted attributes.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """

        :root { --ink:#1f2d3d; --muted:#5d6b7a; --line:#dde3ea; --bg:#f6f8fb; --accent:#2f5597; --high:#c0392b; --medium:#d68910; --low:#2e8b57; }
        * { box-sizing: border-box; }
        body { margin:0; font-family: "DejaVu Sans", "Liberation Sans", "Segoe UI", Arial, sans-serif; color:var(--ink); background:var(--bg); font-size:14px; line-height:1.45; }
        .wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
        header.top { background: linear-gradient(135deg, #1f3b6f, #2f5597); color:#fff; padding: 22px 0 12px; }
        header .brand { text-transform: uppercase; letter-spacing: .12em; font-size: 11px; opacity:.8; }
        header h1 { margin: 4px 0 4px; font-size: 26px; }
        header .meta { margin:0 0 10px; opacity:.9; }
        header code { background: rgba(255,255,255,.15); color:#fff; }
        nav a { color:#fff; margin-right: 18px; text-decoration:none; border-bottom:1px solid rgba(255,255,255,.4); }
        h2 { margin: 30px 0 12px; font-size: 20px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        h3 { margin: 20px 0 8px; font-size: 16px; }
        h4 { margin: 14px 0 6px; font-size: 14px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
        .cards { display:grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin-top: 18px; }
        .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding: 12px 14px; }
        .card .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.05em; }
        .card .value { font-size: 24px; font-weight: 700; margin: 2px 0; }
        .card .note { color:var(--muted); font-size: 12px; }
        .figures { display:grid; grid-template-columns: 1fr 1fr; gap: 14px; align-items: start; }
        figure { margin:0; background:#fff; border:1px solid var(--line); border-radius:8px; padding: 10px; }
        figure img { max-width:100%; height:auto; display:block; margin: 6px auto 0; }
        figcaption { font-size: 13px; }
        .muted { color: var(--muted); }
        .small { font-size: 12px; }
        table { border-collapse: collapse; width:100%; background:#fff; border:1px solid var(--line); margin: 6px 0 12px; }
        th, td { text-align:left; padding: 6px 8px; border-bottom:1px solid var(--line); vertical-align: top; }
        th { background:#eef2f7; font-size: 12px; text-transform: uppercase; letter-spacing:.04em; color: var(--muted); }
        td.num { text-align: right; white-space: nowrap; }
        tr.cycle td { background: #fdf2f0; }
        tr.sub td { background: #fafbfc; }
        .pill { display:inline-block; font-size: 11px; font-weight:700; padding: 1px 7px; border-radius: 10px; color:#fff; background: var(--muted); }
        .pill.high { background: var(--high); } .pill.medium { background: var(--medium); } .pill.low { background: var(--low); }
        .chip { display:inline-block; font-size: 11px; padding: 1px 7px; border-radius: 10px; background:#e7edf6; color: var(--accent); margin-right: 4px; }
        .chip.red { background:#fbe3df; color: var(--high); }
        .finding { background:#fff; border:1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
        .finding ul { margin: 6px 0 0; padding-left: 20px; }
        .flag { color: var(--high); }
        blockquote.evidence { margin: 4px 0; padding: 4px 10px; border-left: 3px solid #c9d3e0; color: #34495e; background: #f8fafc; font-style: italic; }
        blockquote cite { display:block; font-style: normal; font-size: 11px; color: var(--muted); }
        article.doc { background:#fff; border:1px solid var(--line); border-radius: 8px; padding: 4px 18px 14px; margin: 16px 0; }
        .terms dl { display:grid; grid-template-columns: 220px 1fr; gap: 2px 12px; margin: 8px 0; }
        .terms dt { color: var(--muted); }
        .terms dd { margin: 0; }
        .chips { margin: 4px 0 8px; }
        .clause { border-top: 1px dashed var(--line); padding: 8px 0; }
        .clause-head { font-size: 12px; display:flex; gap: 10px; flex-wrap: wrap; align-items: center; }
        .clause .type { font-weight: 700; color: var(--accent); text-transform: capitalize; font-size: 13px; }
        .context { margin: 6px 0 4px; color: #5b6470; font-family: "DejaVu Serif", Georgia, serif; font-size: 13.5px; }
        mark { background: #fff0a8; color: var(--ink); padding: 0 2px; border-radius: 2px; box-shadow: 0 0 0 1px #f1d46b inset; }
        .fields code, code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; background: #eef2f7; padding: 1px 4px; border-radius: 3px; }
        .status { font-size: 11px; padding: 1px 7px; border-radius: 10px; border: 1px solid var(--line); background: #f4f6f8; color: var(--muted); }
        .status.accepted { background:#e3f4ea; color: var(--low); border-color:#bfe3cd; }
        .status.rejected { background:#fbe3df; color: var(--high); border-color:#f3c2b9; text-decoration: line-through; }
        .status.edited { background:#fff4de; color: var(--medium); border-color:#f5d9a6; }
        .status.no_longer_found { background:#eee; color:#555; }
        .warning { color: var(--medium); }
        footer { padding: 24px; font-size: 12px; }
        @media (max-width: 900px) { .cards { grid-template-columns: repeat(2, 1fr); } .figures { grid-template-columns: 1fr; } }

        """;
}
