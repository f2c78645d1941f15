using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using static DealLens.Tests.Core.Review.ReviewTestData;

namespace DealLens.Tests.Core.Review;

public sealed class ReviewFlaggerTests
{
    private readonly ReviewFlagger _flagger = ReviewFlagger.Default;

    [Theory]
    [InlineData(ClauseTypes.TakeOrPay, Severity.High)]
    [InlineData(ClauseTypes.MinimumCommitment, Severity.High)]
    [InlineData(ClauseTypes.UncappedLiability, Severity.High)]
    [InlineData(ClauseTypes.EquityInvestment, Severity.Medium)]
    [InlineData(ClauseTypes.Warrant, Severity.Medium)]
    [InlineData(ClauseTypes.Loan, Severity.Medium)]
    public void Flag_RiskWeightedType_FlaggedWithItsSeverity(string type, Severity severity)
    {
        var flag = _flagger.Flag(Clause("c1", type, "some text"));

        Assert.NotNull(flag);
        Assert.Equal(severity, flag.Severity);
        Assert.Equal(["risk weight: " + type], flag.Reasons);
    }

    [Fact]
    public void Flag_ConfidentGoverningLaw_NotFlagged()
        => Assert.Null(_flagger.Flag(Clause("c1", ClauseTypes.GoverningLaw, "New York law governs.", confidence: 0.99)));

    [Fact]
    public void Flag_LowConfidenceInAScoredType_FlaggedLow()
    {
        var flagger = new ReviewFlagger(ReviewFlaggingOptions.Default with { ScoredTypes = new HashSet<string> { ClauseTypes.GoverningLaw } });

        var flag = flagger.Flag(Clause("c1", ClauseTypes.GoverningLaw, "New York law governs.", confidence: 0.2));

        Assert.NotNull(flag);
        Assert.Equal(Severity.Low, flag.Severity);
        Assert.Equal(["low confidence 0.20"], flag.Reasons);
    }

    [Fact]
    public void Issue20_LowConfidenceInATypeThatFeedsNoScore_NotFlagged()
        => Assert.Null(_flagger.Flag(Clause("c1", ClauseTypes.GoverningLaw, "New York law governs.", confidence: 0.2)));

    [Theory]
    [InlineData("1. Backstop.")]
    [InlineData("MINIMUM PURCHASE COMMITMENT")]
    [InlineData("“Minimum Fee” has the meaning assigned to it in Section 7.2.")]
    [InlineData("Upon the expiration or termination of this Agreement:")]
    public void Issue20_HeadingDefinitionOrLeadIn_NotFlaggedWhateverItsType(string text)
        => Assert.Null(_flagger.Flag(Clause("c1", ClauseTypes.Backstop, text, confidence: 0.3)));

    [Fact]
    public void Issue20_OneSpanReadAsTwoTypes_OnlyTheMostConfidentIsQueued()
    {
        const string Text = "Customer shall pay for the reserved capacity whether or not it uses it.";
        var takeOrPay = Clause("c1", ClauseTypes.TakeOrPay, Text, confidence: 0.9);
        var commitment = Clause("c2", ClauseTypes.MinimumCommitment, Text, confidence: 0.6);
        var elsewhere = Clause("c3", ClauseTypes.MinimumCommitment, Text, start: 500, confidence: 0.6);

        var shadowed = _flagger.Shadowed([commitment, takeOrPay, elsewhere]);

        Assert.Equal(new Dictionary<string, string> { ["c2"] = "c1" }, shadowed);
    }

    [Fact]
    public void Flag_ChipAccess_OnlySubjectToAvailability()
    {
        var guaranteed = _flagger.Flag(Clause("c1", ClauseTypes.ChipAccess, "x", fields: new ClauseFields { Access = "guaranteed" }));
        var maybe = _flagger.Flag(Clause("c2", ClauseTypes.ChipAccess, "x", fields: new ClauseFields { Access = "subject_to_availability" }));

        Assert.Null(guaranteed);
        Assert.Equal(Severity.Medium, maybe!.Severity);
    }

    [Fact]
    public void Flag_SeveralReasons_MostSevereFirst()
    {
        var flag = _flagger.Flag(Clause("c1", ClauseTypes.TakeOrPay, "x", confidence: 0.1, fields: new ClauseFields { Redacted = true }));

        Assert.Equal(Severity.High, flag!.Severity);
        Assert.Equal(["risk weight: take_or_pay", "amount redacted", "low confidence 0.10"], flag.Reasons);
    }

    [Fact]
    public void Flag_DealTerms_RedactedHighNonBindingMedium()
    {
        var redacted = _flagger.Flag(DealTerms.Empty with { TotalValue = new DealValue(null, null, true, true) });
        var ceiling = _flagger.Flag(DealTerms.Empty with { TotalValue = new DealValue(5m, "USD", false, false) });
        var plain = _flagger.Flag(DealTerms.Empty with { TotalValue = new DealValue(5m, "USD", true, false) });

        Assert.Equal(Severity.High, redacted!.Severity);
        Assert.Equal(Severity.Medium, ceiling!.Severity);
        Assert.Null(plain);
    }

    [Fact]
    public void CandidateTypes_IncludeChipAccessAndEveryWeightedType()
    {
        Assert.Contains(ClauseTypes.ChipAccess, _flagger.CandidateTypes);
        Assert.Contains(ClauseTypes.Backstop, _flagger.CandidateTypes);
        Assert.DoesNotContain(ClauseTypes.GoverningLaw, _flagger.CandidateTypes);
    }

    [Fact]
    public void Order_SeverityThenUndecidedFirst()
    {
        static ReviewQueueItem Q(string id, Severity severity, ReviewStatus status) => new ClauseReviewItem
        {
            Id = id, DocumentSha256 = "sha", Document = "doc", ClauseId = id, ClauseType = "t", Start = 0, End = 1, Quote = "q",
            Severity = severity, Reasons = [], Status = status,
        };

        var ordered = ReviewQueueOrder.Order([Q("a", Severity.Low, ReviewStatus.Open), Q("b", Severity.High, ReviewStatus.Accepted), Q("c", Severity.High, ReviewStatus.Open)]);

        Assert.Equal(["c", "b", "a"], ordered.Select(i => i.Id));
    }
}
