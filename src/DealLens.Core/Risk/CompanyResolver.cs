namespace DealLens.Core.Risk;

/// <summary>
/// Maps any spelling of a company to one key: <see cref="CompanyNames.Normalize"/> first, then the alias table
/// (normalised alias -> company name), followed at most a few steps so a chain A -> B -> C resolves to C. The table is
/// the bundled one (<see cref="CompanyAliases"/>) overlaid by the user's rows, which win.
/// </summary>
public sealed class CompanyResolver
{
    private const int MaxAliasHops = 8;

    private readonly Dictionary<string, string> _aliases;
    private readonly HashSet<string> _userAliases;
    private Dictionary<string, string>? _preferredNames;

    /// <param name="aliases">The user's rows: alias (any spelling; it is normalised) -> the company name it stands for.</param>
    /// <param name="includeBundled">Start from the bundled table (the default); false gives the user's rows alone.</param>
    public CompanyResolver(IEnumerable<KeyValuePair<string, string>> aliases, bool includeBundled = true)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        _aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        _userAliases = new HashSet<string>(StringComparer.Ordinal);
        if (includeBundled)
        {
            foreach (var row in CompanyAliases.Bundled)
            {
                _aliases[CompanyNames.Normalize(row.Alias)] = row.Company;
            }
        }

        foreach (var (alias, company) in aliases)
        {
            var key = CompanyNames.Normalize(alias);
            _aliases[key] = company;
            _userAliases.Add(key);
        }
    }

    /// <summary>No aliases at all: spellings merge only by <see cref="CompanyNames.Normalize"/>.</summary>
    public static CompanyResolver Empty { get; } = new([], includeBundled: false);

    /// <summary>The bundled table alone.</summary>
    public static CompanyResolver Bundled { get; } = new([]);

    /// <summary>
    /// This resolver plus links a document states ("X LLC, a wholly-owned subsidiary of Y"; "X (NASDAQ: XYZ)"); the
    /// user's own rows still win over them.
    /// </summary>
    public CompanyResolver With(IEnumerable<KeyValuePair<string, string>> statedLinks)
    {
        ArgumentNullException.ThrowIfNull(statedLinks);
        var copy = new CompanyResolver(_aliases, _userAliases);
        foreach (var (alias, company) in statedLinks)
        {
            var key = CompanyNames.Normalize(alias);
            // A defined term that names a company the table already knows ("Meta Platforms, Inc. ("Meta")": Meta ->
            // Meta Platforms while the table says Meta Platforms -> Meta) must not close a cycle: spellings on a cycle
            // would resolve to different keys depending on where the walk starts.
            if (key.Length > 0 && !copy._userAliases.Contains(key) && CompanyNames.Normalize(company) != key
                && copy.Resolve(company) != key && copy.Resolve(company) != copy.Resolve(alias))
            {
                copy._aliases[key] = company;
            }
        }

        return copy;
    }

    private CompanyResolver(Dictionary<string, string> aliases, HashSet<string> userAliases)
    {
        _aliases = new Dictionary<string, string>(aliases, StringComparer.Ordinal);
        _userAliases = new HashSet<string>(userAliases, StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="name"/> is a spelling the alias table knows (normalised).</summary>
    public bool Knows(string name) => _aliases.ContainsKey(CompanyNames.Normalize(name));

    /// <summary>The key of the company <paramref name="name"/> stands for.</summary>
    public string Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = CompanyNames.Normalize(name);
        List<string>? walked = null;
        for (var hop = 0; hop < MaxAliasHops && _aliases.TryGetValue(key, out var target); hop++)
        {
            var next = CompanyNames.Normalize(target);
            if (next == key)
            {
                break;
            }

            walked ??= [key];
            if (walked.Contains(next))
            {
                // A cycle (the user's rows can still make one): every spelling on it gets the same key, the smallest.
                return walked.SkipWhile(k => k != next).Min(StringComparer.Ordinal)!;
            }

            walked.Add(next);
            key = next;
        }

        return key;
    }

    /// <summary>The name the alias table gives a key, if a merge named it.</summary>
    public string? PreferredName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Built once (the table does not change after construction or With): a scan per key grew with keys x aliases.
        _preferredNames ??= PreferredNames();
        return _preferredNames.GetValueOrDefault(key);
    }

    /// <summary>Each key's first alias value (in table order) that names it and resolves to it: what a scan per key finds.</summary>
    private Dictionary<string, string> PreferredNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in _aliases.Values)
        {
            var key = CompanyNames.Normalize(value);
            if (!names.ContainsKey(key) && Resolve(value) == key)
            {
                names[key] = value;
            }
        }

        return names;
    }
}
