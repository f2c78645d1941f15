using System.Text.Json;
using Dapper;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Storage;
using Microsoft.Data.Sqlite;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

public class DocumentStoreTests : StoreTests
{
    private static readonly DateTimeOffset s_start = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private static readonly JsonSerializerOptions s_compareOptions = new() { WriteIndented = true };

    public DocumentStoreTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected DocumentStoreTests(StoreBackend backend)
        : base(backend, s_start)
    {
    }
    

    [StoreFact]
    public async Task SaveAnalysis_ThenLoad_ReturnsEqualAnalysis()
    {
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);
        var analysis = SampleAnalysis("aa11");

        await Db.Documents.SaveAnalysisAsync(analysis, runId, CancellationToken.None);
        var loaded = await Db.Documents.LoadAnalysisAsync("aa11", CancellationToken.None);

        Assert.NotNull(loaded);
        AssertSameJson(analysis, loaded);
        Assert.Equal(11900000000m, loaded.Deal.TotalValue!.Amount);
        Assert.Equal(new DateOnly(2025, 3, 1), loaded.Deal.EffectiveDate);
        Assert.Equal(["H100", "GB200"], loaded.Deal.Chips);
        Assert.Equal(["H100", "GB200"], loaded.Clauses[1].Fields.Chips!);
        Assert.True(loaded.Clauses[2].Fields.IsEmpty);
    }

    [StoreFact]
    public async Task SaveAnalysis_RedactedValueAndFractionalDecimals_RoundTripExactly()
    {
        // Decimals are REAL since schema 10: exact for the digits a deal states (see Schema/0010_numeric_amounts.sql);
        // trailing zeros of the written form (12.50) are not kept, the value is.
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);
        var analysis = SampleAnalysis("bb22") with
        {
            Deal = SampleAnalysis("bb22").Deal with
            {
                TotalValue = new DealValue(null, null, Binding: false, Redacted: true),
                CapacityMw = 1234.567891m,
                PrepaymentPct = 12.5m,
                Parties = [],
                EndDate = null,
            },
        };

        await Db.Documents.SaveAnalysisAsync(analysis, runId, CancellationToken.None);
        var loaded = await Db.Documents.LoadAnalysisAsync("bb22", CancellationToken.None);

        Assert.NotNull(loaded);
        AssertSameJson(analysis, loaded);
        Assert.Equal(new DealValue(null, null, false, true), loaded.Deal.TotalValue);
        Assert.Equal("1234.567891", loaded.Deal.CapacityMw!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public async Task SaveAnalysis_EmptyDeal_LoadsEmptyDeal()
    {
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);
        var analysis = SampleAnalysis("cc33") with { Deal = DealTerms.Empty, Clauses = [] };

        await Db.Documents.SaveAnalysisAsync(analysis, runId, CancellationToken.None);
        var loaded = await Db.Documents.LoadAnalysisAsync("cc33", CancellationToken.None);

        AssertSameJson(analysis, loaded);
    }

    [StoreFact]
    public async Task SaveAnalysis_StoresColumnsAsDocumented()
    {
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);

        await Db.Documents.SaveAnalysisAsync(SampleAnalysis("aa11"), runId, CancellationToken.None);

        var sqlite = Db.Database.Dialect is DealLens.Storage.SqliteDialect;
        var deal = await Db.Connection.QuerySingleAsync<(double Amount, string AmountType, long Binding, string EffectiveDate, string ChipsJson)>(
            $"SELECT Amount, {(sqlite ? "typeof(Amount)" : "pg_typeof(Amount)::text")}, Binding, EffectiveDate, ChipsJson FROM DealTerms");
        Assert.Equal((11900000000d, sqlite ? "real" : "double precision", 1L, "2025-03-01", """["H100","GB200"]"""), deal);
        var fields = await Db.Connection.QueryAsync<string>("SELECT FieldsJson FROM Clauses ORDER BY Start");
        Assert.Equal(
            ["""{"amount":11900000000,"currency":"USD","period":"total"}""", """{"access":"guaranteed","chips":["H100","GB200"]}""", "{}"],
            fields);
        var roles = await Db.Connection.QueryAsync<(string Name, string? Role)>("SELECT Name, Role FROM Parties ORDER BY Position");
        Assert.Equal([("CoreWeave, Inc.", "provider"), ("OpenAI OpCo, LLC", "customer"), ("NVIDIA Corporation", null)], roles);
        Assert.Equal("2025-01-02T03:04:05.6780000+00:00", await Db.Connection.ExecuteScalarAsync<string>("SELECT AnalyzedAt FROM Documents"));
    }

    [StoreFact]
    public async Task SaveAnalysis_SameShaTwice_ReplacesDocument()
    {
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);
        await Db.Documents.SaveAnalysisAsync(SampleAnalysis("aa11"), runId, CancellationToken.None);
        Db.Time.Advance(TimeSpan.FromHours(1));
        var second = SampleAnalysis("aa11") with { SourcePath = "renamed.pdf", Clauses = SampleAnalysis("aa11").Clauses.Take(1).ToList() };

        await Db.Documents.SaveAnalysisAsync(second, runId, CancellationToken.None);

        Assert.Equal(1, await Db.Documents.CountDocumentsAsync(CancellationToken.None));
        var stored = await Db.Documents.FindDocumentAsync("aa11", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("renamed.pdf", stored.SourcePath);
        Assert.Equal(s_start.AddHours(1), stored.AnalyzedAt);
        Assert.Equal(2, stored.PageCount);
        AssertSameJson(second, await Db.Documents.LoadAnalysisAsync("aa11", CancellationToken.None));
        // The cascade removed the first version's children.
        Assert.Equal(1, await Db.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM Clauses"));
        Assert.Equal(2, await Db.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM Pages"));
        Assert.Equal(3, await Db.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM Parties"));
        Assert.Equal(1, await Db.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM DealTerms"));
    }

    [StoreFact]
    public async Task SaveAnalysis_DuplicateClauseId_RollsBackAndKeepsStoredDocuments()
    {
        // Arrange
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);
        var other = SampleAnalysis("aa11");
        var original = SampleAnalysis("bb22") with { SourcePath = "b.pdf" };
        await Db.Documents.SaveAnalysisAsync(other, runId, CancellationToken.None);
        await Db.Documents.SaveAnalysisAsync(original, runId, CancellationToken.None);
        var clause = original.Clauses[0];
        var broken = original with { SourcePath = "broken.pdf", Clauses = [clause, clause with { Type = ClauseTypes.TakeOrPay }] };
        Db.Time.Advance(TimeSpan.FromDays(1));

        // Act
        var ex = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Db.Documents.SaveAnalysisAsync(broken, runId, CancellationToken.None));

        // Assert
        Assert.True(Db.Database.Dialect.IsUniqueViolation(ex), ex.Message);
        Assert.Equal(2, await Db.Documents.CountDocumentsAsync(CancellationToken.None));
        AssertSameJson(original, await Db.Documents.LoadAnalysisAsync("bb22", CancellationToken.None));
        AssertSameJson(other, await Db.Documents.LoadAnalysisAsync("aa11", CancellationToken.None));
        Assert.Equal(s_start, (await Db.Documents.FindDocumentAsync("bb22", CancellationToken.None))!.AnalyzedAt);
    }

    [StoreFact]
    public async Task SaveAnalysis_Cancelled_StoresNothing()
    {
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Db.Documents.SaveAnalysisAsync(SampleAnalysis("aa11"), runId, cts.Token));

        Assert.Equal(0, await Db.Documents.CountDocumentsAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task LoadAnalysis_UnknownSha_ReturnsNull()
    {
        Assert.Null(await Db.Documents.LoadAnalysisAsync("ffff", CancellationToken.None));
        Assert.Null(await Db.Documents.FindDocumentAsync("ffff", CancellationToken.None));
    }

    [StoreFact]
    public async Task Runs_StartRecordFinish_RoundTrip()
    {
        // Arrange
        var runId = await Db.Documents.StartRunAsync("analyze samples/*.pdf", CancellationToken.None);
        var running = await Db.Documents.LoadRunAsync(runId, CancellationToken.None);
        Db.Time.Advance(TimeSpan.FromSeconds(90));

        // Act
        await Db.Documents.RecordRunDocumentAsync(runId, new RunDocument("a.pdf", "aa11", DocumentStatus.Analyzed, null), CancellationToken.None);
        await Db.Documents.RecordRunDocumentAsync(runId, new RunDocument("b.pdf", "bb22", DocumentStatus.Unchanged, null), CancellationToken.None);
        await Db.Documents.RecordRunDocumentAsync(runId, new RunDocument("c.pdf", null, DocumentStatus.Failed, "c.pdf: not a PDF"), CancellationToken.None);
        await Db.Documents.FinishRunAsync(runId, new RunSummary(1, 1, 1, "completed"), CancellationToken.None);
        var finished = await Db.Documents.LoadRunAsync(runId, CancellationToken.None);

        // Assert
        Assert.NotNull(running);
        Assert.Equal(DocumentStore.RunningStatus, running.Status);
        Assert.Null(running.FinishedAt);
        Assert.Equal(s_start, running.StartedAt);
        Assert.NotNull(finished);
        Assert.Equal(runId, finished.Id);
        Assert.Equal("analyze samples/*.pdf", finished.Command);
        Assert.Equal(s_start, finished.StartedAt);
        Assert.Equal(s_start.AddSeconds(90), finished.FinishedAt);
        Assert.Equal(("completed", 1, 1, 1), (finished.Status, finished.Analyzed, finished.Unchanged, finished.Failed));
        Assert.Equal(
            [
                new RunDocument("a.pdf", "aa11", DocumentStatus.Analyzed, null),
                new RunDocument("b.pdf", "bb22", DocumentStatus.Unchanged, null),
                new RunDocument("c.pdf", null, DocumentStatus.Failed, "c.pdf: not a PDF"),
            ],
            finished.Documents);
    }

    [StoreFact]
    public async Task FinishRun_UnknownRun_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Db.Documents.FinishRunAsync(42, new RunSummary(0, 0, 0, "completed"), CancellationToken.None));
        Assert.Null(await Db.Documents.LoadRunAsync(42, CancellationToken.None));
    }

    [StoreFact]
    public async Task CountClausesByType_CountsAcrossDocuments()
    {
        var runId = await Db.Documents.StartRunAsync("analyze", CancellationToken.None);
        await Db.Documents.SaveAnalysisAsync(SampleAnalysis("aa11"), runId, CancellationToken.None);
        // Another file: the same path with new content would supersede the first (issue 20).
        await Db.Documents.SaveAnalysisAsync(SampleAnalysis("bb22") with { SourcePath = "b.pdf" }, runId, CancellationToken.None);

        var counts = await Db.Documents.CountClausesByTypeAsync(CancellationToken.None);

        Assert.Equal(
            [
                new ClauseTypeCount(ClauseTypes.ChipAccess, 2),
                new ClauseTypeCount(ClauseTypes.GoverningLaw, 2),
                new ClauseTypeCount(ClauseTypes.MinimumCommitment, 2),
            ],
            counts);
        Assert.Equal(["a.pdf", "b.pdf"], (await Db.Documents.ListDocumentsAsync(CancellationToken.None)).Select(d => d.SourcePath));
    }

    [StoreFact]
    public async Task Open_FileDatabase_SurvivesReopening()
    {
        var folder = Directory.CreateTempSubdirectory("deallens-tests-");
        try
        {
            // Arrange: a folder that does not exist yet is created.
            var path = Path.Combine(folder.FullName, "nested", "deallens.db");
            var analysis = SampleAnalysis("aa11");
            await using (var database = DealLensDatabase.Open(path, Db.Time))
            {
                var store = database.Documents;
                var runId = await store.StartRunAsync("analyze", CancellationToken.None);
                await store.SaveAnalysisAsync(analysis, runId, CancellationToken.None);
                await store.FinishRunAsync(runId, new RunSummary(1, 0, 0, "completed"), CancellationToken.None);
            }

            // Act
            await using var reopened = DealLensDatabase.Open(path, Db.Time);

            // Assert
            AssertSameJson(analysis, await reopened.Documents.LoadAnalysisAsync("aa11", CancellationToken.None));
            Assert.Equal("completed", (await reopened.Documents.LoadRunAsync(1, CancellationToken.None))!.Status);
            await using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
            raw.Open();
            Assert.Equal("wal", raw.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(SchemaMigrator.Default.LatestVersion, SchemaMigrator.GetVersion(raw));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [StoreFact]
    public async Task Open_MemoryPath_GivesEmptyMigratedDatabase()
    {
        await using var database = DealLensDatabase.Open(":memory:", Db.Time);

        Assert.Equal(0, await database.Documents.CountDocumentsAsync(CancellationToken.None));
        Assert.Empty(await database.Documents.CountClausesByTypeAsync(CancellationToken.None));
    }

    [StoreFact]
    public void Open_PathIsFolder_ThrowsDealLensException()
    {
        var folder = Directory.CreateTempSubdirectory("deallens-tests-");
        try
        {
            var ex = Assert.Throws<DealLensException>(() => DealLensDatabase.Open(folder.FullName, Db.Time));

            Assert.StartsWith(folder.FullName + ": ", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [StoreFact(SqliteOnly = true)]
    public async Task Open_ForeignKeysEnforced()
    {
        Assert.Equal(1, await Db.Connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        await Assert.ThrowsAsync<SqliteException>(() => Db.Documents.SaveAnalysisAsync(SampleAnalysis("aa11"), 999, CancellationToken.None));
    }

    [StoreFact]
    public async Task SaveAnalysis_UnknownRun_RefusedByForeignKey()
    {
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Db.Documents.SaveAnalysisAsync(SampleAnalysis("aa11"), 999, CancellationToken.None));
        Assert.Equal(0, await Db.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM Documents"));
    }

    private static void AssertSameJson(DocumentAnalysis expected, DocumentAnalysis? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(JsonSerializer.Serialize(expected, s_compareOptions), JsonSerializer.Serialize(actual, s_compareOptions));
    }

    /// <summary>Two pages, three grounded clauses (fields, chips, none), and a deal with every term set.</summary>
    private static DocumentAnalysis SampleAnalysis(string sha256)
    {
        var document = DocumentText.FromPages(
            [
                "Customer shall pay a minimum commitment of $11.9 billion over the term.",
                "Provider guarantees access to H100 and GB200 GPUs. This Agreement is governed by the laws of Delaware.",
            ],
            DocumentFormat.Pdf,
            ["page 2: font missing"]);
        var text = document.Text;

        Clause ClauseAt(string id, string type, string quote, double confidence, ClauseFields fields)
        {
            var start = text.IndexOf(quote, StringComparison.Ordinal);
            return new Clause(id, type, quote, document.PageAt(start), start, start + quote.Length, confidence, "rules", fields);
        }

        var clauses = new List<Clause>
        {
            ClauseAt("c1", ClauseTypes.MinimumCommitment, "minimum commitment of $11.9 billion", 0.9,
                new ClauseFields { Amount = 11900000000m, Currency = "USD", Period = "total" }),
            ClauseAt("c2", ClauseTypes.ChipAccess, "guarantees access to H100 and GB200 GPUs", 0.75,
                new ClauseFields { Access = "guaranteed", Chips = ["H100", "GB200"] }),
            ClauseAt("c3", ClauseTypes.GoverningLaw, "governed by the laws of Delaware", 1.0 / 3.0, ClauseFields.None),
        };

        var deal = new DealTerms(
            Parties: ["CoreWeave, Inc.", "OpenAI OpCo, LLC", "NVIDIA Corporation"],
            Provider: "CoreWeave, Inc.",
            Customer: "OpenAI OpCo, LLC",
            TotalValue: new DealValue(11900000000m, "USD", Binding: true, Redacted: false),
            TermMonths: 60,
            EffectiveDate: new DateOnly(2025, 3, 1),
            EndDate: new DateOnly(2030, 2, 28),
            CapacityMw: 250.5m,
            GpuCount: 100000,
            Chips: ["H100", "GB200"],
            PrepaymentPct: 10m,
            Evidence: [new FieldEvidence("total_value", 1, clauses[0].Start, clauses[0].End, clauses[0].Text)]);

        return new DocumentAnalysis("a.pdf", sha256, document, clauses, deal, ["page 2: font missing", "deal: currency guessed"], "rules");
    }
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class DocumentStorePostgreSqlTests() : DocumentStoreTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
