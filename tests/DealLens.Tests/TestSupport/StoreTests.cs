namespace DealLens.Tests.TestSupport;

/// <summary>
/// The base of a store test class: a fresh database on the given backend per test (xunit makes one instance per test),
/// disposed after it. Each class runs on SQLite and has a PostgreSQL subclass that passes the other backend.
/// </summary>
public abstract class StoreTests(StoreBackend backend, DateTimeOffset start) : IDisposable
{
    protected InMemoryDatabase Db { get; } = new(backend, start);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Db.Dispose();
        }
    }
}
