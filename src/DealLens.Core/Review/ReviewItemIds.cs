using System.Security.Cryptography;
using System.Text;
using DealLens.Core.Risk;

namespace DealLens.Core.Review;

/// <summary>A reference to a review item as a reviewer types it: a kind (null: a clause) and an id or id prefix.</summary>
public sealed record ReviewItemRef(ReviewItemKind Kind, string Prefix);

/// <summary>
/// The ids reviewers type: a clause's id (16 hex digits), <c>deal:</c> + the document's SHA-256, <c>cycle:</c> + a hash
/// of the cycle's subject. Any unambiguous prefix of at least <see cref="MinPrefixLength"/> characters will do.
/// </summary>
public static class ReviewItemIds
{
    public const string DealPrefix = "deal:";
    public const string CyclePrefix = "cycle:";
    public const int MinPrefixLength = 4;

    /// <summary>How many digits of the document hash a deal id shows.</summary>
    public const int DealIdLength = 12;

    /// <summary>ReviewItems.ItemKey of a document's deal terms (one item per document).</summary>
    public const string DealTermsKey = "deal_terms";

    public static string ForClause(string clauseId) => clauseId;

    public static string ForDeal(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return DealPrefix + sha256[..Math.Min(DealIdLength, sha256.Length)];
    }

    public static string ForCycle(string subject) => CyclePrefix + CycleHash(subject);

    /// <summary>The stable name of a cycle (its companies from the vendor round, joined by '>'), as risk snapshots store it.</summary>
    public static string CycleSubject(FinancingCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return string.Join(">", cycle.Companies);
    }

    /// <summary>12 hex digits of SHA-256 of the subject: short to type, stable across runs.</summary>
    public static string CycleHash(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..12];
    }

    /// <summary>Reads what a reviewer typed. Throws <see cref="DealLensException"/> for an empty or too short id.</summary>
    public static ReviewItemRef Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var (kind, prefix) = trimmed.StartsWith(DealPrefix, StringComparison.OrdinalIgnoreCase)
            ? (ReviewItemKind.DealTerms, trimmed[DealPrefix.Length..])
            : trimmed.StartsWith(CyclePrefix, StringComparison.OrdinalIgnoreCase)
                ? (ReviewItemKind.Cycle, trimmed[CyclePrefix.Length..])
                : (ReviewItemKind.Clause, trimmed);
        prefix = prefix.ToLowerInvariant();
        if (prefix.Length < MinPrefixLength)
        {
            throw new DealLensException(
                $"item id '{text}' is too short: give at least {MinPrefixLength} characters of a clause id, deal:<document hash> or cycle:<id> (see `deallens review list`)");
        }

        if (!prefix.All(char.IsAsciiHexDigitLower))
        {
            throw new DealLensException(
                $"item id '{text}' is not an id: expected hex digits of a clause id, deal:<document hash> or cycle:<id> (see `deallens review list`)");
        }

        return new ReviewItemRef(kind, prefix);
    }
}
