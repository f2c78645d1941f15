using System.Globalization;
using System.Text;
using DealLens.Core.Clauses;
using DealLens.Core.Pipeline;

namespace DealLens.Core.Evaluation;

/// <summary>What the pipeline read from one announcement, in the terms the labels use.</summary>
public sealed record AnnouncementReading(
    decimal? TotalValue, bool? Binding, int? TermMonths, bool MinimumCommitment, bool TakeOrPay, IReadOnlyList<string> Chips)
{
    public static AnnouncementReading From(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var value = analysis.Deal.TotalValue;
        return new AnnouncementReading(
            value?.Amount,
            value?.Amount is null ? null : value.Binding,
            analysis.Deal.TermMonths,
            analysis.Clauses.Any(c => c.Type == ClauseTypes.MinimumCommitment),
            analysis.Clauses.Any(c => c.Type == ClauseTypes.TakeOrPay),
            analysis.Deal.Chips);
    }
}

/// <summary>One field's tally on one part of the corpus.</summary>
public sealed record FieldScore(string Field, int Right, int Total);

/// <summary>Deal-term accuracy on one part of the corpus (dev or locked), field by field.</summary>
public sealed record AnnouncementScore(string Part, int Documents, IReadOnlyList<FieldScore> Fields, IReadOnlyList<string> Misses)
{
    public int Right => Fields.Sum(f => f.Right);

    public int Total => Fields.Sum(f => f.Total);

    public double Accuracy => Total == 0 ? 0 : (double)Right / Total;
}

/// <summary>
/// Scores deal terms read from announcements against their labels: total value (amount within 1 % and the same
/// binding), term (within one month, for terms counted from a dateline), minimum commitment and take-or-pay
/// (present or not), chips (the same set of canonical names). A field labelled absent is right when nothing is read.
/// </summary>
public static class AnnouncementScorer
{
    public const string Value = "value";
    public const string Term = "term";
    public const string MinimumCommitment = "minimum commitment";
    public const string TakeOrPay = "take-or-pay";
    public const string Chips = "chips";

    private static readonly string[] s_fields = [Value, Term, MinimumCommitment, TakeOrPay, Chips];

    /// <summary>
    /// Scores the documents of one part. Misses are listed only when <paramref name="listMisses"/> is set: the
    /// locked part is scored without showing what went wrong, so nobody tunes on it.
    /// </summary>
    public static AnnouncementScore Score(
        string part, IEnumerable<(AnnouncementLabel Label, AnnouncementReading Reading)> documents, bool listMisses)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(documents);
        var right = s_fields.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
        var misses = new List<string>();
        var count = 0;
        foreach (var (label, reading) in documents)
        {
            count++;
            foreach (var field in s_fields)
            {
                if (IsRight(field, label, reading))
                {
                    right[field]++;
                }
                else if (listMisses)
                {
                    misses.Add($"{label.Doc}: {field}: labelled {Labelled(field, label)}, read {Read(field, reading)}");
                }
            }
        }

        return new AnnouncementScore(part, count, s_fields.Select(f => new FieldScore(f, right[f], count)).ToList(), misses);
    }

    public static bool IsRight(string field, AnnouncementLabel label, AnnouncementReading reading)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(reading);
        return field switch
        {
            Value => label.TotalValueUsd is not { } usd
                ? reading.TotalValue is null
                : reading.TotalValue is { } read && Math.Abs(read - usd) <= usd * 0.01m && reading.Binding == label.TotalValueBinding,
            Term => label.TermMonths is not { } months
                ? reading.TermMonths is null
                : reading.TermMonths is { } readMonths && Math.Abs(readMonths - months) <= 1,
            MinimumCommitment => label.MinimumCommitment == reading.MinimumCommitment,
            TakeOrPay => label.TakeOrPay == reading.TakeOrPay,
            Chips => label.Chips.Select(Normalise).ToHashSet(StringComparer.Ordinal)
                .SetEquals(reading.Chips.Select(Normalise)),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
        };
    }

    /// <summary>"value 30 of 41" per field, then the overall share, one line each.</summary>
    public static string Format(AnnouncementScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{score.Part}: {score.Documents} documents, fields right {score.Right} of {score.Total} ({score.Accuracy:0.000})\n");
        foreach (var field in score.Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {field.Field,-20} {field.Right} of {field.Total}\n");
        }

        return text.ToString();
    }

    private static string Normalise(string chip) => chip.Trim().ToUpperInvariant();

    private static string Labelled(string field, AnnouncementLabel label) => field switch
    {
        Value => label.TotalValueUsd is { } usd ? Money(usd, label.TotalValueBinding) : "none",
        Term => label.TermMonths?.ToString(CultureInfo.InvariantCulture) ?? "none",
        MinimumCommitment => label.MinimumCommitment ? "present" : "absent",
        TakeOrPay => label.TakeOrPay ? "present" : "absent",
        _ => "[" + string.Join(", ", label.Chips) + "]",
    };

    private static string Read(string field, AnnouncementReading reading) => field switch
    {
        Value => reading.TotalValue is { } usd ? Money(usd, reading.Binding) : "none",
        Term => reading.TermMonths?.ToString(CultureInfo.InvariantCulture) ?? "none",
        MinimumCommitment => reading.MinimumCommitment ? "present" : "absent",
        TakeOrPay => reading.TakeOrPay ? "present" : "absent",
        _ => "[" + string.Join(", ", reading.Chips) + "]",
    };

    private static string Money(decimal usd, bool? binding)
        => usd.ToString("#,0.##", CultureInfo.InvariantCulture) + (binding == false ? " (not binding)" : string.Empty);
}
