using System.Text.Json;

namespace DealLens.Tests.TestSupport;

/// <summary>Writes small CUAD-format label lines for command tests.</summary>
public static class LabelledSetWriter
{
    private static readonly string[] s_categories =
    [
        "Parties", "Agreement Date", "Effective Date", "Expiration Date", "Renewal Term", "Notice Period To Terminate Renewal",
        "Governing Law", "Most Favored Nation", "Competitive Restriction Exception", "Non-Compete", "Exclusivity",
        "Termination For Convenience", "Rofr/Rofo/Rofn", "Change Of Control", "Anti-Assignment", "Revenue/Profit Sharing",
        "Price Restrictions", "Minimum Commitment", "Volume Restriction", "Liquidated Damages", "Cap On Liability",
        "Uncapped Liability", "Post-Termination Services",
    ];

    /// <summary>One contract's labels: every category negative except Governing Law when a snippet is given.</summary>
    public static string LabelLine(string id, string file, string? governingLaw)
    {
        var labels = s_categories.ToDictionary(
            c => c,
            c => c == "Governing Law" && governingLaw is not null
                ? new { present = true, snippets = new[] { governingLaw }, answer = "New York" }
                : new { present = false, snippets = Array.Empty<string>(), answer = "" });
        return JsonSerializer.Serialize(new { id, file, type = "Services", labels });
    }
}
