using System.Globalization;
using System.Text;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Cli.Risk;

/// <summary>The money graph as JSON, Graphviz DOT or Mermaid.</summary>
public static class GraphWriter
{
    public static string ToJson(MoneyGraph graph, IReadOnlyList<FinancingCycle> cycles)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(cycles);
        var view = new
        {
            Companies = graph.Companies.Select(c => new { c.Id, c.Name, c.Aliases }),
            Relations = graph.Relations.Select(r => new
            {
                r.Id,
                From = CompanyNames.ToId(r.From),
                To = CompanyNames.ToId(r.To),
                r.Kind,
                r.Amount,
                r.Currency,
                r.Binding,
                r.Redacted,
                r.VestsOnPurchaseMilestones,
                r.Documents,
            }),
            Cycles = cycles.Select(c => new
            {
                Companies = c.Companies.Select(CompanyNames.ToId),
                Relations = c.Relations.Select(r => r.Id),
                c.CircularityRatio,
                c.Kind,
            }),
        };
        return RiskJson.Serialize(view) + "\n";
    }

    public static string ToDot(MoneyGraph graph, IReadOnlyList<FinancingCycle> cycles)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(cycles);
        var inCycle = cycles.SelectMany(c => c.Relations).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var b = new StringBuilder("digraph deallens {\n  rankdir=LR;\n  node [shape=box];\n");
        foreach (var company in graph.Companies)
        {
            b.Append(CultureInfo.InvariantCulture, $"  \"{company.Id}\" [label=\"{Escape(company.Name)}\"];\n");
        }

        foreach (var r in graph.Relations)
        {
            var style = r.Kind == RelationKinds.Purchase ? "solid" : "dashed";
            var color = inCycle.Contains(r.Id) ? ", color=red" : "";
            b.Append(CultureInfo.InvariantCulture,
                $"  \"{CompanyNames.ToId(r.From)}\" -> \"{CompanyNames.ToId(r.To)}\" [label=\"{Escape(Label(r))}\", style={style}{color}];\n");
        }

        return b.Append("}\n").ToString();
    }

    public static string ToMermaid(MoneyGraph graph, IReadOnlyList<FinancingCycle> cycles)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(cycles);
        var b = new StringBuilder("graph LR\n");
        foreach (var company in graph.Companies)
        {
            b.Append(CultureInfo.InvariantCulture, $"  {NodeId(company.Id)}[\"{company.Name.Replace("\"", "'", StringComparison.Ordinal)}\"]\n");
        }

        foreach (var r in graph.Relations)
        {
            var arrow = r.Kind == RelationKinds.Purchase ? "-->" : "-.->";
            b.Append(CultureInfo.InvariantCulture, $"  {NodeId(CompanyNames.ToId(r.From))} {arrow}|{Label(r)}| {NodeId(CompanyNames.ToId(r.To))}\n");
        }

        return b.ToString();
    }

    /// <summary>"purchase $11.9B" style label; amounts unknown or redacted say so.</summary>
    public static string Label(MoneyRelation relation) => Formats.Relation(relation);

    private static string NodeId(string id) => id.Replace('-', '_').Replace('&', '_');

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
