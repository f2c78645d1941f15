using DealLens.Core.Clauses;

namespace DealLens.Core.Review;

/// <summary>Checks a reviewer's corrections against what the item can carry, before anything is stored.</summary>
public static class ReviewEdits
{
    public const int MaxTermMonths = 1200;

    /// <summary>Every problem with <paramref name="edit"/> for an item of <paramref name="kind"/>; empty when it can be applied.</summary>
    public static IReadOnlyList<string> Problems(string kind, ReviewOverrides edit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(edit);
        var problems = new List<string>();
        if (!edit.HasAny)
        {
            problems.Add("nothing to edit: give --type or a field (--amount, --currency, --term-months, --parties, --binding)");
        }

        if (kind == ReviewKinds.Cycle && edit.HasAny)
        {
            problems.Add("a circular-financing cycle has no fields to edit: accept or reject it, or edit the clauses it rests on");
            return problems;
        }

        if (edit.Type is not null)
        {
            if (kind != ReviewKinds.Clause)
            {
                problems.Add("--type applies to clauses only");
            }
            else if (!ClauseTypes.IsKnown(edit.Type))
            {
                problems.Add($"unknown clause type '{edit.Type}' (one of: {string.Join(", ", ClauseTypes.All)})");
            }
        }

        if (kind == ReviewKinds.Clause && edit.Parties is not null)
        {
            problems.Add("--parties applies to deal terms only (item deal:<document>)");
        }

        if (kind == ReviewKinds.Clause && edit.Binding is not null)
        {
            problems.Add("--binding applies to deal terms only (item deal:<document>)");
        }

        if (edit.Amount is < 0)
        {
            problems.Add("--amount must not be negative");
        }

        if (edit.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            problems.Add($"--currency must be a three-letter ISO 4217 code in capitals (USD, EUR, ...), not '{currency}'");
        }

        if (edit.TermMonths is { } months && (months < 1 || months > MaxTermMonths))
        {
            problems.Add($"--term-months must be between 1 and {MaxTermMonths}");
        }

        if (edit.Parties is { } parties && (parties.Count == 0 || parties.Any(string.IsNullOrWhiteSpace)))
        {
            problems.Add("--parties needs at least one non-empty name");
        }

        return problems;
    }
}
