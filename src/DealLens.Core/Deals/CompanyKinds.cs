using DealLens.Core.IO;
using DealLens.Core.Risk;

namespace DealLens.Core.Deals;

/// <summary>One row of the bundled table of business kinds: a company, what it is in the supply chain, and where that fact is stated.</summary>
public sealed record CompanyKind(string Company, string Kind, string Source);

/// <summary>
/// What well-known companies of the AI-infrastructure industry are (chip vendor, data-centre landlord, GPU cloud,
/// hyperscaler, AI lab, power producer, lender or fund), bundled as data (<c>Deals/company-kinds.tsv</c>, every row
/// with its source), and which kind usually sells to which. <see cref="PartyKindPrior"/> uses it only to break a tie
/// the text leaves open.
/// </summary>
public sealed class CompanyKinds
{
    public const string ChipVendor = "chip_vendor";
    public const string Equipment = "equipment";
    public const string DataCentre = "data_centre";
    public const string GpuCloud = "gpu_cloud";
    public const string Hyperscaler = "hyperscaler";
    public const string AiLab = "ai_lab";
    public const string Power = "power";
    public const string LenderFund = "lender_fund";

    private const string ResourceName = "DealLens.Core.company-kinds.tsv";

    private static readonly HashSet<string> s_kinds = [ChipVendor, Equipment, DataCentre, GpuCloud, Hyperscaler, AiLab, Power, LenderFund];

    // Who usually sells to whom. Pairs that run both ways in this industry are left out on purpose: chip vendors sell
    // GPUs to GPU clouds and also rent capacity back from them (NVIDIA from CoreWeave and Lambda), and data-centre
    // landlords both lease to chip vendors and buy their chips. Lenders and funds sell nothing here.
    private static readonly HashSet<(string Seller, string Buyer)> s_sells =
    [
        (Power, ChipVendor), (Power, Equipment), (Power, DataCentre), (Power, GpuCloud), (Power, Hyperscaler), (Power, AiLab),
        (Equipment, DataCentre), (Equipment, GpuCloud), (Equipment, Hyperscaler), (Equipment, AiLab),
        (ChipVendor, Equipment), (ChipVendor, Hyperscaler), (ChipVendor, AiLab),
        (DataCentre, GpuCloud), (DataCentre, Hyperscaler), (DataCentre, AiLab),
        (GpuCloud, Hyperscaler), (GpuCloud, AiLab),
        (Hyperscaler, AiLab),
    ];

    // Built on first use: the bundled table and the alias table it reads are parsed (and every name normalised) only
    // when a document leaves a deal side open, not in every fresh process that merely builds the default options.
    private static readonly CompanyKinds s_bundled = new(LoadBundled);

    private readonly Lazy<Index> _index;

    /// <summary>A table over these rows; <paramref name="aliases"/> maps other spellings (tickers, subsidiaries) to a row's company.</summary>
    public CompanyKinds(IEnumerable<CompanyKind> rows, IEnumerable<CompanyAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(aliases);
        var index = new Index([.. rows], [.. aliases]);
        _index = new Lazy<Index>(() => index);
    }

    private CompanyKinds(Func<Index> load) => _index = new Lazy<Index>(load);

    /// <summary>The bundled table, with the bundled alias table for other spellings.</summary>
    public static CompanyKinds Bundled => s_bundled;

    /// <summary>The kinds a row may name, in a fixed order.</summary>
    public static IReadOnlyList<string> Known { get; } = [ChipVendor, Equipment, DataCentre, GpuCloud, Hyperscaler, AiLab, Power, LenderFund];

    /// <summary>The table's rows, as given (a company listed twice keeps its first row).</summary>
    public IReadOnlyList<CompanyKind> Rows => _index.Value.Rows;

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="Known"/>.</summary>
    public static bool IsKnown(string kind) => s_kinds.Contains(kind);

    /// <summary>
    /// This table with <paramref name="overrides"/> put first: a company they name takes their kind (a user's own rows,
    /// <c>deallens companies kind</c>), every other company keeps its row. The alias table is kept.
    /// </summary>
    public CompanyKinds With(IReadOnlyCollection<CompanyKind> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return overrides.Count == 0 ? this : new CompanyKinds([.. overrides, .. Rows], _index.Value.Aliases);
    }

