using DealLens.Core.Deals;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Deals;

/// <summary>The user's rows put before a table (<see cref="CompanyKinds.With"/>), as analyze does with the database's company kinds.</summary>
public sealed class CompanyKindsOverrideTests
{
    private static readonly CompanyKinds s_table = new(
        [
            new CompanyKind("Brasswell Cloud", CompanyKinds.GpuCloud, "test"),
            new CompanyKind("Quillon Labs", CompanyKinds.AiLab, "test"),
        ],
        [new CompanyAlias("QLN", "Quillon Labs", "ticker", "test")]);

    [Fact]
    public void With_UserRow_WinsForItsCompanyOnly()
    {
        var table = s_table.With([new CompanyKind("BRASSWELL CLOUD, LLC", CompanyKinds.DataCentre, "user")]);

        Assert.Equal(CompanyKinds.DataCentre, table.KindOf("Brasswell Cloud"));
        Assert.Equal(CompanyKinds.AiLab, table.KindOf("QLN"));
        Assert.Equal(CompanyKinds.GpuCloud, s_table.KindOf("Brasswell Cloud"));
    }

    [Fact]
    public void With_NewCompany_IsFoundByItsLegalName()
    {
        var table = s_table.With([new CompanyKind("Acme Compute", CompanyKinds.GpuCloud, "user")]);

        Assert.Null(s_table.KindOf("Acme Compute, Inc."));
        Assert.Equal(CompanyKinds.GpuCloud, table.KindOf("Acme Compute, Inc."));
        Assert.Equal(3, table.Rows.Count);
    }

    [Fact]
    public void With_NoRows_IsTheSameTable() => Assert.Same(s_table, s_table.With([]));

    [Fact]
    public void Known_EveryKindIsKnownAndNothingElse()
    {
        Assert.All(CompanyKinds.Known, k => Assert.True(CompanyKinds.IsKnown(k)));
        Assert.False(CompanyKinds.IsKnown("gpu_clouds"));
        Assert.Equal(8, CompanyKinds.Known.Count);
    }
}
