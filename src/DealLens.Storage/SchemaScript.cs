namespace DealLens.Storage;

/// <summary>One numbered migration: <c>Schema/NNNN_name.sql</c> brings the database to <see cref="Version"/>.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql);
