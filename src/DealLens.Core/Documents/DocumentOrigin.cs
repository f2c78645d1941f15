using DealLens.Core.Deals;

namespace DealLens.Core.Documents;

/// <summary>
/// Who is speaking in a document: its <see cref="Kind"/> (one of <see cref="DocumentKinds"/>) and the company that
/// filed or issued it (<see cref="Filer"/>, its name as written; null when the text does not say). Filings call
/// the filer "the Company", "we" or "the Registrant"; <see cref="SelfReferences"/> are the words this document
/// uses for it, so <see cref="Resolve"/> turns them into the filer's name. <see cref="Evidence"/> quotes the text
/// each finding was read from (fields "document_kind" and "filer").
/// </summary>
public sealed record DocumentOrigin(
    string Kind,
    string? Filer,
    IReadOnlyList<string> SelfReferences,
    IReadOnlyList<FieldEvidence> Evidence)
{
    public const string KindField = "document_kind";
    public const string FilerField = "filer";

    public static DocumentOrigin Unknown { get; } = new(DocumentKinds.Other, null, [], []);

    /// <summary>
    /// The filer's name when <paramref name="phrase"/> is one of the document's words for it ("the Company", "We",
    /// "our"); <paramref name="phrase"/> itself when it already names the filer; otherwise null.
    /// </summary>
    public string? Resolve(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (Filer is null)
        {
            return null;
        }

        var trimmed = phrase.Trim().TrimEnd('.', ',', ';', ':');
        if (trimmed.Equals(Filer, StringComparison.OrdinalIgnoreCase))
        {
            return Filer;
        }

        var bare = trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? trimmed[4..] : trimmed;
        foreach (var reference in SelfReferences)
        {
            var referenceBare = reference.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? reference[4..] : reference;
            if (bare.Equals(referenceBare, StringComparison.OrdinalIgnoreCase)
                || (bare.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || bare.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
                    && bare[..^2].Equals(referenceBare, StringComparison.OrdinalIgnoreCase))
            {
                return Filer;
            }
        }

        return null;
    }
}
