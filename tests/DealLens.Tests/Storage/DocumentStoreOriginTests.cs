using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

public class DocumentStoreOriginTests : StoreTests
{
    public DocumentStoreOriginTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected DocumentStoreOriginTests(StoreBackend backend)
        : base(backend, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))
    {
    }


    [StoreFact]
    public async Task Issue18_SaveAnalysis_OriginAndRolesRoundTrip()
    {
        const string text = "On May 1, 2026, Quarry Cloud Corp. (the “Company”) leased land from Redfield County.";
        var document = DocumentText.FromPages([text], DocumentFormat.Text);
        var filerStart = text.IndexOf("Quarry", StringComparison.Ordinal);
        var origin = new DocumentOrigin(
            DocumentKinds.CurrentReport,
            "Quarry Cloud Corp.",
            ["the Company", "we"],
            [new FieldEvidence(DocumentOrigin.FilerField, 1, filerStart, filerStart + 18, "Quarry Cloud Corp.")]);
        var roles = new List<PartyRole>
        {
            new("Quarry Cloud Corp.", PartyRoles.Tenant, null, 1, 0, text.Length, text),
            new("Redfield County", PartyRoles.Landlord, "Redfield State", 1, 0, text.Length, text),
        };
        var analysis = new DocumentAnalysis(
            "q.txt", "cc33", document, [], DealTerms.Empty with { Parties = ["Quarry Cloud Corp.", "Redfield County"], Roles = roles }, [], "rules")
        {
            Origin = origin,
        };
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);

        await Db.Documents.SaveAnalysisAsync(analysis, runId, CancellationToken.None);
        var loaded = await Db.Documents.LoadAnalysisAsync("cc33", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(origin.Kind, loaded.Origin.Kind);
        Assert.Equal(origin.Filer, loaded.Origin.Filer);
        Assert.Equal(origin.SelfReferences, loaded.Origin.SelfReferences);
        Assert.Equal(origin.Evidence, loaded.Origin.Evidence);
        Assert.Equal(roles, loaded.Deal.Roles);
    }

    [StoreFact]
    public async Task Issue18_SaveAnalysis_WithoutOrigin_LoadsUnknown()
    {
        var analysis = new DocumentAnalysis("x.txt", "dd44", DocumentText.FromPages(["plain"], DocumentFormat.Text), [], DealTerms.Empty, [], "rules");
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);

        await Db.Documents.SaveAnalysisAsync(analysis, runId, CancellationToken.None);
        var loaded = await Db.Documents.LoadAnalysisAsync("dd44", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(DocumentKinds.Other, loaded.Origin.Kind);
        Assert.Null(loaded.Origin.Filer);
        Assert.Empty(loaded.Deal.Roles);
    }
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class DocumentStoreOriginPostgreSqlTests() : DocumentStoreOriginTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
