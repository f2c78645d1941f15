using System.Text.RegularExpressions;
using DealLens.Cli;
using DealLens.Cli.Commands;
using DealLens.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Cli;

/// <summary>Issue 20: where `report` writes without --out, and the report's links and evidence pages on the samples.</summary>
public sealed partial class ReportCommandScaleTests : IClassFixture<SampleReportDatabase>, IDisposable
{
    private readonly SampleReportDatabase _samples;
    private readonly TempFolder _folder = new();

    public ReportCommandScaleTests(SampleReportDatabase samples) => _samples = samples;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Issue20_NoOut_WritesReportHtmlInTheWorkingFolderAndSaysWhere()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "report", "--db", _samples.Path);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var written = _folder.File(ReportCommand.DefaultHtmlFile);
        Assert.Equal(written, result.Out.Trim());
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(written), StringComparison.Ordinal);
        Assert.Contains("written to " + written, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_HtmlToATerminal_Refused()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, false, new FakeTimeProvider(CliRunner.FixedNow), _folder.Path, b => b.AddInMemoryCollection([]))
        {
            ReadEnvironment = _ => null,
            OutIsTerminal = true,
        };

        var exit = await CliApp.RunAsync(["report", "--out", "-", "--db", _samples.Path], context, CancellationToken.None);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Equal("", output.ToString());
        Assert.Contains("will not print an HTML report to a terminal", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_Html_EvidenceCarriesItsPageAndLinksToItsClause()
    {
        var target = _folder.File("r.html");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "report", "--db", _samples.Path, "--out", target)).ExitCode);
        var html = await File.ReadAllTextAsync(target);

        var evidence = Evidence().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, cite => Assert.Matches(@", page \d+", cite));
        var anchors = Anchor().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var links = Link().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(links, l => l.StartsWith("clause-", StringComparison.Ordinal));
        Assert.All(links, l => Assert.Contains(l, anchors));
        Assert.Contains("id=\"index\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"legend\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<blockquote class=\"evidence\">.*?<cite>(.*?)</cite></blockquote>", RegexOptions.Singleline)]
    private static partial Regex Evidence();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex Anchor();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex Link();
}
