using DealLens.Core;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Npgsql;

namespace DealLens.Tests.Storage;

public sealed class DatabaseLocationTests
{
    [Theory]
    [InlineData("deallens.db")]
    [InlineData("/srv/deals/team.db")]
    [InlineData("my=odd;file.db")]
    [InlineData("~/deallens.db")]
    public void Parse_Path_IsSqliteFile(string value)
    {
        var location = DatabaseLocation.Parse(value);

        Assert.Equal(DatabaseProvider.Sqlite, location.Provider);
        Assert.Equal(value, location.Value);
        Assert.False(DatabaseLocation.IsConnectionString(value));
    }

    [Theory]
    [InlineData("Host=db.example;Database=deallens", "postgresql://db.example/deallens")]
    [InlineData("server=db.example; port=6543; database=deals; username=ana", "postgresql://ana@db.example:6543/deals")]
    [InlineData("Host=db.example;Database=deallens;Username=ana;Password=s3cret-pw", "postgresql://ana@db.example/deallens")]
    [InlineData("postgresql://ana:s3cret-pw@db.example:6543/deals?sslmode=require", "postgresql://ana@db.example:6543/deals")]
    [InlineData("postgres://db.example/deallens", "postgresql://db.example/deallens")]
    public void Parse_ConnectionString_IsPostgreSqlNamedWithoutPassword(string value, string displayName)
    {
        var location = DatabaseLocation.Parse(value);

        Assert.Equal(DatabaseProvider.PostgreSql, location.Provider);
        Assert.Equal(displayName, location.DisplayName);
        Assert.Equal(displayName, location.ToString());
        Assert.DoesNotContain("s3cret-pw", $"{location}", StringComparison.Ordinal);
        Assert.True(DatabaseLocation.IsConnectionString(value));
    }

    [Fact]
    public void Parse_Uri_KeepsPasswordAndOptionsForTheConnection()
    {
        var location = DatabaseLocation.Parse("postgresql://ana:p%40ss@db.example:6543/deals?sslmode=require");

        var builder = new NpgsqlConnectionStringBuilder(location.Value);
        Assert.Equal("p@ss", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(6543, builder.Port);
    }

    [Fact]
    public void Parse_ConnectionStringWithoutDatabase_ThrowsNamingHostNotPassword()
    {
        var ex = Assert.Throws<DealLensException>(() => DatabaseLocation.Parse("Host=db.example;Password=s3cret-pw"));

        Assert.Contains("db.example", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Database=", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_ThrowsWithoutRepeatingTheString()
    {
        var ex = Assert.Throws<DealLensException>(() => DatabaseLocation.Parse("Host=db.example;Database=d;Pasword=s3cret-pw"));

        Assert.DoesNotContain("s3cret-pw", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class PostgresFailureTests
{
    [PostgreSqlFact]
    public void Issue21_Open_WrongPassword_OneLineNamingDatabaseNotPassword()
    {
        var builder = PostgresServer.Shared.Admin;
        builder.Password = "wrong-s3cret";

        var ex = Assert.Throws<DealLensException>(() => DealLensDatabase.Open(builder.ConnectionString, TimeProvider.System));

        Assert.StartsWith($"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/postgres: the server refused the user name or password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-s3cret", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [PostgreSqlFact]
    public void Issue21_Open_MissingDatabase_SaysCreateIt()
    {
        var builder = PostgresServer.Shared.Admin;
        builder.Database = "deallens_missing_" + Guid.NewGuid().ToString("N")[..8];

        var ex = Assert.Throws<DealLensException>(() => DealLensDatabase.Open(builder.ConnectionString, TimeProvider.System));

        Assert.StartsWith($"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}: no such database on the server; create it", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(builder.Password!, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Issue21_Open_NothingListening_CannotReachServer()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var location = DatabaseLocation.Parse($"Host=127.0.0.1;Port={port};Database=deallens;Username=ana;Password=s3cret-pw;Timeout=5");

        var ex = Assert.Throws<DealLensException>(() => DealLensDatabase.Open(location.Value, TimeProvider.System));

        Assert.StartsWith($"postgresql://ana@127.0.0.1:{port}/deallens: cannot reach the PostgreSQL server", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", ex.ToString(), StringComparison.Ordinal);
    }
}
