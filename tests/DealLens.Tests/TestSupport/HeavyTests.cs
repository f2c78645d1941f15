namespace DealLens.Tests.TestSupport;

/// <summary>
/// Tests that train models or run the embedded model over many documents are CPU-heavy; they run on their own,
/// after the parallel tests, so they never starve a test that measures speed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Training";
}
