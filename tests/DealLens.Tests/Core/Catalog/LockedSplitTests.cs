using System.Security.Cryptography;
using System.Text;
using DealLens.Core.Clauses.Learning;

namespace DealLens.Tests.Core.Catalog;

public sealed class LockedSplitTests
{
    [Fact]
    public void IsLockedStem_IsTheFirstByteOfSha256ModuloThree()
    {
        foreach (var stem in new[] { "a", "b", "c", "x", "two", "ACME_2010-EX-10.1-SUPPLY AGREEMENT" })
        {
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(stem))[0] % 3 == 0, LockedSplit.IsLockedStem(stem));
        }
    }

    [Fact]
    public void Locked_PiecesOfOneFiling_ShareTheirSide()
    {
        string[] files = ["pdf/x1.pdf", "pdf/x2.pdf", "pdf/c1.pdf", "pdf/c2.PDF"];

        var locked = LockedSplit.Locked(files, ["one text", "another text", "a third", "a fourth"]);

        Assert.Equal([true, true, false, false], locked); // "x" is locked, "c" is not
    }

    [Fact]
    public void Locked_NearCopyOfALockedContract_IsLockedToo()
    {
        var body = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i % 97} term{i}"));

        // "id" is locked, "k" alone is not; the group's key is its smallest stem, "id".
        var locked = LockedSplit.Locked(["pdf/id.pdf", "pdf/k.pdf", "pdf/b.pdf"], [body, "AMENDED AND RESTATED " + body, "unrelated text entirely"]);

        Assert.Equal([true, true, false], locked);
        Assert.False(LockedSplit.IsLockedStem("k"));
    }

    [Fact]
    public void Locked_ManyNames_LocksAboutAThird()
    {
        var files = Enumerable.Range(0, 3000).Select(i => $"pdf/Contract-{i}-x.pdf").ToList();

        var share = LockedSplit.Locked(files, [.. files.Select(f => f)]).Count(l => l) / (double)files.Count;

        Assert.InRange(share, 0.30, 0.37);
    }
}
