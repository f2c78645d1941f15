using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core;

public sealed class DealTermsExtractorTests
{
    private const string Msa =
        "MASTER SERVICES AGREEMENT\n\n" +
        "This Master Services Agreement (the \"Agreement\") is entered into as of March 7, 2025 (the \"Effective Date\") " +
        "by and between CoreWeave, Inc., a Delaware corporation (\"Provider\"), and OpenAI OpCo, LLC (\"Customer\").\n\n" +
        "1. Term. The Initial Term of this Agreement shall commence on the Effective Date and continue for five (5) years.\n\n" +
        "2. Fees. The total contract value of this Agreement is $11.9 billion. Customer shall prepay 25% of the first year's fees.\n\n" +
        "3. Capacity. Provider shall deliver approximately 100,000 GPUs, including NVIDIA GB200 and H100 systems, across 1.2 GW of data centre capacity.\n\n" +
        "4. Liability. Provider's aggregate liability shall not exceed $50 billion.";

    private static DealTermsResult Extract(string text) => DealTermsExtractor.Default.Extract(DocumentText.FromPages([text], DocumentFormat.Text));

    private static DealTerms Terms(string text) => Extract(text).Terms;

    [Fact]
    public void Extract_MsaPreamble_ReadsPartiesAndRoles()
    {
        var terms = Terms(Msa);
        Assert.Equal(["CoreWeave, Inc.", "OpenAI OpCo, LLC"], terms.Parties);
        Assert.Equal("CoreWeave, Inc.", terms.Provider);
        Assert.Equal("OpenAI OpCo, LLC", terms.Customer);
    }

    [Fact]
    public void Extract_Msa_ReadsHeadlineValueNotLiabilityCap()
    {
        Assert.Equal(new DealValue(11_900_000_000m, "USD", true, false), Terms(Msa).TotalValue);
    }

    [Fact]
    public void Extract_Msa_ReadsTermAndEffectiveDate()
    {
        var terms = Terms(Msa);
        Assert.Equal(60, terms.TermMonths);
        Assert.Equal(new DateOnly(2025, 3, 7), terms.EffectiveDate);
    }

    [Fact]
    public void Extract_Msa_ReadsCapacityGpusChipsPrepayment()
    {
        var terms = Terms(Msa);
        Assert.Equal(1200m, terms.CapacityMw);
        Assert.Equal(100_000L, terms.GpuCount);
        Assert.Equal(["GB200", "H100"], terms.Chips);
        Assert.Equal(25m, terms.PrepaymentPct);
    }

    [Fact]
    public void Extract_Msa_EveryEvidenceIsVerbatim()
    {
        var document = DocumentText.FromPages([Msa[..400], Msa[400..]], DocumentFormat.Pdf);
        var terms = DealTermsExtractor.Default.Extract(document).Terms;
        Assert.NotEmpty(terms.Evidence);
        Assert.All(terms.Evidence, e => Assert.Equal(document.Text[e.Start..e.End], e.Text));
        Assert.All(terms.Evidence, e => Assert.Equal(document.PageAt(e.Start), e.Page));
        Assert.Contains(terms.Evidence, e => e.Page == 2);
    }

