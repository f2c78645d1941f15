using DealLens.Core.Clauses;

namespace DealLens.Core.Reports;

/// <summary>
/// Review status of each clause (by document hash and clause id) and of each document's deal terms (by hash), as the
/// review store holds them; anything without an entry is <see cref="Unreviewed"/>. Rejected clauses are carried too:
/// the reviewed analyses leave them out of every score, but a report still lists them, marked rejected.
/// </summary>
public sealed class ReviewStatuses
{
    public const string Unreviewed = "unreviewed";

    private readonly Dictionary<(string Sha256, string ClauseId), string> _clauses;
    private readonly Dictionary<string, string> _dealTerms;
    private readonly ILookup<string, Clause> _rejected;

    public ReviewStatuses(
        IEnumerable<KeyValuePair<(string Sha256, string ClauseId), string>> clauses,
        IEnumerable<KeyValuePair<string, string>> dealTerms,
        IEnumerable<(string Sha256, Clause Clause)>? rejectedClauses = null)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        ArgumentNullException.ThrowIfNull(dealTerms);
        _clauses = new Dictionary<(string, string), string>(clauses);
        _dealTerms = new Dictionary<string, string>(dealTerms, StringComparer.Ordinal);
        _rejected = (rejectedClauses ?? []).ToLookup(r => r.Sha256, r => r.Clause, StringComparer.Ordinal);
    }

    public static ReviewStatuses None { get; } = new([], []);

    /// <summary>The clauses of the document that a reviewer rejected, as extracted.</summary>
    public IEnumerable<Clause> RejectedClauses(string sha256) => _rejected[sha256];

    public string ForClause(string sha256, string clauseId)
        => _clauses.TryGetValue((sha256, clauseId), out var status) ? status : Unreviewed;

    public string ForDealTerms(string sha256)
        => _dealTerms.TryGetValue(sha256, out var status) ? status : Unreviewed;
}
