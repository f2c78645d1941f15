using System.Reflection;
using System.Text.RegularExpressions;
using DealLens.Cli.Analysis;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Tests.Core;

[Trait("Suite", "Hostile")]
public sealed class RegexTimeoutsTests
{
    /// <summary>An extractor that, like a reader meeting a pathological table, hits a regex time-out and handles it silently.</summary>
    private sealed class TimingOutExtractor : ITextExtractor
    {
        public DocumentText Extract(Stream content, string sourceName)
        {
            try
            {
                _ = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(1)).IsMatch(new string('a', 5_000) + "!");
            }
            catch (RegexMatchTimeoutException)
            {
                // Treated as no match, as the clause rules do.
            }

            return DocumentText.FromPages(["The Customer shall pay the Provider $1,000,000 per month."], DocumentFormat.Text);
        }
    }

    [Fact]
    public async Task Issue22_TimeoutHandledInsideAReader_ReportedAsWarningOnTheDocument()
    {
        var analysis = await LimitedAnalysis.AnalyzeAsync(
            Pipelines.CreateEmbedded(), new TimingOutExtractor(), [1], "table.txt", "abc", DocumentLimits.Default, CancellationToken.None);

        Assert.Contains(analysis.Warnings, w => w.Contains("ran past the 10-second limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue22_NoTimeout_NoWarning()
    {
        var analysis = await LimitedAnalysis.AnalyzeAsync(
            Pipelines.CreateEmbedded(), new DealLens.Extraction.PlainTextExtractor(), "The Customer shall pay $5."u8.ToArray(), "ok.txt", "abc",
            DocumentLimits.Default, CancellationToken.None);

        Assert.DoesNotContain(analysis.Warnings, w => w.Contains("ran past", StringComparison.Ordinal));
    }

    public static TheoryData<string> Assemblies => new() { "DealLens.Core", "DealLens.Extraction", "DealLens.Llm", "deallens" };

    /// <summary>Every regex held in a static field or made by a generated-regex method uses the one limit.</summary>
    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Issue22_EveryStaticRegex_UsesTheOneTimeoutPolicy(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var offenders = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters && !t.Name.Contains('<', StringComparison.Ordinal)))
        {
            const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(flags).Where(f => f.FieldType == typeof(Regex)))
            {
                Check($"{type.FullName}.{field.Name}", field.GetValue(null) as Regex);
            }

            foreach (var method in type.GetMethods(flags).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null))
            {
                Check($"{type.FullName}.{method.Name}()", method.Invoke(null, null) as Regex);
            }
        }

        Assert.True(offenders.Count == 0, "regexes without the policy's time-out: " + string.Join(", ", offenders));

        void Check(string name, Regex? regex)
        {
            if (regex is not null && regex.MatchTimeout != RegexTimeouts.Limit)
            {
                offenders.Add($"{name} ({(regex.MatchTimeout == Regex.InfiniteMatchTimeout ? "none" : regex.MatchTimeout.ToString())})");
            }
        }
    }
}
