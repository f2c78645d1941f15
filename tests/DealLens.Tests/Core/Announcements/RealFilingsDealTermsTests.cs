using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DealLens.Cli.Analysis;
using DealLens.Core.Clauses;
using DealLens.Core.Documents;
using DealLens.Tests.TestSupport;
using Xunit.Abstractions;

namespace DealLens.Tests.Core.Announcements;

/// <summary>Runs where ../shared/real-filings is beside the repository; in CI (CI=true) its absence fails the test.</summary>
public sealed class RealFilingsFactAttribute : FactAttribute
{
    public RealFilingsFactAttribute()
    {
        if (RealFilingsDealTermsTests.Folder is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "../shared/real-filings is not beside the repository; CI provides it and runs this test";
        }
    }
}

/// <summary>
/// Deal terms on ../shared/real-filings, real filing text the announcement rules were not written from: total value
/// (within 1 %), term (within a month) and minimum commitment, "x of n" over the documents that label each.
/// </summary>
public sealed class RealFilingsDealTermsTests(ITestOutputHelper output)
{
    internal static string? Folder
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "real-filings"));
            return File.Exists(Path.Combine(path, "labels.jsonl")) ? path : null;
        }
    }

    [RealFilingsFact]
    public async Task Score_RealFilings_PrintsFieldFiguresAndStoresNoImplausibleValue()
    {
        Assert.True(Folder is not null, "../shared/real-filings is missing");

        var pipeline = Pipelines.CreateEmbedded();
        int valueRight = 0, valueTotal = 0, termRight = 0, termTotal = 0, commitmentRight = 0, commitmentTotal = 0, unlabelledValues = 0;
        foreach (var line in File.ReadLines(Path.Combine(Folder, "labels.jsonl")).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var doc = root.GetProperty("doc").GetString()!;
            var text = File.ReadAllText(Path.Combine(Folder, "docs", doc));
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            var analysis = await pipeline.AnalyzeAsync(doc, sha, DocumentText.FromPages([text], DocumentFormat.Text), CancellationToken.None);
            var read = analysis.Deal.TotalValue?.Amount;

            if (root.GetProperty("total_value_usd") is { ValueKind: JsonValueKind.Number } value)
            {
                valueTotal++;
                var usd = value.GetDecimal();
                valueRight += read is { } r && Math.Abs(r - usd) <= usd * 0.01m ? 1 : 0;
            }
            else if (read is not null)
            {
                unlabelledValues++;
            }

            if (root.GetProperty("term_months") is { ValueKind: JsonValueKind.Number } term)
            {
                termTotal++;
                termRight += analysis.Deal.TermMonths is { } m && Math.Abs(m - term.GetDouble()) <= 1 ? 1 : 0;
            }

            if (root.GetProperty("minimum_commitment") is { ValueKind: JsonValueKind.True })
            {
                commitmentTotal++;
                commitmentRight += analysis.Clauses.Any(c => c.Type == ClauseTypes.MinimumCommitment) ? 1 : 0;
            }

            Assert.True(read is null or <= 10_000_000_000_000m, $"{doc}: implausible total value {read}");
        }

        output.WriteLine($"real-filings: value {valueRight} of {valueTotal}, term {termRight} of {termTotal}, minimum commitment {commitmentRight} of {commitmentTotal}; values read where none is labelled: {unlabelledValues}");
        Assert.True(valueTotal > 0);
    }
}
