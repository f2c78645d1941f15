namespace DealLens.Core.Reports;

/// <summary>
/// Review status of each clause (by document hash and clause id) and of each document's deal terms (by hash), as the
/// review store holds them; anything without an entry is <see cref="Unreviewed"/>.
/// </summary>
public sealed class ReviewStatuses
{
    public const string Unreviewed = "unreviewed";

    private readonly Dictionary<(string Sha256, string ClauseId), string> _clauses;
    private readonly Dictionary<string, string> _dealTerms;

    public ReviewStatuses(IEnumerable<KeyValuePair<(string Sha256, string ClauseId), string>> clauses, IEnumerable<KeyValuePair<string, string>> dealTerms)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        ArgumentNullException.ThrowIfNull(dealTerms);
        _clauses = new Dictionary<(string, string), string>(clauses);
        _dealTerms = new Dictionary<string, string>(dealTerms, StringComparer.Ordinal);
    }

    public static ReviewStatuses None { get; } = new([], []);

    public string ForClause(string sha256, string clauseId)
        => _clauses.TryGetValue((sha256, clauseId), out var status) ? status : Unreviewed;

    public string ForDealTerms(string sha256)
        => _dealTerms.TryGetValue(sha256, out var status) ? status : Unreviewed;
}
