using System.Xml.Linq;
using DealLens.Core.Reports;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Reports;

public sealed class GraphSvgLayoutTests
{
    private static readonly Company[] s_companies =
    [
        new("a", "a", "Alpha <script>x</script>", []),
        new("b", "b", "Beta & Co", []),
        new("c", "c", "Gamma", []),
    ];

    private static ReportDeal Deal(string id, string from, string to, RelationKind kind, decimal? amount, bool inCycle = false)
        => new(id, from, from, to, to, kind, amount, "USD", true, false, inCycle, ["x.txt"], []);

    [Fact]
    public void Render_IsWellFormedSvg_OnePathPerRelation()
    {
        var svg = GraphSvgLayout.Render(s_companies, [Deal("1", "a", "b", RelationKind.Purchase, 5_000_000_000m), Deal("2", "b", "a", RelationKind.Equity, null, inCycle: true)]);

        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", root.Name);
        Assert.Equal(2, root.Descendants(ns + "path").Count(p => p.Attribute("marker-end") is not null));
        Assert.Contains(root.Descendants(ns + "text"), t => t.Value == "purchase $5B");
        Assert.Contains(root.Descendants(ns + "text"), t => t.Value == "equity amount unknown");
        Assert.Contains(root.Descendants(ns + "path"), p => p.Attribute("stroke")?.Value == "#c0392b" && p.Attribute("stroke-dasharray") is not null);
    }

    [Fact]
    public void Render_CompanyNames_AreEscaped()
    {
        var svg = GraphSvgLayout.Render(s_companies, []);

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Contains("Alpha &lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Equal(3, XDocument.Parse(svg).Root!.Descendants().Count(e => e.Name.LocalName == "text" && e.Attribute("font-weight") is not null));
    }

    [Fact]
    public void Render_NoCompanies_SaysSo()
        => Assert.Contains("no companies in this report", GraphSvgLayout.Render([], []), StringComparison.Ordinal);
}
