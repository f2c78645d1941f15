using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DealLens.Cli;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Cli;

public sealed partial class ReportCommandTests : IClassFixture<SampleReportDatabase>, IDisposable
{
    private readonly SampleReportDatabase _samples;
    private readonly TempFolder _folder = new();

    public ReportCommandTests(SampleReportDatabase samples) => _samples = samples;

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> ReportAsync(params string[] args) => ReportOnAsync(_samples.Path, null, args);

    private static Task<CliResult> ReportOnAsync(string db, IReadOnlyDictionary<string, string?>? environment, params string[] args)
        => CliRunner.RunAsync(RepoPaths.Root, environment, CancellationToken.None, ["report", .. args, "--db", db]);

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    private static string S(string relative) => SampleReportDatabase.Stored(relative);

    private static List<string> Paths(JsonElement report)
        => report.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).ToList();

    [Fact]
    public async Task Json_AllSamples_EveryClauseCarriesItsEvidence()
    {
        var report = Json(await ReportAsync("--format", "json"));

        Assert.Equal("all", report.GetProperty("report").GetProperty("scope").GetString());
        Assert.Equal(CliRunner.FixedNow, report.GetProperty("report").GetProperty("generated_at").GetDateTimeOffset());
        var documents = report.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(15, documents.Count);
        Assert.Contains(S("samples/contracts/gpu-cloud-msa-take-or-pay.pdf"), Paths(report));
        var clauses = documents.SelectMany(d => d.GetProperty("clauses").EnumerateArray()).ToList();
        Assert.Equal(report.GetProperty("totals").GetProperty("clauses").GetInt32(), clauses.Count);
        Assert.NotEmpty(clauses);
        foreach (var clause in clauses)
        {
            foreach (var key in new[] { "id", "type", "page", "start", "end", "quote", "fields", "confidence", "extractor", "review_status" })
            {
                Assert.True(clause.TryGetProperty(key, out _), key);
            }

            Assert.Equal("unreviewed", clause.GetProperty("review_status").GetString());
            Assert.True(clause.GetProperty("end").GetInt32() > clause.GetProperty("start").GetInt32());
        }

        var msa = documents.Single(d => d.GetProperty("path").GetString() == S("samples/deals/beacon-cobalt-cloud-msa.txt"));
        Assert.Equal(8_000_000_000m, msa.GetProperty("deal_terms").GetProperty("headline_value").GetDecimal());
        Assert.Equal("unreviewed", msa.GetProperty("deal_terms").GetProperty("review_status").GetString());
        var deals = report.GetProperty("deals").EnumerateArray().ToList();
        Assert.NotEmpty(deals);
        Assert.All(deals, d => Assert.Matches("^[0-9a-f]{12}$", d.GetProperty("id").GetString()));
        Assert.Equal(5, report.GetProperty("risk").GetProperty("cycles").GetArrayLength());
    }

    [Fact]
    public async Task Csv_AllSamples_RowsMatchTheJsonEvidence()
    {
        var json = Json(await ReportAsync("--format", "json"));
        var csv = await ReportAsync("--format", "csv");

        Assert.Equal(ExitCodes.Ok, csv.ExitCode);
        var rows = CsvReader.Parse(csv.Out);
        var documents = json.GetProperty("documents").EnumerateArray().ToList();
        var clauseQuotes = documents.SelectMany(d => d.GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("quote").GetString())).ToList();
        var termCount = documents.Sum(d => d.GetProperty("deal_terms").GetProperty("evidence").GetArrayLength());
        var clauseRows = rows.Where(r => r["kind"] == "clause").ToList();
        Assert.Equal(clauseQuotes, clauseRows.Select(r => r["quote"].TrimStart('\'')));
        Assert.Equal(termCount, rows.Count(r => r["kind"] == "deal_term"));
        Assert.All(clauseRows, r => Assert.Equal("unreviewed", r["review_status"]));
        // Quotes with commas and line breaks survive the round trip (the parser above would fail on a bad quote).
        Assert.Contains(clauseRows, r => r["quote"].Contains(',', StringComparison.Ordinal));
        Assert.All(clauseRows, r => JsonDocument.Parse(r["fields"]));
    }

    [Fact]
    public async Task Markdown_AllSamples_HasEverySectionAndKeyFindings()
    {
        var result = await ReportAsync("--format", "md");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var md = result.Out;
        foreach (var heading in new[] { "# DealLens report: All stored deals", "## Summary", "## Risk", "### Circular financing (5)", "### Customer concentration", "## Deals (", "## Documents (15)" })
        {
            Assert.Contains(heading, md, StringComparison.Ordinal);
        }

        Assert.Contains("Aurora Silicon → Beacon AI → Aurora Silicon", md, StringComparison.Ordinal);
        Assert.Contains("beacon-cobalt-cloud-msa.txt\n\nsha256 `", md, StringComparison.Ordinal);
        Assert.Contains("| Headline value | $8B |", md, StringComparison.Ordinal);
        Assert.Contains("review: **unreviewed**", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_NoGraphviz_UsesTheBuiltInGraphAndScottPlotCharts()
    {
        var target = _folder.File("out/report.html");

        // The test environment has no PATH, so `dot` is not found.
        var result = await ReportAsync("--out", target);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(target, result.Out.Trim());
        var html = await File.ReadAllTextAsync(target);
        var figures = Figures(html);
        Assert.Equal(["value-by-customer", "binding-vs-headline", "graph"], figures.Keys);
        Assert.All(figures.Values, svg => Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName));
        Assert.Contains("Cobalt Cloud", figures["graph"], StringComparison.Ordinal);
        Assert.Contains("Beacon AI", figures["value-by-customer"], StringComparison.Ordinal);
        Assert.DoesNotContain("Drawn by Graphviz", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [GraphvizFact]
    public async Task Html_DotOnPath_GraphDrawnByGraphviz()
    {
        TestEnvironment.RequireDot();
        var path = Environment.GetEnvironmentVariable("PATH");

        var result = await ReportOnAsync(_samples.Path, new Dictionary<string, string?> { ["PATH"] = path }, "--format", "html", "--out", "-");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Drawn by Graphviz", result.Out, StringComparison.Ordinal);
        var graph = Figures(result.Out)["graph"];
        Assert.StartsWith("<svg", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("<!DOCTYPE", graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Company_OnlyDealsTouchingIt()
    {
        var report = Json(await ReportAsync("--company", "cobalt cloud holdings", "--format", "json"));

        Assert.Equal("company", report.GetProperty("report").GetProperty("scope").GetString());
        var paths = Paths(report);
        Assert.Contains(S("samples/deals/cobalt-aurora-supply.txt"), paths);
        Assert.Contains(S("samples/deals/fjord-cobalt-loi.txt"), paths);
        Assert.DoesNotContain(S("samples/contracts/gpu-cloud-msa-take-or-pay.pdf"), paths);
        Assert.All(report.GetProperty("deals").EnumerateArray(), d =>
            Assert.True(d.GetProperty("from").GetString() == "cobalt-cloud" || d.GetProperty("to").GetString() == "cobalt-cloud" || d.GetProperty("in_cycle").GetBoolean()));
    }

    [Fact]
    public async Task Deal_IdOrPrefix_GivesEveryDocumentAboutIt()
    {
        var all = Json(await ReportAsync("--format", "json"));
        var linked = all.GetProperty("deals").EnumerateArray().First(d => d.GetProperty("documents").GetArrayLength() > 1);
        var id = linked.GetProperty("id").GetString()!;

        var byId = Json(await ReportAsync("--deal", id, "--format", "json"));
        var byPrefix = Json(await ReportAsync("--deal", id[..6].ToUpperInvariant(), "--format", "json"));

        var expected = linked.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Paths(byId));
        Assert.Equal(expected, Paths(byPrefix));
        Assert.Contains(byId.GetProperty("deals").EnumerateArray(), d => d.GetProperty("id").GetString() == id);
        Assert.StartsWith("Deal " + id, byId.GetProperty("report").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_ByStoredPathOrByContent()
    {
        var copy = _folder.Write("elsewhere.txt", await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Samples, "contracts", "loi-up-to-non-binding.txt")));

        var byPath = Json(await ReportAsync("--document", "samples/contracts/loi-up-to-non-binding.txt", "--format", "json"));
        var byContent = Json(await ReportAsync("--document", copy, "--format", "json"));

        Assert.Equal([S("samples/contracts/loi-up-to-non-binding.txt")], Paths(byPath));
        Assert.Equal([S("samples/contracts/loi-up-to-non-binding.txt")], Paths(byContent));
        Assert.Equal("document", byPath.GetProperty("report").GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("--company", "Nobody Holdings", "no stored deal names the company \"Nobody Holdings\"")]
    [InlineData("--deal", "0000000000aa", "no stored deal has the id \"0000000000aa\"")]
    [InlineData("--deal", "ab", "no stored deal has the id \"ab\"")]
    [InlineData("--document", "samples/contracts/missing.txt", "no stored document matches \"samples/contracts/missing.txt\"")]
    public async Task UnknownSelector_Exit1_NamesIt(string option, string value, string message)
    {
        var result = await ReportAsync(option, value, "--format", "md");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Document_NotAnalysedFile_Exit1()
    {
        var file = _folder.Write("new.txt", "A contract nobody analysed.");

        var result = await ReportAsync("--document", file);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("has not been analysed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSelectors_Exit1()
    {
        var result = await ReportAsync("--company", "Beacon AI", "--deal", "abcd");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("at most one of --company, --deal and --document", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyDatabase_Exit1()
    {
        // A database that exists (a missing one is refused before: CommandLineTests) but holds no document.
        await DealLens.Storage.DealLensDatabase.Open(_folder.File("empty.db"), TimeProvider.System).DisposeAsync();
        var result = await ReportOnAsync(_folder.File("empty.db"), null, "--format", "csv");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("holds no analysed documents", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFormat_Exit1()
        => Assert.Equal(ExitCodes.UsageError, (await ReportAsync("--format", "pdf")).ExitCode);

    [Fact]
    public async Task FormatFromOutExtension()
    {
        var target = _folder.File("evidence.csv");

        var result = await ReportAsync("--out", target);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("document,sha256,kind,", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_Exit130()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await CliRunner.RunAsync(RepoPaths.Root, null, cancelled.Token, "report", "--format", "json", "--db", _samples.Path);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
    }

    [Fact]
    public async Task ReviewDecisions_ShowInEveryFormat()
    {
        var db = _samples.CopyTo(_folder);
        var before = Json(await ReportOnAsync(db, null, "--document", "samples/contracts/min-spend-chip-refresh.html", "--format", "json"));
        var document = before.GetProperty("documents")[0];
        var sha = document.GetProperty("sha256").GetString()!;
        var clauses = document.GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO ReviewItems (Kind, DocumentSha256, ItemKey, ClauseId, Status, UpdatedAt, UpdatedBy) VALUES
                ('clause', $sha, $c0, $c0, 'accepted', '2026-01-01T00:00:00.0000000+00:00', 'ana'),
                ('clause', $sha, $c1, $c1, 'rejected', '2026-01-01T00:00:00.0000000+00:00', 'ana'),
                ('clause', $sha, 'gone', NULL, 'no_longer_found', '2026-01-01T00:00:00.0000000+00:00', 'ana'),
                ('deal_terms', $sha, 'deal_terms', NULL, 'edited', '2026-01-01T00:00:00.0000000+00:00', 'ana')
                """;
            insert.Parameters.AddWithValue("$sha", sha);
            insert.Parameters.AddWithValue("$c0", clauses[0]);
            insert.Parameters.AddWithValue("$c1", clauses[1]);
            await insert.ExecuteNonQueryAsync();
        }

        var json = Json(await ReportOnAsync(db, null, "--document", "samples/contracts/min-spend-chip-refresh.html", "--format", "json"));
        var csv = CsvReader.Parse((await ReportOnAsync(db, null, "--document", "samples/contracts/min-spend-chip-refresh.html", "--format", "csv")).Out);
        var html = (await ReportOnAsync(db, null, "--document", "samples/contracts/min-spend-chip-refresh.html", "--format", "html", "--out", "-")).Out;

        var statuses = json.GetProperty("documents")[0].GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("review_status").GetString()).ToList();
        Assert.Equal(["accepted", "rejected", .. Enumerable.Repeat("unreviewed", clauses.Count - 2)], statuses);
        Assert.Equal("edited", json.GetProperty("documents")[0].GetProperty("deal_terms").GetProperty("review_status").GetString());
        Assert.Equal(1, json.GetProperty("totals").GetProperty("review_statuses").GetProperty("accepted").GetInt32());
        Assert.Equal("accepted", csv.First(r => r["id"] == clauses[0])["review_status"]);
        Assert.All(csv.Where(r => r["kind"] == "deal_term"), r => Assert.Equal("edited", r["review_status"]));
        Assert.Contains($"id=\"clause-{clauses[1]}\"><div class=\"clause-head\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status rejected\">rejected</span>", html, StringComparison.Ordinal);
    }

    /// <summary>The SVG of each figure of an HTML report, by its id.</summary>
    internal static Dictionary<string, string> Figures(string html)
        => FigureImage().Matches(html).ToDictionary(
            m => m.Groups[1].Value,
            m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value)));

    [GeneratedRegex("<img data-figure=\"([^\"]+)\" alt=\"[^\"]*\" src=\"data:image/svg\\+xml;base64,([^\"]+)\">")]
    private static partial Regex FigureImage();
}
