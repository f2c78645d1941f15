using System.Globalization;
using Dapper;

namespace DealLens.Storage;

/// <summary>Stored evaluation results (EvalRuns, Schema/0002_eval_runs.sql).</summary>
public sealed class EvalRunStore
{
    private readonly DealLensDatabase _database;

    internal EvalRunStore(DealLensDatabase database) => _database = database;

    /// <summary>Stores an eval result; <see cref="EvalRun.Id"/> and <see cref="EvalRun.RanAt"/> are assigned here.</summary>
    public Task<long> SaveEvalRunAsync(EvalRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var ranAt = _database.Now();
        return _database.UseAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO EvalRuns (RanAt, Extractor, ModelVersion, PromptVersion, Labels, CrossValidated, Documents,
                                  FailedDocuments, MacroF1Core, MinimumCommitmentF1, ClausePrecisionCore, Grounding, ReportJson)
            VALUES (@RanAt, @Extractor, @ModelVersion, @PromptVersion, @Labels, @CrossValidated, @Documents,
                    @FailedDocuments, @MacroF1Core, @MinimumCommitmentF1, @ClausePrecisionCore, @Grounding, @ReportJson)
            RETURNING Id
            """,
            new
            {
                RanAt = ranAt,
                run.Extractor,
                run.ModelVersion,
                run.PromptVersion,
                run.Labels,
                CrossValidated = run.CrossValidated ? 1 : 0,
                run.Documents,
                run.FailedDocuments,
                run.MacroF1Core,
                run.MinimumCommitmentF1,
                run.ClausePrecisionCore,
                run.Grounding,
                run.ReportJson,
            },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Stored eval results, newest first.</summary>
    public Task<IReadOnlyList<EvalRun>> ListEvalRunsAsync(int limit, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<EvalRun>>(async connection =>
        {
            var rows = await connection.QueryAsync<EvalRunRow>(new CommandDefinition(
                "SELECT * FROM EvalRuns ORDER BY Id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken));
            return rows.Select(r => new EvalRun(
                r.Id,
                DateTimeOffset.Parse(r.RanAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                r.Extractor,
                r.ModelVersion,
                r.PromptVersion,
                r.Labels,
                r.CrossValidated != 0,
                (int)r.Documents,
                (int)r.FailedDocuments,
                r.MacroF1Core,
                r.MinimumCommitmentF1,
                r.ClausePrecisionCore,
                r.Grounding,
                r.ReportJson)).ToList();
        }, cancellationToken);

    private sealed class EvalRunRow
    {
        public long Id { get; init; }
        public string RanAt { get; init; } = "";
        public string Extractor { get; init; } = "";
        public string? ModelVersion { get; init; }
        public string? PromptVersion { get; init; }
        public string Labels { get; init; } = "";
        public long CrossValidated { get; init; }
        public long Documents { get; init; }
        public long FailedDocuments { get; init; }
        public double MacroF1Core { get; init; }
        public double MinimumCommitmentF1 { get; init; }
        public double ClausePrecisionCore { get; init; }
        public double Grounding { get; init; }
        public string ReportJson { get; init; } = "";
    }
}
