namespace DealLens.Core.Text;

/// <summary>A range <c>[Start, End)</c> of a document's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public string Of(string text) => text.Substring(Start, End - Start);
}