    /// <summary>Rows of a tab-separated table (company, kind, source); '#' lines are comments.</summary>
    public static IReadOnlyList<CompanyKind> Parse(string tsv)
        => BundledTable.Rows(tsv, "company-kinds.tsv", ["company", "kind", "source"], c => s_kinds.Contains(c[1]), " with a known kind")
            .Select(c => new CompanyKind(c[0], c[1], c[2]))
            .ToList();

    /// <summary>Whether a company of kind <paramref name="seller"/> usually sells to one of kind <paramref name="buyer"/>.</summary>
    public static bool SellsTo(string seller, string buyer) => s_sells.Contains((seller, buyer));

    /// <summary>
    /// The kind of the company a party name stands for: the name itself, a spelling the alias table maps to a company
    /// of the table, or a legal name that starts with a table name ("Amazon Data Services, Inc." is Amazon); else its parent's.
    /// </summary>
    public string? KindOf(string name, string? parent = null) => Find(name, parent)?.Kind;

    /// <summary>As <see cref="KindOf"/>, with the table's key of the company matched (two spellings of one company give one key).</summary>
    public (string Kind, string Company)? Find(string name, string? parent = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Lookup(name) ?? (parent is null ? null : Lookup(parent));
    }

    private (string Kind, string Company)? Lookup(string name)
    {
        var (_, _, byKey, aliasToCompany) = _index.Value;
        var key = CompanyNames.Normalize(name);
        if (key.Length == 0)
        {
            return null;
        }

        if (byKey.TryGetValue(key, out var kind))
        {
            return (kind, aliasToCompany.TryGetValue(key, out var own) && byKey.ContainsKey(own) ? own : key);
        }

        if (aliasToCompany.TryGetValue(key, out var company) && byKey.TryGetValue(company, out kind))
        {
            return (kind, company);
        }

        // The longest table name (or alias) the party's name starts with, whole words only, and only for a name a legal
        // form closes: "Amazon Data Services, Inc." is Amazon, "NVIDIA GB300 NVL72" is a product, not NVIDIA.
        if (!PartyReader.EndsWithLegalForm(name))
        {
            return null;
        }

        (string Kind, string Company)? best = null;
        var bestLength = 0;
        foreach (var (tableKey, tableKind) in byKey)
        {
            if (tableKey.Length > bestLength && key.StartsWith(tableKey + " ", StringComparison.Ordinal))
            {
                var canonical = aliasToCompany.TryGetValue(tableKey, out var own) && byKey.ContainsKey(own) ? own : tableKey;
                (best, bestLength) = ((tableKind, canonical), tableKey.Length);
            }
        }

        foreach (var (aliasKey, aliasCompany) in aliasToCompany)
        {
            if (aliasKey.Length > bestLength && key.StartsWith(aliasKey + " ", StringComparison.Ordinal) && byKey.TryGetValue(aliasCompany, out var aliasKind))
            {
                (best, bestLength) = ((aliasKind, aliasCompany), aliasKey.Length);
            }
        }

        return best;
    }

    private static Index LoadBundled()
    {
        using var stream = typeof(CompanyKinds).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("the bundled company-kinds.tsv resource is missing from DealLens.Core");
        using var reader = new StreamReader(stream);
        return new Index(Parse(reader.ReadToEnd()), CompanyAliases.Bundled);
    }

    /// <summary>The rows and aliases with their lookups by normalised name (a company's first row wins).</summary>
    private sealed record Index(IReadOnlyList<CompanyKind> Rows, IReadOnlyList<CompanyAlias> Aliases, Dictionary<string, string> ByKey, Dictionary<string, string> AliasToCompany)
    {
        public Index(IReadOnlyList<CompanyKind> rows, IReadOnlyList<CompanyAlias> aliases)
            : this(rows, aliases, new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal))
        {
            foreach (var row in rows)
            {
                var key = CompanyNames.Normalize(row.Company);
                if (key.Length > 0)
                {
                    ByKey.TryAdd(key, row.Kind);
                }
            }

            foreach (var alias in aliases.Where(a => a.Kind != "product"))
            {
                var key = CompanyNames.Normalize(alias.Alias);
                if (key.Length > 0)
                {
                    AliasToCompany.TryAdd(key, CompanyNames.Normalize(alias.Company));
                }
            }
        }
    }
}
