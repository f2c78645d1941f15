using System.Text;
using DealLens.Cli.Analysis;
using DealLens.Cli.Output;
using DealLens.Core.Pipeline;
using DealLens.Core.Text;
using DealLens.Extraction;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Golden;

/// <summary>
/// Every sample document's extracted text and analysis are compared with samples/expected/. Set
/// DEALLENS_UPDATE_GOLDEN=1 to rewrite the expected files (and the generated sample PDFs), then review the diff.
/// </summary>
public sealed class SampleGoldenTests
{
    private static readonly bool s_update = Environment.GetEnvironmentVariable("DEALLENS_UPDATE_GOLDEN") == "1";

    private static string Contracts => Path.Combine(RepoPaths.Samples, "contracts");

    private static string Expected => Path.Combine(RepoPaths.Samples, "expected");

    private static string PdfSources => Path.Combine(RepoPaths.Root, "tests", "DealLens.Tests", "Golden", "PdfSources");

    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Contracts).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    public static TheoryData<string> PdfSourceNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(PdfSources, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Fact]
    public void Samples_CoverPdfHtmlAndText()
    {
        var files = Directory.GetFiles(Contracts);
        var extensions = files.Select(Path.GetExtension).ToHashSet();

        Assert.Superset(new HashSet<string?> { ".pdf", ".html", ".txt" }, extensions);
        Assert.InRange(files.Length, 5, 8);
    }

    [Theory]
    [MemberData(nameof(PdfSourceNames))]
    public void SamplePdf_HoldsTheWordsOfItsSource(string name)
    {
        var source = File.ReadAllText(Path.Combine(PdfSources, name + ".txt"));
        var pdfPath = Path.Combine(Contracts, name + ".pdf");
        var expectedWords = WordTokenizer.Words(source.Replace("\\f", " ", StringComparison.Ordinal));

        // PdfPig's writer stamps each file differently, so a PDF is rewritten only when its words are out of date:
        // otherwise its hash, and with it every clause id in the goldens, would change on each update.
        if (s_update && (!File.Exists(pdfPath) || !WordTokenizer.Words(TextExtractors.ReadFile(pdfPath).Text).SequenceEqual(expectedWords)))
        {
            File.WriteAllBytes(pdfPath, SamplePdfWriter.Write(source, title: name));
        }

        var text = TextExtractors.ReadFile(pdfPath).Text;

        // Headers and page numbers the writer adds are removed by the extractor; the contract's words remain, in order.
        Assert.Equal(expectedWords, WordTokenizer.Words(text));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void SampleText_MatchesGolden(string name)
    {
        var document = TextExtractors.ReadFile(Path.Combine(Contracts, name));
        var actual = new StringBuilder();
        foreach (var page in document.Pages)
        {
            actual.Append("=== page ").Append(page.Number).Append(" @").Append(page.Start).Append('\n');
            actual.Append(document.Text, page.Start, page.Length).Append('\n');
        }

        AssertGolden(Path.Combine(Expected, name + ".text"), actual.ToString());
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task SampleAnalysis_MatchesGolden(string name)
    {
        var path = Path.Combine(Contracts, name);
        var document = TextExtractors.ReadFile(path);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

        var analysis = await Pipelines.CreateEmbedded().AnalyzeAsync("samples/contracts/" + name, sha, document, CancellationToken.None);

        Assert.All(analysis.Clauses, c => Assert.Equal(c.Text, document.Text[c.Start..c.End]));
        Assert.All(analysis.Deal.Evidence, e => Assert.Equal(e.Text, document.Text[e.Start..e.End]));
        AssertGolden(Path.Combine(Expected, name + ".analysis.json"), AnalysisJson.ToIndented(WithGoldenConfidences(analysis)) + "\n");
    }

    /// <summary>
    /// Confidences to one decimal in the golden files: a retrained model moves its scores by a few hundredths, which
    /// should not rewrite every golden. Which clauses are found, their spans and fields are compared exactly; how
    /// good they are is held by <see cref="SampleLabelTests"/>.
    /// </summary>
    internal static DocumentAnalysis WithGoldenConfidences(DocumentAnalysis analysis)
        => analysis with { Clauses = analysis.Clauses.Select(c => c with { Confidence = GoldenConfidence(c.Confidence) }).ToList() };

    internal static double GoldenConfidence(double confidence)
        => (double)Math.Round((decimal)confidence, 1, MidpointRounding.AwayFromZero);

    [Theory]
    [InlineData(0.604, 0.6)]
    [InlineData(0.85, 0.9)]
    [InlineData(0.949, 0.9)]
    [InlineData(0.999, 1.0)]
    [InlineData(0.312, 0.3)]
    public void GoldenConfidence_RoundsToOneDecimal(double confidence, double expected)
    {
        Assert.Equal(expected, GoldenConfidence(confidence));
    }

    private static void AssertGolden(string expectedPath, string actual)
    {
        if (s_update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing: run DEALLENS_UPDATE_GOLDEN=1 dotnet test, then review it.");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
