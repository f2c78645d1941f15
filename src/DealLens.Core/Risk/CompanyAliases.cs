using DealLens.Core.IO;

namespace DealLens.Core.Risk;

/// <summary>One row of the bundled alias table: a spelling, the company it stands for, what kind of fact links them and where the fact came from.</summary>
public sealed record CompanyAlias(string Alias, string Company, string Kind, string Source);

/// <summary>
/// The bundled alias table of AI-infrastructure companies (company-aliases.tsv, embedded): legal names, tickers,
/// former names, subsidiaries and cloud products mapped to the company that carries the money. Users extend or
/// override it with <c>deallens companies merge</c>.
/// </summary>
public static class CompanyAliases
{
    public const string Ticker = "ticker";

    private static readonly Lazy<IReadOnlyList<CompanyAlias>> s_bundled = new(Load);

    public static IReadOnlyList<CompanyAlias> Bundled => s_bundled.Value;

    /// <summary>Rows of a tab-separated table (alias, company, kind, source); '#' lines are comments.</summary>
    public static IReadOnlyList<CompanyAlias> Parse(string tsv)
        => BundledTable.Rows(tsv, "company-aliases.tsv", ["alias", "company", "kind", "source"])
            .Select(c => new CompanyAlias(c[0], c[1], c[2], c[3]))
            .ToList();

    private static IReadOnlyList<CompanyAlias> Load()
    {
        using var stream = typeof(CompanyAliases).Assembly.GetManifestResourceStream("DealLens.Core.company-aliases.tsv")
            ?? throw new InvalidOperationException("the bundled company-aliases.tsv resource is missing from DealLens.Core");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
