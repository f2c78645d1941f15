using System.Security.Cryptography;
using System.Text;
using DealLens.Cli.Analysis;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;
using Xunit.Abstractions;

namespace DealLens.Tests.Core.Announcements;

/// <summary>
/// Deal terms read by the embedded pipeline from every announcement of samples/announcements, scored against the
/// labels: "x of n" per field for the dev part and, separately, for the locked part (whose misses are not shown).
/// </summary>
public sealed class AnnouncementDealTermsTests(ITestOutputHelper output)
{
    // Floors under the measured figures (docs/announcement-corpus.md): a fall below them is a regression.
    private const double DevFloor = 0.75;
    private const double LockedFloor = 0.70;

    internal static async Task<(AnnouncementScore Dev, AnnouncementScore Locked)> ScoreAsync()
    {
        var pipeline = Pipelines.CreateEmbedded();
        var dev = new List<(AnnouncementLabel, AnnouncementReading)>();
        var locked = new List<(AnnouncementLabel, AnnouncementReading)>();
        foreach (var label in AnnouncementCorpusTests.Labels())
        {
            var text = AnnouncementCorpusTests.Text(label.Doc);
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            var analysis = await pipeline.AnalyzeAsync(label.Doc, sha, DocumentText.FromPages([text], DocumentFormat.Text), CancellationToken.None);
            (AnnouncementCorpus.IsLocked(label.Doc) ? locked : dev).Add((label, AnnouncementReading.From(analysis)));
        }

        return (AnnouncementScorer.Score("dev", dev, listMisses: true), AnnouncementScorer.Score("locked", locked, listMisses: false));
    }

    [Fact]
    public async Task Score_EmbeddedPipeline_MeetsTheFloorOnDevAndLocked()
    {
        var (dev, locked) = await ScoreAsync();

        output.WriteLine(AnnouncementScorer.Format(dev));
        output.WriteLine(AnnouncementScorer.Format(locked));
        foreach (var miss in dev.Misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(dev.Accuracy >= DevFloor, $"dev field accuracy {dev.Accuracy:0.000} < {DevFloor}");
        Assert.True(locked.Accuracy >= LockedFloor, $"locked field accuracy {locked.Accuracy:0.000} < {LockedFloor}");
    }
}
