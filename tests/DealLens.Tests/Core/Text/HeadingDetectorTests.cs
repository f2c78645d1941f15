using DealLens.Core.Text;

namespace DealLens.Tests.Core.Text;

public sealed class HeadingDetectorTests
{
    [Theory]
    [InlineData("1. Backstop.")]
    [InlineData("ARTICLE IV MINIMUM PURCHASE COMMITMENT")]
    [InlineData("TERMINATION FEE SCHEDULE")]
    [InlineData("Section 5 — Up-Front Payment, Deposit and Promotion Fees")]
    [InlineData("(e) No Minimum Purchase Obligation; Minimum Order Quantities.")]
    [InlineData("9\n2.3 Non-Competition; Non-Solicitation.")]
    [InlineData("ARTICLE 8 FINANCIAL TERMS\n8.1 Upfront Payment.")]
    [InlineData("Limitation of Liability")]
    [InlineData("Exclusivity")]
    public void IsHeading_TitleOrNumberedHeading_True(string text) => Assert.True(HeadingDetector.IsHeading(text));

    [Theory]
    [InlineData("Customer shall pay the Monthly Reserved Capacity Fee whether or not it uses the capacity.")]
    [InlineData("1. Backstop. Provider agrees to purchase any unsold capacity at the contract price.")]
    [InlineData("The Minimum Purchase Commitment Is Binding.")]
    [InlineData("Either Party may terminate this agreement for non-cause with a sixty (60) day written notice.")]
    [InlineData("a minimum charge of $47.00 per load")]
    [InlineData("ARTICLE 5 MINIMUM PURCHASE\n5.1 Customer shall purchase at least 1,000 units per quarter.")]
    [InlineData("Fees, Charges, Taxes, Duties, Levies, Shipping, Handling, Insurance, Storage, Export, Import and Other Costs Of Every Kind")]
    [InlineData("")]
    public void IsHeading_SentenceOrObligation_False(string text) => Assert.False(HeadingDetector.IsHeading(text));

    [Fact]
    public void Issue20_TitleEndingInQuestion_IsNotAHeading()
        => Assert.False(HeadingDetector.IsHeadingLine("Who Pays For Unused Capacity?"));
}
