using DealLens.Core;
using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Deals;

/// <summary>
/// Issue 18: the learned deal-side reader (<see cref="PartyRoleModel"/>). Every wording here is our own and names
/// invented companies, so nothing here is a document the bundled counts were trained on.
/// </summary>
public sealed class PartyRoleModelTests
{
    private static DocumentText Doc(string text) => DocumentText.FromPages([text], DocumentFormat.Text);

    private static DealTerms Terms(string text, PartyRoleModel? model)
        => new DealTermsExtractor(DealTermsOptions.Default with { PartySides = model }).Extract(Doc(text)).Terms;

    private static string Argmax(double[] scores)
        => scores[0] >= scores[1] && scores[0] >= scores[2] ? PartyRoleModel.Provider : scores[1] >= scores[2] ? PartyRoleModel.Customer : PartyRoleModel.Other;

    [Fact]
    public void Issue18_Extract_SubsequentEventNote_BundledModelReadsBuyerTheRulesLeaveOpen()
    {
        const string text = "Subsequent Events\n\nIn October 2026 we signed an order with Quarrystone Robotics Ltd. Quarrystone Robotics Ltd. "
            + "committed to buy reserved accelerator capacity from us for three years, and the first tranche goes live in the spring.";

        var rulesOnly = Terms(text, model: null);
        var withModel = Terms(text, PartyRoleModel.Default);

        Assert.Null(rulesOnly.Customer);
        Assert.Equal("Quarrystone Robotics Ltd.", withModel.Customer);
    }

    [Fact]
    public void Issue18_Extract_GuaranteeWithBeneficiary_GuarantorNeverGetsADealSide()
    {
        var terms = Terms(
            "GUARANTY\n\nThis Guaranty is made as of June 1, 2026 by ORLEANS CLOUD HOLDINGS INC., a Delaware corporation (\"Guarantor\"), in favor of "
            + "Pemberly Data Parks LLC, a Texas limited liability company (\"Beneficiary\"). Guarantor guarantees the payment of rent by "
            + "Fennick AI Corp. under its lease of the Pemberly campus, up to $400,000,000.",
            PartyRoleModel.Default);

        Assert.NotEqual("ORLEANS CLOUD HOLDINGS INC.", terms.Provider);
        Assert.NotEqual("ORLEANS CLOUD HOLDINGS INC.", terms.Customer);
        Assert.Contains(terms.Roles, r => r.Name == "ORLEANS CLOUD HOLDINGS INC." && r.Role == PartyRoles.Guarantor);
    }

    [Fact]
    public void Issue18_Score_ModelTrainedOnOwnReleases_ReadsSidesOfCompaniesItNeverSaw()
    {
        var model = new PartyRoleModel();
        (string Text, string Provider, string Customer)[] training =
        [
            ("Ardent Grid Inc. (NYSE: ARDG) today announced a contract with Bellwood Labs Corp. Ardent Grid Inc. will deliver 40 MW of hosted capacity to Bellwood Labs Corp., and Bellwood Labs Corp. will pay a monthly fee.",
                "Ardent Grid Inc.", "Bellwood Labs Corp."),
            ("Corvid Systems Ltd (LSE: CVD) today announced a contract with Dunmore Analytics, Inc. Corvid Systems Ltd will deliver GPU servers to Dunmore Analytics, Inc., and Dunmore Analytics, Inc. will pay in quarterly instalments.",
                "Corvid Systems Ltd", "Dunmore Analytics, Inc."),
            ("Elmstead Power Corp. (Nasdaq: ELMP) today announced a contract with Farrow Robotics LLC. Elmstead Power Corp. will deliver rack space to Farrow Robotics LLC, and Farrow Robotics LLC will pay rent each month.",
                "Elmstead Power Corp.", "Farrow Robotics LLC"),
        ];
        foreach (var (text, provider, customer) in training)
        {
            foreach (var (features, label) in PartyRoleTraining.Examples(Doc(text), provider, customer))
            {
                model.Add(features, label);
            }
        }

        var unseen = PartyRoleTraining.Examples(
            Doc("Galloway Compute Inc. (NYSE: GLWY) today announced a contract with Hartwell Vision Corp. Hartwell Vision Corp. will pay a fixed monthly fee, and Galloway Compute Inc. will deliver 12,000 GPUs to Hartwell Vision Corp."),
            "Galloway Compute Inc.", "Hartwell Vision Corp.");

        Assert.True(model.ExampleCount >= 6, $"trained on {model.ExampleCount} parties");
        Assert.Equal(2, unseen.Count(e => e.Label != PartyRoleModel.Other));
        Assert.All(unseen.Where(e => e.Label != PartyRoleModel.Other), e => Assert.Equal(e.Label, Argmax(model.Score(e.Features))));
    }

    [Fact]
    public void Issue18_WriteThenRead_CountsGiveTheSameScores()
    {
        var model = new PartyRoleModel();
        model.Add(["n1:will", "a:deliver", "filer"], PartyRoleModel.Provider);
        model.Add(["n1:will", "a:pay"], PartyRoleModel.Customer);
        model.Add(["p1:as", "a:agent"], PartyRoleModel.Other);
        using var written = new StringWriter();
        model.Write(written);

        var read = new PartyRoleModel();
        read.Read(new StringReader(written.ToString()), "counts.tsv");

        string[] probe = ["a:pay", "n1:will", "unseen"];
        Assert.Equal(model.ExampleCount, read.ExampleCount);
        Assert.Equal(model.Score(probe), read.Score(probe));
        Assert.Equal(PartyRoleModel.Customer, Argmax(read.Score(probe)));
    }

    [Fact]
    public void Issue18_Read_LineWithoutThreeCounts_ThrowsNamingSourceAndLine()
    {
        var model = new PartyRoleModel();

        var error = Assert.Throws<DealLensException>(() => model.Read(new StringReader("#examples\t1\t1\t1\na:pay\t2\tmany\t0\n"), "counts.tsv"));

        Assert.Contains("counts.tsv: line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue18_Default_BundledCounts_AreLoaded()
    {
        Assert.True(PartyRoleModel.Default.ExampleCount >= 100, $"bundled model holds {PartyRoleModel.Default.ExampleCount} parties");
    }
}
