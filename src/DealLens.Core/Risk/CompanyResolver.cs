namespace DealLens.Core.Risk;

/// <summary>
/// Maps any spelling of a company to one key: <see cref="CompanyNames.Normalize"/> first, then the user's alias
/// table (normalised alias -> company name), followed at most a few steps so a chain A -> B -> C resolves to C.
/// </summary>
public sealed class CompanyResolver
{
    private const int MaxAliasHops = 8;

    private readonly Dictionary<string, string> _aliases;

    /// <param name="aliases">Alias (any spelling; it is normalised) -> the company name it stands for.</param>
    public CompanyResolver(IEnumerable<KeyValuePair<string, string>> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        _aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, company) in aliases)
        {
            _aliases[CompanyNames.Normalize(alias)] = company;
        }
    }

    public static CompanyResolver Empty { get; } = new([]);

    /// <summary>The key of the company <paramref name="name"/> stands for.</summary>
    public string Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = CompanyNames.Normalize(name);
        for (var hop = 0; hop < MaxAliasHops && _aliases.TryGetValue(key, out var target); hop++)
        {
            var next = CompanyNames.Normalize(target);
            if (next == key)
            {
                break;
            }

            key = next;
        }

        return key;
    }

    /// <summary>The name the alias table gives a key, if a merge named it.</summary>
    public string? PreferredName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _aliases.Values.FirstOrDefault(v => CompanyNames.Normalize(v) == key && Resolve(v) == key);
    }
}
