using DealLens.Core.Clauses.Rules;

namespace DealLens.Tests.Core;

public sealed class ListItemsTests
{
    [Fact]
    public void Of_ListedAlternatives_GivesEachItemWithTheLeadIn()
    {
        var items = ListItems.Of("Customer may terminate this Order (a) at any time on 30 days' notice, (b) if Provider fails to deliver the GPUs; or (c) on a change of control of Provider.");

        Assert.Equal(
            [
                "Customer may terminate this Order (a) at any time on 30 days' notice,",
                "Customer may terminate this Order (b) if Provider fails to deliver the GPUs",
                "Customer may terminate this Order (c) on a change of control of Provider.",
            ],
            items);
    }

    [Fact]
    public void Of_NumberInParentheses_IsNotAnItem()
    {
        Assert.Empty(ListItems.Of("Either party may terminate this Order on thirty (30) days' written notice."));
    }

    [Fact]
    public void Of_ItemThatOpensASubList_IsLeftOut()
    {
        var items = ListItems.Of("(a) The Provider may terminate this Order at any time (i) if the Customer fails to pay, or (ii) if the Customer becomes insolvent.");

        Assert.Equal(["(i) if the Customer fails to pay, or", "(ii) if the Customer becomes insolvent."], items);
    }

    [Fact]
    public void Of_LeadInStartsAfterItsLastSemicolon()
    {
        var items = ListItems.Of("The Term ends on the first anniversary; provided that (a) either party may terminate on notice, (b) the Fees are due.");

        Assert.Equal("provided that (a) either party may terminate on notice,", items[0]);
    }

    [Fact]
    public void Of_TextWithoutList_IsEmpty()
    {
        Assert.Empty(ListItems.Of("Either party may terminate this Order on written notice."));
    }

    [Theory]
    [InlineData("(a) (b) x", new[] { "(b) x" })]
    [InlineData("(", new string[0])]
    [InlineData("Capacity; (a)", new string[0])]
    public void Of_OddText_GivesWhatItCanWithoutThrowing(string text, string[] expected)
    {
        Assert.Equal(expected, ListItems.Of(text));
    }
}
