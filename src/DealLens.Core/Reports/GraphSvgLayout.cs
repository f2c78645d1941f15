using System.Globalization;
using System.Text;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Core.Reports;

/// <summary>
/// A simple built-in drawing of the company graph as SVG, for machines without Graphviz: companies on a circle,
/// relations as curved arrows labelled with kind and amount (purchases solid, financing dashed, relations in a cycle red).
/// </summary>
public static class GraphSvgLayout
{
    private const double CharWidth = 7.2;
    private const double BoxHeight = 28;
    private const double Margin = 30;

    public static string Render(IReadOnlyList<Company> companies, IReadOnlyList<ReportDeal> deals)
    {
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(deals);
        var nodes = companies.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var widths = nodes.ToDictionary(c => c.Key, c => 16 + (CharWidth * Math.Min(c.Name.Length, 40)), StringComparer.Ordinal);
        var maxWidth = widths.Count == 0 ? 100 : widths.Values.Max();
        var radius = nodes.Count <= 1 ? 0 : Math.Max(150, nodes.Count * 48);
        var width = (2 * radius) + maxWidth + (2 * Margin) + 120;
        var height = (2 * radius) + BoxHeight + (2 * Margin) + 60;
        var (cx, cy) = (width / 2, height / 2);
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            // Start at the left so two companies sit side by side, then go round clockwise.
            var angle = Math.PI + (2 * Math.PI * i / nodes.Count);
            positions[nodes[i].Key] = (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)));
        }

        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" font-size=\"12\">\n");
        b.Append("<defs>")
            .Append("<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#44546a\"/></marker>")
            .Append("<marker id=\"arrow-cycle\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#c0392b\"/></marker>")
            .Append("</defs>\n");
        b.Append(CultureInfo.InvariantCulture, $"<rect width=\"{F(width)}\" height=\"{F(height)}\" fill=\"#ffffff\"/>\n");

        // Attributes every arrow, label or company box shares sit on one group around them (the report embeds this
        // drawing, and repeating them per element made a third of its size).
        b.Append("<g fill=\"none\" stroke=\"#44546a\" stroke-width=\"1.6\">\n");
        var seen = new Dictionary<(string, string), int>();
        var labels = new StringBuilder("<g text-anchor=\"middle\" font-size=\"10.5\">\n");
        foreach (var deal in deals.Where(d => positions.ContainsKey(d.From) && positions.ContainsKey(d.To) && d.From != d.To))
        {
            var pair = string.CompareOrdinal(deal.From, deal.To) < 0 ? (deal.From, deal.To) : (deal.To, deal.From);
            var n = seen[pair] = seen.GetValueOrDefault(pair) + 1;
            var p0 = positions[deal.From];
            var p2 = positions[deal.To];
            var (dx, dy) = (p2.X - p0.X, p2.Y - p0.Y);
            var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
            // Bend each arrow to one side (by the pair's order) so A->B and B->A never overlap; more relations bend further.
            var side = string.CompareOrdinal(deal.From, deal.To) < 0 ? 1 : -1;
            var bend = side * (24 + (n - 1) * 30) * 1.0;
            var control = ((p0.X + p2.X) / 2 - (dy / length * bend), (p0.Y + p2.Y) / 2 + (dx / length * bend));
            var start = Clip(p0, control, widths[deal.From]);
            var end = Clip(p2, control, widths[deal.To]);
            var colour = deal.InCycle ? "#c0392b" : "#44546a";
            var cycle = deal.InCycle ? " stroke=\"#c0392b\" stroke-width=\"2.2\"" : "";
            var dash = deal.Kind == RelationKind.Purchase ? "" : " stroke-dasharray=\"6 4\"";
            b.Append(CultureInfo.InvariantCulture,
                $"<path d=\"M{F(start.X)},{F(start.Y)} Q{F(control.Item1)},{F(control.Item2)} {F(end.X)},{F(end.Y)}\"{cycle}{dash} marker-end=\"url(#{(deal.InCycle ? "arrow-cycle" : "arrow")})\"/>\n");
            var mid = ((0.25 * start.X) + (0.5 * control.Item1) + (0.25 * end.X), (0.25 * start.Y) + (0.5 * control.Item2) + (0.25 * end.Y));
            var label = Label(deal);
            var labelWidth = 8 + (CharWidth * 0.85 * label.Length);
            labels.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(mid.Item1 - (labelWidth / 2))}\" y=\"{F(mid.Item2 - 9)}\" width=\"{F(labelWidth)}\" height=\"16\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>");
            labels.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(mid.Item1)}\" y=\"{F(mid.Item2 + 3)}\" fill=\"{colour}\">{Xml(label)}</text>\n");
        }

        b.Append("</g>\n").Append(labels).Append("</g>\n");
        b.Append("<g fill=\"#eef3fb\" stroke=\"#2f5597\" stroke-width=\"1.4\" text-anchor=\"middle\">\n");
        foreach (var company in nodes)
        {
            var (x, y) = positions[company.Key];
            var w = widths[company.Key];
            var name = company.Name.Length > 40 ? company.Name[..39] + "…" : company.Name;
            b.Append(CultureInfo.InvariantCulture,
                $"<g><rect x=\"{F(x - (w / 2))}\" y=\"{F(y - (BoxHeight / 2))}\" width=\"{F(w)}\" height=\"{F(BoxHeight)}\" rx=\"6\"/>");
            b.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(x)}\" y=\"{F(y + 4)}\" fill=\"#1f2d3d\" stroke=\"none\" font-weight=\"600\">{Xml(name)}</text></g>\n");
        }

        b.Append("</g>\n");

        if (nodes.Count == 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(cx)}\" y=\"{F(cy)}\" text-anchor=\"middle\" fill=\"#666666\">no companies in this report</text>\n");
        }

        return b.Append("</svg>\n").ToString();
    }

    /// <summary>"purchase $11.9B", "loan (amount unknown)", "equity redacted (non-binding)".</summary>
    public static string Label(ReportDeal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var amount = deal.Amount is not null ? Formats.Money(deal.Amount, deal.Currency)
            : deal.Redacted ? "redacted" : "amount unknown";
        return $"{RelationKinds.Name(deal.Kind).Replace('_', ' ')} {amount}{(deal.Binding ? "" : " (non-binding)")}";
    }

    /// <summary>Where the line from a box's centre towards <paramref name="toward"/> leaves the box.</summary>
    private static (double X, double Y) Clip((double X, double Y) centre, (double X, double Y) toward, double boxWidth)
    {
        var (dx, dy) = (toward.X - centre.X, toward.Y - centre.Y);
        if (Math.Abs(dx) < 1e-9 && Math.Abs(dy) < 1e-9)
        {
            return centre;
        }

        var t = Math.Min(
            Math.Abs(dx) < 1e-9 ? double.MaxValue : (boxWidth / 2 + 3) / Math.Abs(dx),
            Math.Abs(dy) < 1e-9 ? double.MaxValue : (BoxHeight / 2 + 3) / Math.Abs(dy));
        return (centre.X + (dx * t), centre.Y + (dy * t));
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>XML text/attribute escaping: company names come from untrusted documents.</summary>
    public static string Xml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
