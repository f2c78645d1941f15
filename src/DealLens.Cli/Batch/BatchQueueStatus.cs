using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLens.Core.Output;
using DealLens.Storage;

namespace DealLens.Cli.Batch;

/// <summary>One claim as `batch --status` reports it: held by a live run, or stale (the next run takes it over).</summary>
public sealed record ClaimStatus(string Path, long RunId, string State, string Reason, string? LeaseExpiresAt);

/// <summary>A batch run still marked running: alive (its process holds its lock), gone, or unknown (nothing can tell).</summary>
public sealed record RunningBatchRun(long RunId, string Liveness);

/// <summary>
/// `deallens batch --status`: the shared queue without changing it. Each claim is called <c>held</c> only when its run
/// is marked running, its process still holds its liveness lock and its lease has not run out; otherwise it is
/// <c>stale</c>, with the reason, and the next batch run takes it over (docs/batch-queue.md).
/// </summary>
public sealed record BatchQueueStatus(
    string Database,
    int Pending,
    int Done,
    int Quarantined,
    IReadOnlyList<ClaimStatus> Claims,
    IReadOnlyList<RunningBatchRun> Runs)
{
    public const string Held = "held";
    public const string Stale = "stale";

    public static async Task<BatchQueueStatus> LoadAsync(DealLensDatabase database, string databasePath, Func<string, string> display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(display);
        var state = await database.Batch.LoadQueueStateAsync(cancellationToken);
        var runIds = state.RunningRuns.Concat(state.Claims.Where(c => c.RunStatus == "running").Select(c => c.RunId)).Distinct().ToList();
        var alive = await RunLiveness.ProbeAsync(database.Batch, databasePath, "batch", runIds, cancellationToken);
        var claims = state.Claims.Select(c =>
        {
            var (claimState, reason) = Judge(c, alive.GetValueOrDefault(c.RunId));
            return new ClaimStatus(display(c.LocalPath), c.RunId, claimState, reason, c.ClaimExpiresAt);
        }).ToList();
        var runs = state.RunningRuns.Select(id => new RunningBatchRun(id, alive.GetValueOrDefault(id) switch
        {
            true => "alive",
            false => "gone",
            null => "unknown",
        })).ToList();
        return new BatchQueueStatus(
            DealLensSettings.DisplayName(databasePath),
            state.ItemsByStatus.GetValueOrDefault(BatchStatus.Pending),
            state.ItemsByStatus.GetValueOrDefault(BatchStatus.Done),
            state.ItemsByStatus.GetValueOrDefault(BatchStatus.Quarantined),
            claims,
            runs);
    }

    private static (string State, string Reason) Judge(BatchClaimRow claim, bool? alive)
    {
        if (claim.RunStatus is null)
        {
            return (Stale, $"run {claim.RunId} is not in the database");
        }

        if (claim.RunStatus != "running")
        {
            return (Stale, $"run {claim.RunId} ended ({claim.RunStatus}); the next batch run takes it over");
        }

        if (alive == false)
        {
            return (Stale, $"run {claim.RunId}'s process is gone (killed?); the next batch run takes it over");
        }

        if (claim.LeaseRunOut)
        {
            return (Stale, $"run {claim.RunId}'s lease ran out at {claim.ClaimExpiresAt}; the next batch run takes it over");
        }

        return alive == true
            ? (Held, $"run {claim.RunId} is analysing it (lease until {claim.ClaimExpiresAt})")
            : (Held, $"run {claim.RunId}'s process cannot be checked from here; its lease runs until {claim.ClaimExpiresAt}");
    }

    public string ToJson() => JsonSerializer.Serialize(this, DealLensJson.Compact);

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Queue of {Database}: {Pending} pending, {Done} done, {Quarantined} quarantined");
        var stale = Claims.Count(x => x.State == Stale);
        text.AppendLine(c, $"Claims:       {Claims.Count} ({Claims.Count - stale} held, {stale} stale)");
        foreach (var claim in Claims)
        {
            text.AppendLine(c, $"  {claim.State,-5}  {claim.Path}: {claim.Reason}");
        }

        text.AppendLine(c, $"Runs marked running: {(Runs.Count == 0 ? "none" : string.Join(", ", Runs.Select(r => $"{r.RunId} ({r.Liveness})")))}");
        return text.ToString();
    }
}

