using DealLens.Core.Deals;

namespace DealLens.Tests.Core;

public sealed class ChipCatalogTests
{
    [Theory]
    [InlineData("NVIDIA H100 GPUs", "H100")]
    [InlineData("H200", "H200")]
    [InlineData("the H20 for export", "H20")]
    [InlineData("A100 clusters", "A100")]
    [InlineData("B100", "B100")]
    [InlineData("HGX B200 systems", "B200")]
    [InlineData("B300", "B300")]
    [InlineData("GB200 NVL72 racks", "GB200")]
    [InlineData("GB300", "GB300")]
    [InlineData("GH200", "GH200")]
    [InlineData("Grace Hopper Superchip", "GH200")]
    [InlineData("Blackwell systems", "Blackwell")]
    [InlineData("Blackwell Ultra systems", "Blackwell Ultra")]
    [InlineData("Hopper-based capacity", "Hopper")]
    [InlineData("the Vera Rubin platform", "Rubin")]
    [InlineData("NVIDIA Rubin", "Rubin")]
    [InlineData("Rubin GPUs", "Rubin")]
    [InlineData("AMD Instinct MI250", "MI250")]
    [InlineData("MI300X accelerators", "MI300X")]
    [InlineData("MI325X", "MI325X")]
    [InlineData("MI350", "MI350")]
    [InlineData("MI355X", "MI355X")]
    [InlineData("MI400", "MI400")]
    [InlineData("MI450", "MI450")]
    [InlineData("TPU v4 pods", "TPU v4")]
    [InlineData("Cloud TPU v5e", "TPU v5e")]
    [InlineData("TPUv5p", "TPU v5p")]
    [InlineData("TPU v6e", "TPU v6e")]
    [InlineData("Trillium TPUs", "TPU v6e")]
    [InlineData("Ironwood TPUs", "TPU v7")]
    [InlineData("AWS Trainium", "Trainium")]
    [InlineData("Trainium2 chips", "Trainium2")]
    [InlineData("Trn2 UltraServers", "Trainium2")]
    [InlineData("Inferentia", "Inferentia")]
    [InlineData("Inferentia2", "Inferentia2")]
    public void Find_KnownGeneration_ReturnsCanonicalName(string text, string expected)
    {
        Assert.Equal([expected], ChipCatalog.Find(text));
    }

    [Theory]
    [InlineData("part H1000 is a valve")]
    [InlineData("model AB200C")]
    [InlineData("XH100 and H100X are not chips")]
    [InlineData("MI3000")]
    [InlineData("Mr. Robert Rubin, Director")]
    [InlineData("the hopper of the machine")]
    public void Find_InsideLongerToken_NoMatch(string text)
    {
        Assert.Empty(ChipCatalog.Find(text));
    }

    [Fact]
    public void Find_Plural_Matches()
    {
        Assert.Equal(["H100"], ChipCatalog.Find("10,000 H100s"));
    }

    [Fact]
    public void Find_Repeated_DistinctInFirstSeenOrder()
    {
        Assert.Equal(["GB200", "H100", "MI300X"], ChipCatalog.Find("GB200 then H100, more GB200, then MI300X and H100."));
    }

    [Fact]
    public void Find_LowerCaseModelNumber_IsCanonicalised()
    {
        Assert.Equal(["H100", "MI300X"], ChipCatalog.Find("h100 and mi-300x"));
    }

    [Fact]
    public void FindMentions_SpansPointIntoInput()
    {
        const string Text = "Provider reserves NVIDIA GB200 capacity.";
        var mention = Assert.Single(ChipCatalog.FindMentions(Text));
        Assert.Equal("GB200", Text[mention.Start..mention.End]);
    }
}