    [Fact]
    public void Extract_Msa_EvidenceCoversEachField()
    {
        var fields = Terms(Msa).Evidence.Select(e => e.Field).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                DealTermFields.Parties, DealTermFields.Provider, DealTermFields.Customer, DealTermFields.TotalValue,
                DealTermFields.TermMonths, DealTermFields.EffectiveDate, DealTermFields.CapacityMw, DealTermFields.GpuCount,
                DealTermFields.Chips, DealTermFields.PrepaymentPct,
            },
            fields);
    }

    [Fact]
    public void Extract_Msa_ValueEvidenceQuotesKeywordAndAmount()
    {
        var evidence = Assert.Single(Terms(Msa).Evidence, e => e.Field == DealTermFields.TotalValue);
        Assert.Equal("total contract value of this Agreement is $11.9 billion", evidence.Text);
    }

    [Fact]
    public void Extract_EightK_ReadsAnnouncingParties()
    {
        var terms = Terms("On March 10, 2025, CoreWeave, Inc. and OpenAI announced a strategic agreement valued at up to $11.9 billion.");
        Assert.Equal(["CoreWeave, Inc.", "OpenAI"], terms.Parties);
        Assert.Null(terms.Provider);
    }

    [Fact]
    public void Extract_EightKEnteredInto_ReadsPartiesAndDate()
    {
        var terms = Terms(
            "Item 1.01 Entry into a Material Definitive Agreement.\n\nOn March 10, 2025, CoreWeave, Inc. (the \u201cCompany\u201d) entered into " +
            "a Master Services Agreement (the \u201cMSA\u201d) with OpenAI OpCo, LLC (\u201cOpenAI\u201d).");
        Assert.Equal(["CoreWeave, Inc.", "OpenAI OpCo, LLC"], terms.Parties);
        Assert.Equal(new DateOnly(2025, 3, 10), terms.EffectiveDate);
    }

    [Fact]
    public void Extract_LeadingFillerWord_IsNotPartOfName()
    {
        var terms = Terms("Today Nebius Group N.V. and Microsoft Corporation announced a five-year agreement.");
        Assert.Equal(["Nebius Group N.V.", "Microsoft Corporation"], terms.Parties);
    }

    [Fact]
    public void Extract_AmongThreeParties_ReadsAll()
    {
        var terms = Terms(
            "This Agreement is made by and among Crusoe Energy Systems LLC (\"Provider\"), Blue Owl Capital Inc. (\"Investor\") " +
            "and Oracle America, Inc. (\"Customer\").");
        Assert.Equal(["Crusoe Energy Systems LLC", "Blue Owl Capital Inc.", "Oracle America, Inc."], terms.Parties);
        Assert.Equal("Crusoe Energy Systems LLC", terms.Provider);
        Assert.Equal("Oracle America, Inc.", terms.Customer);
    }

    [Fact]
    public void Extract_BetweenDefinedRoleWords_NotParties()
    {
        Assert.Empty(Terms("Disputes between Provider and Customer go to arbitration.").Parties);
    }

    [Fact]
    public void Extract_PlainBetween_ReadsParties()
    {
        var terms = Terms("This Lease is made between Digital Realty Trust, L.P. and Oracle America, Inc. for the premises.");
        Assert.Equal(["Digital Realty Trust, L.P.", "Oracle America, Inc."], terms.Parties);
    }

    [Fact]
    public void Extract_LessorLessee_MapsRoles()
    {
        var terms = Terms("This Lease is entered into between Applied Digital Corporation (\"Lessor\") and CoreWeave, Inc. (\"Lessee\").");
        Assert.Equal("Applied Digital Corporation", terms.Provider);
        Assert.Equal("CoreWeave, Inc.", terms.Customer);
    }

    [Fact]
    public void Extract_NicknameTerms_NoRoles()
    {
        var terms = Terms("This Agreement is entered into between Nebius B.V. (\"Nebius\") and Microsoft Corporation (\"Microsoft\").");
        Assert.Equal(["Nebius B.V.", "Microsoft Corporation"], terms.Parties);
        Assert.Null(terms.Provider);
        Assert.Null(terms.Customer);
    }

    [Theory]
    [InlineData("The agreement is valued at up to $10 billion.")]
    [InlineData("The agreement has a potential value of $10 billion.")]
    [InlineData("This non-binding letter of intent contemplates a total contract value of $10 billion.")]
    [InlineData("The total contract value of $10 billion is subject to the execution of a definitive agreement.")]
    [InlineData("Warrants worth $10 billion vest upon achievement of deployment milestones.")]
    [InlineData("OpenAI could spend as much as $10 billion, in total, on the capacity.")]
    public void Extract_QualifiedValue_NotBinding(string text)
    {
        var value = Terms(text).TotalValue;
        Assert.NotNull(value);
        Assert.Equal(10_000_000_000m, value.Amount);
        Assert.False(value.Binding);
    }

    [Fact]
    public void Extract_LetterOfIntentTitle_NotBinding()
    {
        var value = Terms("LETTER OF INTENT\n\nThe total contract value is $2 billion.").TotalValue;
        Assert.False(value!.Binding);
    }

    [Theory]
    [InlineData("The total contract value is $[***].")]
    [InlineData("The total contract value is $[*].")]
    [InlineData("The total contract value is [Redacted].")]
    [InlineData("The total contract value is $[ ].")]
    [InlineData("The total contract value is [***] million.")]
    public void Extract_RedactedValue_RedactedWithoutAmount(string text)
    {
        var value = Terms(text).TotalValue;
        Assert.NotNull(value);
        Assert.True(value.Redacted);
        Assert.Null(value.Amount);
    }

    [Fact]
    public void Extract_UnreadableValue_NullWithWarning()
    {
        var result = Extract("The total contract value is $999999999999999999999 trillion.");
        Assert.Null(result.Terms.TotalValue);
        Assert.Contains(result.Warnings, w => w.Contains("total_value", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_EuroValue_KeepsCurrency()
    {
        Assert.Equal(new DealValue(2_500_000_000m, "EUR", true, false), Terms("The deal is worth €2.5bn over the term.").TotalValue);
    }

    [Fact]
    public void Extract_SterlingCommitment_Reads()
    {
        Assert.Equal(new DealValue(10_000_000m, "GBP", true, false), Terms("Customer makes a commitment of £10 million.").TotalValue);
    }

    [Fact]
    public void Extract_StrongKeywordBeatsLargerWeakOne()
    {
        var value = Terms("The total contract value is $[***]. Customer may receive credits of up to $5 billion.").TotalValue;
        Assert.True(value!.Redacted);
    }

    [Fact]
    public void Extract_LargestAmongHeadlineMentions()
    {
        var value = Terms("The aggregate commitment is $1.2B in year one. The total commitment is $4 billion.").TotalValue;
        Assert.Equal(4_000_000_000m, value!.Amount);
    }

    [Fact]
    public void Extract_MoneyWithoutValueWords_NoValue()
    {
        Assert.Null(Terms("Invoices above $10,000 require approval.").TotalValue);
    }

    [Theory]
    [InlineData("The Term of this Agreement is 60 months.", 60)]
    [InlineData("This is a five-year term agreement.", 60)]
    [InlineData("The parties agree to a 3-year contract.", 36)]
    [InlineData("The Initial Term shall be for a period of twenty-four (24) months.", 24)]
    public void Extract_TermPhrases_Months(string text, int months)
    {
        Assert.Equal(months, Terms(text).TermMonths);
    }

    [Fact]
    public void Extract_RenewalTermOnly_NoInitialTerm()
    {
        Assert.Null(Terms("The Agreement renews for successive renewal terms of one (1) year.").TermMonths);
    }

    [Fact]
    public void Extract_ThroughDate_DerivesTermFromEffectiveDate()
    {
        var terms = Terms("This Agreement is effective as of January 1, 2026. The Term continues through December 31, 2030.");
        Assert.Equal(new DateOnly(2026, 1, 1), terms.EffectiveDate);
        Assert.Equal(new DateOnly(2030, 12, 31), terms.EndDate);
        Assert.Equal(60, terms.TermMonths);
    }

    [Theory]
    [InlineData("effective as of March 7, 2025")]
    [InlineData("effective as of 7 March 2025")]
    [InlineData("effective as of 2025-03-07")]
    [InlineData("effective as of 3/7/2025")]
    [InlineData("\"Effective Date\" means March 7, 2025.")]
    [InlineData("dated as of the 7th day of March, 2025")]
    public void Extract_EffectiveDateFormats_Read(string text)
    {
        Assert.Equal(new DateOnly(2025, 3, 7), Terms(text).EffectiveDate);
    }

    [Fact]
    public void Extract_ImpossibleDate_Ignored()
    {
        Assert.Null(Terms("effective as of February 30, 2025").EffectiveDate);
    }

    [Theory]
    [InlineData("The campus will provide 300 megawatts of critical IT load.", 300)]
    [InlineData("up to 1.2 GW of capacity", 1200)]
    [InlineData("two gigawatts of power", 2000)]
    [InlineData("a 250MW facility", 250)]
    public void Extract_Capacity_Megawatts(string text, int megawatts)
    {
        Assert.Equal(megawatts, Terms(text).CapacityMw);
    }

    [Fact]
    public void Extract_EnergyNotPower_NotCapacity()
    {
        Assert.Null(Terms("The site consumed 500 MWh last year.").CapacityMw);
    }

    [Theory]
    [InlineData("approximately 100,000 GPUs", 100_000)]
    [InlineData("50,000 NVIDIA GB200 GPUs", 50_000)]
    [InlineData("up to 400,000 accelerators", 400_000)]
    [InlineData("access to up to one million TPUs", 1_000_000)]
    [InlineData("100k GPUs", 100_000)]
    [InlineData("Phase 2 10,000 GPUs", 10_000)]
    public void Extract_GpuCount_Reads(string text, long count)
    {
        Assert.Equal(count, Terms(text).GpuCount);
    }

    [Fact]
    public void Extract_YearBeforeGpuWord_NotCount()
    {
        Assert.Null(Terms("Deliveries start in 2026 NVIDIA GPUs permitting.").GpuCount);
    }

    [Theory]
    [InlineData("Customer shall prepay 25% of the annual fees.", 25)]
    [InlineData("a prepayment equal to twenty percent (20%) of the Fees", 20)]
    [InlineData("Customer pays a 15% prepayment on signing.", 15)]
    public void Extract_Prepayment_Percent(string text, int percent)
    {
        Assert.Equal(percent, Terms(text).PrepaymentPct);
    }

    [Fact]
    public void Extract_EmptyDocument_EmptyTerms()
    {
        var result = Extract(string.Empty);
        Assert.Empty(result.Terms.Parties);
        Assert.Null(result.Terms.TotalValue);
        Assert.Empty(result.Terms.Evidence);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Extract_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DealTermsExtractor.Default.Extract(null!));
    }

    [Fact]
    public void Extract_ParameterlessConstructor_UsesDefaults()
    {
        var terms = new DealTermsExtractor().Extract(DocumentText.FromPages([Msa], DocumentFormat.Text)).Terms;
        Assert.Equal(60, terms.TermMonths);
    }

    [Fact]
    public void Extract_PartyWindowOption_LimitsSearch()
    {
        var extractor = new DealTermsExtractor(new DealTermsOptions { PartyWindow = 20 });
        Assert.Empty(extractor.Extract(DocumentText.FromPages([Msa], DocumentFormat.Text)).Terms.Parties);
    }

    // Long repetitive text that would make a backtracking pattern quadratic or worse: every field must still be
    // scanned to the end (a timeout would show up as a warning).
    [Theory]
    [InlineData("Capitalised Word ")]
    [InlineData("Word, Inc. ")]
    [InlineData("between Alpha ")]
    [InlineData("On March 1, 2025, Acme Inc. ")]
    [InlineData("term of the ")]
    [InlineData("1 2 3 GPUs ")]
    [InlineData("prepay 1.1.1 ")]
    [InlineData("$1 [*** ")]
    [InlineData("twenty-one twenty ")]
    public void Extract_LongRepetitiveText_NoTimeouts(string unit)
    {
        Extract(Msa); // Pays the one-off JIT cost of the compiled patterns outside the measured document.
        var text = string.Concat(Enumerable.Repeat(unit, 40_000 / unit.Length));
        Assert.DoesNotContain(Extract(text).Warnings, w => w.Contains("too long", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadQuoted_ValueInSeveralDocuments_JudgesEachAgainstItsOwnSentences()
    {
        // The two documents differ only in the word that makes the sentence around the amount non-binding; the quote
        // itself is the same. Each document's sentences are looked up for it alone, however often and in whatever order.
        var firm = DocumentText.FromPages(["1. Fees. Customer shall pay firm fees of $100 million to Provider over the Term."], DocumentFormat.Text);
        var maybe = DocumentText.FromPages(["1. Fees. Customer shall pay potential fees of $100 million to Provider over the Term."], DocumentFormat.Text);
        for (var round = 0; round < 2; round++)
        {
            foreach (var (document, binding) in new[] { (firm, true), (maybe, false) })
            {
                var start = document.Text.IndexOf("$100 million", StringComparison.Ordinal);
                var read = DealTermsExtractor.Default.ReadQuoted(document, DealTermFields.TotalValue, start, start + "$100 million to Provider".Length);
                Assert.NotNull(read);
                Assert.Equal(new DealValue(100_000_000m, "USD", binding, false), read.TotalValue);
                var evidence = Assert.Single(read.Evidence);
                Assert.Equal("$100 million", document.Text[evidence.Start..evidence.End]);
            }
        }
    }
}
