namespace DealLens.Core.Documents;

/// <summary>One page of a document's text: its 1-based number and where it sits in <see cref="DocumentText.Text"/>.</summary>
public sealed record DocumentPage(int Number, int Start, int Length)
{
    public int End => Start + Length;
}
