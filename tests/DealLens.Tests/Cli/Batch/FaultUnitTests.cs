using DealLens.Cli.Analysis;
using DealLens.Cli.Batch;
using DealLens.Core;
using DealLens.Core.IO;
using DealLens.Tests.Hostile;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli.Batch;

/// <summary>The small pieces behind issue 22's fixes: link unwrapping, download names, file kinds, capped reads.</summary>
[Trait("Suite", "Hostile")]
public sealed class FaultUnitTests : IDisposable
{
    private static readonly Uri s_page = new("https://www.sec.gov/Archives/edgar/data/1/000000000126000001/index.htm");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Resolve_ViewerLink_BecomesTheDocument()
        => Assert.Equal("https://www.sec.gov/Archives/edgar/data/1/a.htm", EdgarClient.Resolve(s_page, "/ix?doc=/Archives/edgar/data/1/a.htm").ToString());

    [Fact]
    public void Issue22_Resolve_ViewerLinkNested60000Deep_RefusedWithoutRecursion()
    {
        var href = string.Concat(Enumerable.Repeat("/ix?doc=", 60_000)) + "/Archives/a.htm";

        var error = Assert.Throws<DealLensException>(() => EdgarClient.Resolve(s_page, href));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue22_Resolve_ViewerLinkNestedPastTheLimit_Refused()
    {
        var href = string.Concat(Enumerable.Repeat("/ix?doc=", EdgarClient.MaxViewerNesting + 1)) + "/Archives/a.htm";

        var error = Assert.Throws<DealLensException>(() => EdgarClient.Resolve(s_page, href));

        Assert.Contains($"nested more than {EdgarClient.MaxViewerNesting} deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue22_Unique_SameFileNameTwice_SecondGetsASuffix()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);

        var first = DownloadPaths.Unique("/d/1/acc/contract.htm", taken);
        var second = DownloadPaths.Unique("/d/1/acc/contract.htm", taken);
        var third = DownloadPaths.Unique("/d/1/acc/contract.htm", taken);

        Assert.Equal(["/d/1/acc/contract.htm", "/d/1/acc/contract-2.htm", "/d/1/acc/contract-3.htm"], [first, second, third]);
    }

    [UnixFact]
    public void FileKinds_SpecialFiles_ToldApartWithoutOpening()
    {
        Assert.Equal(FileKind.Regular, FileKinds.Of(_folder.Write("a.txt", "x")));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_folder.Path));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Missing, FileKinds.Of(_folder.File("nothing")));
        File.CreateSymbolicLink(_folder.File("zero.txt"), "/dev/zero");
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(_folder.File("zero.txt")));
    }

    [Fact]
    public async Task Issue22_ReadAsync_TextOverItsLimit_RefusedBeforeReading()
    {
        var path = _folder.Write("big.txt", new byte[4096]);

        var error = await Assert.ThrowsAsync<DealLensException>(() => DocumentFiles.ReadAsync(
            path, "big.txt", new DocumentLimits { MaxTextFileBytes = 1024 }, CancellationToken.None));

        Assert.StartsWith("big.txt: file is 4,096 bytes, over the 1,024-byte limit for text and HTML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RegularFile_ReadWhole()
    {
        var path = _folder.Write("doc.pdf", new byte[100_000]);

        var bytes = await DocumentFiles.ReadAsync(path, "doc.pdf", DocumentLimits.Default, CancellationToken.None);

        Assert.Equal(100_000, bytes.Length);
    }
}
