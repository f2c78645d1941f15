using System.Globalization;
using System.Text.Json;
using DealLens.Core.Clauses;
using DealLens.Core.Documents;
using Xunit.Abstractions;

namespace DealLens.Tests.TestSupport;

/// <summary>One sentence read alone, with the clause types it is labelled with (a line of a tests/DealLens.Tests/Data jsonl set).</summary>
public sealed record LabelledSentence(string Id, string Text, IReadOnlySet<string> Gold);

/// <summary>Sets of lone sentences labelled by clause type, and the per-type precision and recall of an extractor on them.</summary>
public static class LabelledSentences
{
    public static IReadOnlyList<LabelledSentence> Load(string fileName)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "DealLens.Tests", "Data", fileName);
        return
        [
            .. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).Select(item => new LabelledSentence(
                item.GetProperty("id").GetString()!,
                item.GetProperty("text").GetString()!,
                item.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToHashSet(StringComparer.Ordinal))),
        ];
    }

    /// <summary>
    /// Reads each sentence alone with <paramref name="extractor"/> and scores each of <paramref name="types"/>; prints
    /// the counts of each type and every sentence it got wrong (with its text when <paramref name="withText"/>).
    /// </summary>
    public static Dictionary<string, (double P, double R)> Score(
        IReadOnlyList<LabelledSentence> items, EmbeddedClauseExtractor extractor, IReadOnlyList<string> types, ITestOutputHelper output, bool withText = false)
    {
        var found = items.Select(i => Found(extractor, i)).ToList();
        var figures = new Dictionary<string, (double P, double R)>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            int tp = 0, fp = 0, fn = 0;
            var wrong = new List<string>();
            for (var i = 0; i < items.Count; i++)
            {
                var gold = items[i].Gold.Contains(type);
                var yes = found[i].Contains(type);
                tp += gold && yes ? 1 : 0;
                fp += !gold && yes ? 1 : 0;
                fn += gold && !yes ? 1 : 0;
                if (gold != yes)
                {
                    wrong.Add($"  {(yes ? "FP" : "FN")} {items[i].Id}" + (withText ? ": " + items[i].Text : ""));
                }
            }

            var p = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            figures[type] = (p, r);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-19} tp={tp,2} fp={fp,2} fn={fn,2} P={p:0.000} R={r:0.000}"));
            wrong.ForEach(output.WriteLine);
        }

        return figures;
    }

    /// <summary>The clause types <paramref name="extractor"/> reads <paramref name="item"/> as, read alone.</summary>
    public static IReadOnlySet<string> Found(EmbeddedClauseExtractor extractor, LabelledSentence item)
        => extractor.Extract(DocumentText.FromPages([item.Text], DocumentFormat.Text)).Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
}
