using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Core.Documents;

namespace DealLens.Tests.Cli.Batch;

public sealed class LimitedAnalysisTests
{
    /// <summary>An extractor that never finishes on its own: it waits until told to stop.</summary>
    private sealed class HangingExtractor : ITextExtractor
    {
        public ManualResetEventSlim Release { get; } = new();

        public DocumentText Extract(Stream content, string sourceName)
        {
            Release.Wait();
            throw new InvalidOperationException("released");
        }
    }

    [Fact]
    public async Task AnalyzeAsync_HangingExtraction_FailsAtTheTimeout()
    {
        var extractor = new HangingExtractor();
        try
        {
            var error = await Assert.ThrowsAsync<DealLensException>(() => LimitedAnalysis.AnalyzeAsync(
                Pipelines.CreateEmbedded(), extractor, [1, 2, 3], "hang.pdf", "abc", new DocumentLimits { Timeout = TimeSpan.FromMilliseconds(200) },
                CancellationToken.None));

            Assert.Equal("hang.pdf: analysis took longer than the 0.2-second limit; abandoned", error.Message);
        }
        finally
        {
            extractor.Release.Set();
        }
    }

    [Fact]
    public async Task AnalyzeAsync_FileOverTheSizeLimit_Refused()
    {
        var error = await Assert.ThrowsAsync<DealLensException>(() => LimitedAnalysis.AnalyzeAsync(
            Pipelines.CreateEmbedded(), new HangingExtractor(), new byte[2048], "big.txt", "abc", new DocumentLimits { MaxFileBytes = 1024 },
            CancellationToken.None));

        Assert.Contains("big.txt: file is 2,048 bytes, over the 1,024-byte limit", error.Message, StringComparison.Ordinal);
    }
}
