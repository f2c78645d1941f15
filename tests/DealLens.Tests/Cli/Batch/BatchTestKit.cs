using System.Text.Json;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Cli.Batch;

/// <summary>Shared helpers for the batch tests: sample bytes, a unique text contract, database queries.</summary>
internal static class BatchTestKit
{
    public const string UserAgent = "DealLens Tests tests@example.com";

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "contracts", name));

    /// <summary>A small contract whose text (and so hash) is unique to <paramref name="n"/>.</summary>
    public static string Contract(int n) => $"""
        CAPACITY RESERVATION AGREEMENT NO. {n}

        This Agreement No. {n} is entered into by and between Nimbus Compute, Inc. ("Provider") and Helios AI Labs, LLC ("Customer").

        1. Customer shall pay the Monthly Reserved Capacity Fee of ${n},000,000 whether or not Customer uses the Reserved Capacity.

        2. This Agreement shall be governed by the laws of the State of New York.
        """;

    public static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement.Clone();

    public static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static long Scalar(string db, string sql)
    {
        using var connection = Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<(string Sha256, long Count)> AnalyzedCounts(string db)
    {
        using var connection = Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sha256, count(*) FROM RunDocuments WHERE Status = 'analyzed' GROUP BY Sha256";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
