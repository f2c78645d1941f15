namespace DealLens.Core.Review;

/// <summary>The verbs of <c>deallens review</c> and of the re-binding that runs when a document is re-analysed.</summary>
public static class ReviewVerbs
{
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Edit = "edit";
    public const string Comment = "comment";
    public const string Assign = "assign";

    // Written by re-analysis, never typed by a reviewer.
    public const string Rebind = "rebind";
    public const string NoLongerFound = "no_longer_found";
    public const string FoundAgain = "found_again";

    public static IReadOnlyList<string> Reviewer { get; } = [Accept, Reject, Edit, Comment, Assign];
}

/// <summary>
/// One reviewer action. <see cref="Edit"/> is set for <see cref="ReviewVerbs.Edit"/>; <see cref="Assignee"/> for
/// <see cref="ReviewVerbs.Assign"/> (null unassigns). Any action may carry a <see cref="Comment"/>.
/// </summary>
public sealed record ReviewAction(string Verb, string Actor, string? Comment = null, ReviewOverrides? Edit = null, string? Assignee = null)
{
    /// <summary>
    /// The state after this action, computed from the state as it is now (never from what the reviewer saw earlier),
    /// so two reviewers editing different fields of one item both keep their change.
    /// </summary>
    public ReviewState ApplyTo(ReviewState before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var next = before with { Version = before.Version + 1 };
        return Verb switch
        {
            ReviewVerbs.Accept => next with { Status = ReviewStatus.Accepted },
            ReviewVerbs.Reject => next with { Status = ReviewStatus.Rejected },
            ReviewVerbs.Edit => next with
            {
                Status = ReviewStatus.Edited,
                Overrides = before.Overrides.MergedWith(Edit ?? throw new InvalidOperationException("An edit needs its corrections.")),
            },
            ReviewVerbs.Comment => next,
            ReviewVerbs.Assign => next with { Assignee = Assignee },
            _ => throw new InvalidOperationException($"'{Verb}' is not a reviewer action."),
        };
    }
}
