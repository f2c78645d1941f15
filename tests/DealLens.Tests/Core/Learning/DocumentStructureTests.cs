using DealLens.Core.Clauses.Learning;
using DealLens.Core.Text;

namespace DealLens.Tests.Core.Learning;

public sealed class DocumentStructureTests
{
    // Invented contract text: a title, a definition list, a section whose title opens its block, a titled section
    // with several sentences, and an untitled numbered section.
    private const string Contract =
        "EXCLUSIVE SUPPLY AGREEMENT\n\n" +
        "This Exclusive Supply Agreement is made between Harbor Tools Ltd. (\"Seller\") and Quill Works Inc. (\"Buyer\").\n\n" +
        "1. Definitions\n" +
        "\"Annual Floor\" means the smallest number of units Buyer buys in each Contract Year.\n" +
        "\"Contract Year\" means each period of twelve months from the Effective Date.\n\n" +
        "2. Minimum Purchases\n" +
        "Buyer shall buy at least the Annual Floor. Any shortfall is paid in cash by Buyer to Seller.\n\n" +
        "3. Seller shall ship by sea. Buyer shall pay the freight to Seller.\n\n" +
        "4. Notices\n" +
        "Notices go to Seller in writing. Buyer shall copy Seller.\n";

    private static (DocumentStructure Structure, TextSpan[] Spans, List<TextWord> Words) Read(string text)
    {
        var structure = DocumentStructure.Read(text);
        return (structure, [.. structure.Spans], [.. structure.Words]);
    }

    private static string WordsOf(List<TextWord> words, (int Start, int End) range)
        => string.Join(' ', words.Skip(range.Start).Take(range.End - range.Start).Select(w => w.Text));

    private static int SpanHolding(string text, TextSpan[] spans, string fragment)
    {
        var at = text.IndexOf(fragment, StringComparison.Ordinal);
        return Array.FindIndex(spans, s => s.Start <= at && at < s.End);
    }

    [Fact]
    public void Read_SentenceAfterTheTitledFirstSentence_InheritsTheSectionTitle()
    {
        var (structure, spans, words) = Read(Contract);

        var first = SpanHolding(Contract, spans, "Buyer shall buy at least");
        var second = SpanHolding(Contract, spans, "Any shortfall");

        Assert.NotEqual(first, second);
        Assert.Equal("2 minimum purchases", WordsOf(words, structure.SectionTitles[first]));
        Assert.Equal("2 minimum purchases", WordsOf(words, structure.SectionTitles[second]));
    }

    [Fact]
    public void Read_UntitledTopLevelSection_EndsThePreviousTitle()
    {
        var (structure, spans, words) = Read(Contract);

        var untitled = SpanHolding(Contract, spans, "Buyer shall pay the freight");
        var notices = SpanHolding(Contract, spans, "Buyer shall copy Seller");

        Assert.Equal("", WordsOf(words, structure.SectionTitles[untitled]));
        Assert.Equal("4 notices", WordsOf(words, structure.SectionTitles[notices]));
    }

    [Fact]
    public void Read_TitleLine_IsTheDocumentTitle()
    {
        var (structure, _, words) = Read(Contract);

        Assert.Equal("exclusive supply agreement", WordsOf(words, structure.DocumentTitle));
    }

    [Fact]
    public void Read_NoTitleLine_TakesTheWordsOfThisAgreement()
    {
        const string text = "This Hosting Services Agreement (the \"Agreement\") is entered into by Nimbus LLC and Orchard Co. Nimbus shall host the site.";

        var (structure, _, words) = Read(text);

        Assert.Equal("hosting services agreement", WordsOf(words, structure.DocumentTitle));
    }

    [Fact]
    public void Read_SpanUsingADefinedTerm_GetsItsDefinition()
    {
        var (structure, spans, words) = Read(Contract);

        var uses = SpanHolding(Contract, spans, "Buyer shall buy at least");
        var definitions = structure.Definitions[uses].Select(d => WordsOf(words, d)).ToList();

        Assert.Contains(definitions, d => d.StartsWith("the smallest number of units", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TermInLowerCase_IsNotTheDefinedTerm()
    {
        const string text =
            "\"Annual Floor\" means the smallest number of units bought in a year.\n\n" +
            "The annual floor of the warehouse is swept. The Annual Floor is reviewed. Seller ships. Seller packs. Seller bills. Seller counts.";

        var (structure, spans, _) = Read(text);

        Assert.Empty(structure.Definitions[SpanHolding(text, spans, "annual floor of the warehouse")]);
        Assert.Single(structure.Definitions[SpanHolding(text, spans, "The Annual Floor is reviewed")]);
    }

    [Fact]
    public void Read_InlineDefinition_IsTheTextBeforeTheParenthesis()
    {
        const string text =
            "Buyer shall pay a fee for each unit shipped to the warehouse (the \"Handling Fee\"). " +
            "The Handling Fee is invoiced monthly. Seller ships. Seller packs. Seller bills. Seller counts. Seller stores.";

        var (structure, spans, words) = Read(text);

        var uses = SpanHolding(text, spans, "The Handling Fee is invoiced");
        Assert.Equal(
            "buyer shall pay a fee for each unit shipped to the warehouse",
            WordsOf(words, Assert.Single(structure.Definitions[uses])));
    }

    [Fact]
    public void Read_TermInMostSpans_IsLeftOut()
    {
        // "Seller" is defined inline and used in nearly every span: like a party name, it says nothing of one span.
        var (structure, spans, _) = Read(Contract);

        var uses = SpanHolding(Contract, spans, "Notices go to Seller");

        Assert.Empty(structure.Definitions[uses]);
    }
}
