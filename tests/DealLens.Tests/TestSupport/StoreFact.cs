using Xunit.Abstractions;
using Xunit.Sdk;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// Marks a store test class that runs its base class's <see cref="StoreFactAttribute"/> tests on PostgreSQL (the base
/// class runs them on SQLite): <c>sealed class XPostgreSqlTests() : XTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests</c>.
/// </summary>
public interface IPostgreSqlStoreTests;

/// <summary>
/// A store test that runs on every backend: in its SQLite class, and in the PostgreSQL subclass (one that implements
/// <see cref="IPostgreSqlStoreTests"/>), where it is skipped with the reason when no PostgreSQL can be had (failed in CI).
/// <see cref="SqliteOnly"/> keeps a test of a SQLite setting out of the PostgreSQL class.
/// </summary>
[XunitTestCaseDiscoverer("DealLens.Tests.TestSupport.StoreFactDiscoverer", "DealLens.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
    public bool SqliteOnly { get; set; }
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        if (!typeof(IPostgreSqlStoreTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()))
        {
            return base.Discover(discoveryOptions, testMethod, factAttribute);
        }

        if (factAttribute.GetNamedArgument<bool>(nameof(StoreFactAttribute.SqliteOnly)))
        {
            return [];
        }

        return PostgresServer.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
