namespace DealLens.Core.Risk;

/// <summary>Thresholds and limits of the risk scores. The defaults are the ones the README documents.</summary>
public sealed record RiskOptions
{
    public static RiskOptions Default { get; } = new();

    /// <summary>A commitment longer than this outlives the GPUs it pays for (accounting life of accelerators).</summary>
    public int GpuUsefulLifeMonths { get; init; } = 48;

    /// <summary>Longest money loop searched for (companies in the cycle).</summary>
    public int MaxCycleLength { get; init; } = 6;

    /// <summary>A customer holding at least this share of a provider's contracted value is flagged.</summary>
    public decimal TopCustomerShareWatch { get; init; } = 0.10m;

    /// <summary>A customer holding at least this share is a high-severity dependency.</summary>
    public decimal TopCustomerShareHigh { get; init; } = 0.50m;

    /// <summary>Fewer customers with a known amount than this and a provider's shares are listed but not scored.</summary>
    public int MinPricedCustomers { get; init; } = 2;

    /// <summary>HHI above this (on 0-10,000) is "highly concentrated", as in the US merger guidelines.</summary>
    public decimal HhiHigh { get; init; } = 2500m;
}
