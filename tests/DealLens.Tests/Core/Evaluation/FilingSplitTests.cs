using DealLens.Core.Evaluation;

namespace DealLens.Tests.Core.Evaluation;

public sealed class FilingSplitTests
{
    // Fixed expectations: the rule (first byte of SHA-256 of the file name, mod 3 == 1) must never change, or the
    // locked part would silently mix with the development part.
    [Theory]
    [InlineData("eta.txt", true)]
    [InlineData("alpha.txt", false)]
    [InlineData("gamma.txt", false)]
    [InlineData("zeta.txt", false)]
    public void IsLocked_KnownNames_GivesFixedAnswer(string name, bool locked)
        => Assert.Equal(locked, FilingSplit.IsLocked(name));

    [Fact]
    public void IsLocked_FolderIgnored_OnlyFileNameCounts()
    {
        Assert.Equal(FilingSplit.IsLocked("eta.txt"), FilingSplit.IsLocked("/some/folder/eta.txt"));
        Assert.Equal(FilingSplit.IsLocked("eta.txt"), FilingSplit.IsLocked(@"C:\docs\eta.txt"));
    }

    [Fact]
    public void IsLocked_ManyNames_LocksAboutAThird()
    {
        var names = Enumerable.Range(0, 3000).Select(i => $"filing-{i}.txt").ToList();

        var share = names.Count(FilingSplit.IsLocked) / (double)names.Count;

        Assert.InRange(share, 0.30, 0.37);
    }
}
