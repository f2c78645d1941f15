using System.Globalization;
using System.Net;
using System.Text;
using DealLens.Core.Output;
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
        b.Append("<nav><a href=\"#index\">Document index</a><a href=\"#charts\">Charts</a><a href=\"#graph\">Company graph</a><a href=\"#risk\">Risk</a><a href=\"#deals\">Deals</a><a href=\"#documents\">Documents</a></nav>");
        b.Append("</div></header>\n<main class=\"wrap\">\n");

        WriteSummary(b, report);
        WriteIndex(b, report);
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
        WriteLegend(b, report);
        b.Append("</section>\n");
        var compact = report.Documents.Count > OpenDocumentsUpTo;
        var links = new EvidenceLinks(report, compact);
        WriteRisk(b, report.Risk, links, compact);
        WriteDeals(b, report.Deals);
        b.Append(CultureInfo.InvariantCulture, $"<section id=\"documents\"><h2>Documents ({report.Documents.Count})</h2>\n");
        b.Append(compact
            ? FormattableString.Invariant($"<p class=\"muted\">Each document is folded: open it for its deal terms and every clause with its page and confidence. Risk evidence links to the clause it quotes. With this many documents, quotes over {CompactQuoteChars} characters are shortened in the middle ([…N…]: N characters left out) and shown without the text around them; every quote in full, with its offsets, is in <code>--format json</code> and <code>csv</code>.</p>\n")
            : "<p class=\"muted\">Open a document for its deal terms and every clause in its text. Risk evidence links to the clause it quotes.</p>\n");
        foreach (var document in report.Documents)
        {
            WriteDocument(b, document, compact);
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
        Card(b, "Headline value", Formats.Money(t.HeadlineValue, t.Currency), "as announced" + (t.OtherCurrencyDocuments > 0 ? $"; {t.OtherCurrencyDocuments} not in {t.Currency}" : ""));
        Card(b, "Binding value", Formats.Money(t.BindingValue, t.Currency), "committed, not a ceiling");
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

    private static void WriteRisk(StringBuilder b, RiskReport risk, EvidenceLinks links, bool compact)
    {
        b.Append("<section id=\"risk\"><h2>Risk scores and their evidence</h2>\n");
        b.Append(CultureInfo.InvariantCulture, $"<h3>Circular financing ({risk.Cycles.Count})</h3>");
        if (risk.Cycles.Count == 0)
        {
            b.Append("<p class=\"muted\">No money loops found.</p>");
        }

        foreach (var c in risk.Cycles)
        {
            var ratio = c.CircularityRatio is { } r ? Formats.Ratio(r) : "n/a (" + c.RatioNote + ")";
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"finding\">{Pill(c.Severity)} <b>{E(string.Join(" → ", c.Names.Append(c.Names[0])))}</b> <span class=\"chip\">{E(c.Kind.Replace('_', ' '))}</span>");
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"muted\">circularity {E(ratio)} · financing {E(Formats.Money(c.FinancingProvided, "USD"))} vs purchases {E(Formats.Money(c.PurchasesCommitted, "USD"))}{(c.VestsOnPurchaseMilestones ? " · financing vests on purchase milestones" : "")}</div><ul>");
            foreach (var rel in c.Relations)
            {
                b.Append(CultureInfo.InvariantCulture, $"<li><code>{E(rel.Id)}</code> {E(RelationKinds.Name(rel.Kind))} {E(Formats.Money(rel.Amount, rel.Currency))}");
                foreach (var e in rel.Evidence.DistinctBy(e => e.Quote).Take(2))
                {
                    links.Quote(b, e);
                }

                b.Append("</li>");
            }

            b.Append("</ul></div>\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"<h3>Customer concentration ({risk.Concentration.Count} providers)</h3>");
        // Many providers make a long table (a folder of unrelated contracts): the low-severity ones are folded.
        var folded = compact ? risk.Concentration.Where(c => c.Severity == Severity.Low).ToList() : [];
        WriteConcentrationTable(b, risk.Concentration.Except(folded).ToList(), links);
        if (folded.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"<details><summary>{folded.Count} low-severity providers</summary>");
            WriteConcentrationTable(b, folded, links);
            b.Append("</details>");
        }

        b.Append(CultureInfo.InvariantCulture, $"<h3>Revenue concentration disclosed in filings ({risk.RevenueConcentrations.Count})</h3>");
        foreach (var r in risk.RevenueConcentrations)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"<div class=\"finding\">{Pill(r.Severity)} <b>{E(r.CompanyName ?? "filer unknown")}</b>: {E(r.Customer)}{(r.Rank is { } rank ? $" (#{rank})" : "")} {Formats.Percent(r.Percent)} of revenue{(r.Period is null ? "" : " (" + E(r.Period) + ")")}");
            links.Quote(b, r.Evidence.Document, r.Evidence.Quote, r.Evidence.Page, null);
            b.Append("</div>\n");
        }

        // Many documents make a long list: the severe ones are open, the rest folded.
        var flagged = risk.Deals.Where(d => d.Flags.Count > 0).ToList();
        b.Append(CultureInfo.InvariantCulture, $"<h3>Deal risks ({flagged.Count} of {risk.Deals.Count} documents flagged)</h3>");
        foreach (var d in flagged)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"<details class=\"finding\"{(d.Severity == Severity.High ? " open" : "")}><summary>{Pill(d.Severity)} <b>{E(ReportBuilder.ShortName(d.Document))}</b> <span class=\"muted\">score {d.Score} · {d.Flags.Count} flag{(d.Flags.Count == 1 ? "" : "s")}</span></summary><ul>");
            foreach (var flag in d.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"<li>{Pill(flag.Severity)} {E(flag.Message)}");
                if (flag.Evidence is { } e)
                {
                    links.Quote(b, e);
                }

                b.Append("</li>");
            }

            b.Append("</ul></details>\n");
        }

        if (risk.Skipped.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"<details><summary><h3 class=\"inline\">Left out ({risk.Skipped.Count}: direction or parties not stated)</h3></summary><ul>");
            foreach (var s in risk.Skipped)
            {
                b.Append(CultureInfo.InvariantCulture, $"<li>{E(RelationKinds.Name(s.Kind))} in {E(ReportBuilder.ShortName(s.Document))}: {E(s.Reason)}</li>");
            }

            b.Append("</ul></details>");
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
                var amount = d.Amount is null ? (d.Redacted ? "redacted" : "unknown") : Formats.Money(d.Amount, d.Currency);
                b.Append(CultureInfo.InvariantCulture,
                    $"<tr{(d.InCycle ? " class=\"cycle\"" : "")}><td><code>{E(d.Id)}</code></td><td>{E(d.FromName)}</td><td>{E(d.ToName)}</td><td>{E(RelationKinds.Name(d.Kind).Replace('_', ' '))}{(d.InCycle ? " <span class=\"chip red\">cycle</span>" : "")}</td><td class=\"num\">{E(amount)}</td><td>{(d.Binding ? "yes" : "<b>no</b>")}</td><td>{E(string.Join(", ", d.Documents.Select(ReportBuilder.ShortName)))}</td></tr>");
            }

            b.Append("</tbody></table>");
        }

        b.Append("</section>\n");
    }

    private static void WriteConcentrationTable(StringBuilder b, IReadOnlyList<ProviderConcentration> rows, EvidenceLinks links)
    {
        if (rows.Count == 0)
        {
            return;
        }

        b.Append("<table><thead><tr><th>Provider</th><th>Severity</th><th>Basis</th><th>Top-1</th><th>Top-3</th><th>HHI</th><th>Total</th><th>Customers</th></tr></thead><tbody>");
        foreach (var c in rows)
        {
            foreach (var (m, i) in new[] { c.Binding, c.Headline }.Select((m, i) => (m, i)))
            {
                b.Append("<tr>");
                if (i == 0)
                {
                    b.Append(CultureInfo.InvariantCulture, $"<td rowspan=\"2\"><b>{E(c.Name)}</b></td><td rowspan=\"2\">{Pill(c.Severity)}</td>");
                }

                b.Append(CultureInfo.InvariantCulture,
                    $"<td>{E(m.Basis)}</td><td>{Formats.Share(m.Top1Share)}</td><td>{Formats.Share(m.Top3Share)}</td><td>{(m.Hhi is { } hhi ? Formats.Hhi(hhi) : "n/a")}</td><td>{E(Formats.Money(m.Total, "USD"))}</td>");
                b.Append(CultureInfo.InvariantCulture,
                    $"<td>{E(string.Join(", ", m.Customers.Select(s => $"{s.Name} {Formats.Share(s.Share)}")))}{(m.Note is null ? "" : " <span class=\"muted\">" + E(m.Note) + "</span>")}</td></tr>");
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
                    links.Quote(b, e);
                }

                b.Append("</td></tr>");
            }
        }

        b.Append("</tbody></table>");
    }

    private static void WriteDocument(StringBuilder b, ReportDocument d, bool compact)
    {
        b.Append(CultureInfo.InvariantCulture, $"<article class=\"doc\" id=\"{DocumentAnchor(d.Sha256)}\"><details{(compact ? "" : " open")}><summary>");
        b.Append(CultureInfo.InvariantCulture,
            $"<h3>{(d.Risk is null ? "" : Pill(d.Risk.Severity) + " ")}{E(ReportBuilder.ShortName(d.Path))} <span class=\"muted small\">{d.Clauses.Count} clause{(d.Clauses.Count == 1 ? "" : "s")}</span></h3></summary><p class=\"muted small\">{E(d.Path)} · {d.PageCount} pages · extractor {E(d.Extractor)} · sha256 <code>{E(d.Sha256[..Math.Min(16, d.Sha256.Length)])}…</code></p>");
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
                $"<div class=\"clause\" id=\"{ClauseAnchor(c.Id)}\"><div class=\"clause-head\"><span class=\"type\">{E(c.Type.Replace('_', ' '))}</span> <span>page {c.Page}</span> ");
            // Many documents: the head keeps what a reader scans for (type, page, confidence, a decision); offsets and
            // the extractor are in the json and csv reports.
            b.Append(compact
                ? FormattableString.Invariant($"<span class=\"muted\">{c.Confidence:0.00}</span>{(c.ReviewStatus == ReviewStatuses.Unreviewed ? "" : " " + Status(c.ReviewStatus))}</div>")
                : FormattableString.Invariant($"<span class=\"muted\">chars {c.Start}–{c.End} · confidence {c.Confidence:0.00} · {E(c.Extractor)}</span> {Status(c.ReviewStatus)}</div>"));
            // A report of many documents shows each quote without its surrounding text, and a long quote shortened in
            // the middle (marked, with its length): the full text of every clause is in --format json and csv.
            b.Append(compact
                ? "<p><mark>" + Shortened(c.Quote) + "</mark></p>"
                : "<p class=\"context\">" + E(Lead(c.Before)) + "<mark>" + E(c.Quote) + "</mark>" + E(Tail(c.After)) + "</p>");
            if (!c.Fields.IsEmpty)
            {
                b.Append(CultureInfo.InvariantCulture, $"<div class=\"fields\"><code>{E(ReportJson.Fields(c.Fields))}</code></div>");
            }

            b.Append("</div>");
        }

        b.Append("</details></article>\n");
    }

    /// <summary>A report of up to this many documents shows them unfolded; a larger one folds each (and its index).</summary>
    public const int OpenDocumentsUpTo = 10;

    /// <summary>The HTML shows less context than the builder keeps, so a report of hundreds of documents stays small.</summary>
    public const int ContextChars = 120;

    private static string Lead(string before)
    {
        if (before.Length <= ContextChars)
        {
            return before;
        }

        var cut = before[^ContextChars..];
        var space = cut.IndexOfAny([' ', '\n', '\t']);
        return "…" + (space < 0 ? cut : cut[(space + 1)..]);
    }

    private static string Tail(string after)
    {
        if (after.Length <= ContextChars)
        {
            return after;
        }

        var cut = after[..ContextChars];
        var space = cut.LastIndexOfAny([' ', '\n', '\t']);
        return (space < 0 ? cut : cut[..space]) + "…";
    }

    /// <summary>In a report of many documents, quotes longer than this are shown shortened in the middle.</summary>
    public const int CompactQuoteChars = 200;

    /// <summary>The HTML of a quote, shortened in the middle past <see cref="CompactQuoteChars"/> (the cut is marked and counted).</summary>
    public static string Shortened(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Length <= CompactQuoteChars)
        {
            return E(quote);
        }

        var head = quote[..(CompactQuoteChars * 3 / 4)];
        var tail = quote[^(CompactQuoteChars / 5)..];
        var left = quote.Length - head.Length - tail.Length;
        return FormattableString.Invariant(
            $"{E(head)}<span class=\"cut\"> […{left}…] </span>{E(tail)}");
    }

    /// <summary>The anchor of a document's section: <c>doc-</c> + 12 digits of its SHA-256.</summary>
    public static string DocumentAnchor(string sha256) => "doc-" + E(sha256[..Math.Min(12, sha256.Length)]);

    /// <summary>The anchor of a clause in its document's section.</summary>
    public static string ClauseAnchor(string clauseId) => "clause-" + E(clauseId);

    private static void WriteIndex(StringBuilder b, Report report)
    {
        b.Append(CultureInfo.InvariantCulture, $"<section id=\"index\"><details{(report.Documents.Count <= OpenDocumentsUpTo ? " open" : "")}><summary><h2 class=\"inline\">Document index ({report.Documents.Count})</h2></summary>");
        b.Append("<table class=\"index\"><thead><tr><th>Document</th><th>Risk</th><th>Pages</th><th>Clauses</th><th>Headline value</th><th>Parties</th></tr></thead><tbody>");
        foreach (var d in report.Documents)
        {
            var value = d.DealTerms.HeadlineValue is null ? (d.DealTerms.Redacted ? "redacted" : "") : Formats.Money(d.DealTerms.HeadlineValue, d.DealTerms.Currency);
            b.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#{DocumentAnchor(d.Sha256)}\">{E(ReportBuilder.ShortName(d.Path))}</a></td><td>{(d.Risk is null ? "" : Pill(d.Risk.Severity))}</td><td class=\"num\">{d.PageCount}</td><td class=\"num\">{d.Clauses.Count}</td><td class=\"num\">{E(value)}</td><td>{E(string.Join(", ", d.DealTerms.Parties.Take(3)))}</td></tr>");
        }

        b.Append("</tbody></table></details></section>\n");
    }

    private static void WriteLegend(StringBuilder b, Report report)
    {
        var shown = report.ConnectedCompanies.Count;
        var left = report.Companies.Count - shown;
        b.Append("<div class=\"legend\"><span><svg width=\"36\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"36\" y2=\"5\" stroke=\"#44546a\" stroke-width=\"2\"/></svg> purchase</span>");
        b.Append("<span><svg width=\"36\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"36\" y2=\"5\" stroke=\"#44546a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/></svg> financing (equity, loan, warrant, backstop, prepayment...)</span>");
        b.Append("<span><svg width=\"36\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"36\" y2=\"5\" stroke=\"#c0392b\" stroke-width=\"2.4\"/></svg> part of a money loop</span>");
        b.Append(CultureInfo.InvariantCulture,
            $"<span class=\"muted\">{shown} compan{(shown == 1 ? "y" : "ies")} with a money relation shown{(left > 0 ? $"; {left} named in documents but with no relation left out" : "")}.</span></div>");
    }

    /// <summary>Writes evidence quotes with their document, page and a link to the clause they quote.</summary>
    private sealed class EvidenceLinks(Report report, bool compact)
    {
        private readonly HashSet<string> _clauses = report.Documents.SelectMany(d => d.Clauses).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _documents = report.Documents
            .GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);

        public void Quote(StringBuilder b, RelationEvidence evidence)
        {
            var location = report.Locate(evidence);
            Quote(b, evidence.Document, evidence.Quote, location?.Page, evidence.ClauseId);
        }

        public void Quote(StringBuilder b, string document, string quote, int? page, string? clauseId)
        {
            var where = E(ReportBuilder.ShortName(document)) + (page is { } p ? ", page " + p.ToString(CultureInfo.InvariantCulture) : ", page unknown");
            var href = clauseId is not null && _clauses.Contains(clauseId) ? "#" + ClauseAnchor(clauseId)
                : _documents.TryGetValue(document, out var sha) ? "#" + DocumentAnchor(sha)
                : null;
            b.Append(CultureInfo.InvariantCulture,
                $"<blockquote class=\"evidence\">{(compact ? Shortened(quote) : E(quote))}<cite>{(href is null ? where : $"<a href=\"{href}\">{where}</a>")}</cite></blockquote>");
        }
    }

    private static string Pill(Severity severity) => $"<span class=\"pill {E(Formats.SeverityName(severity))}\">{E(Formats.Severity(severity))}</span>";

    private static string Status(string status) => $"<span class=\"status {E(status)}\">{E(status.Replace('_', ' '))}</span>";


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
        details > summary { cursor: pointer; list-style: revert; }
        details > summary h3, details > summary h2, .inline { display: inline; }
        article.doc > details > summary { padding: 8px 0; }
        .legend { display:flex; flex-wrap: wrap; gap: 18px; align-items: center; font-size: 12px; margin: 8px 0 0; }
        .legend svg { vertical-align: middle; margin-right: 4px; }
        table.index td { padding: 3px 8px; font-size: 12.5px; }
        blockquote cite a { color: var(--accent); }
        .cut { color: var(--muted); font-style: normal; font-size: 11px; }
        @media (max-width: 900px) { .cards { grid-template-columns: repeat(2, 1fr); } .figures { grid-template-columns: 1fr; } }

        """;
}
