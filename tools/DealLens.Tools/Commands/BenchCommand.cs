using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DealLens.Cli;
using DealLens.Core;
using DealLens.Core.Risk;
using DealLens.Tools.Bench;

namespace DealLens.Tools.Commands;

/// <summary>
/// <c>deallens-tools bench</c>: the pipeline benchmarks of issue #8 against their targets (<see cref="Bench.BenchSuite"/>);
/// <c>bench graph</c>: times the cycle search and scoring of <c>risk</c> on a random money graph (500 companies,
/// 5,000 relations in under a second). Targets are measured here, never asserted in unit tests.
/// </summary>
public static partial class BenchCommand
{
    /// <summary>Share of relations that are financing; the rest are purchase commitments, as in real deal flow.</summary>
    private const double FinancingShare = 0.2;

    private static readonly string[] s_financingKinds =
        [RelationKinds.Equity, RelationKinds.Loan, RelationKinds.Warrant, RelationKinds.Backstop, RelationKinds.Prepayment];

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var companies = new Option<int>("--companies") { Description = "Companies in the random graph.", DefaultValueFactory = _ => 500 };
        var relations = new Option<int>("--relations") { Description = "Money relations in the random graph.", DefaultValueFactory = _ => 5000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random graph (same seed, same graph).", DefaultValueFactory = _ => 42 };
        var runs = new Option<int>("--runs") { Description = "Timed runs; the median is reported.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Write the result as one JSON document." };
        var graph = new Command("graph", "Time cycle search + scoring (as `risk` does) on a random money graph.")
        {
            companies, relations, seed, runs, json,
        };
        graph.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context, parse.GetValue(companies), parse.GetValue(relations), parse.GetValue(seed), parse.GetValue(runs), parse.GetValue(json), ct), cancellationToken));
        var bench = new Command("bench", "Benchmarks: extraction against pdftotext, analyze throughput, peak memory, time against size, SQLite, cold start.")
        {
            graph, IncrementalScoringBench.Create(context),
        };
        AddSuite(bench, context);
        return bench;
    }

    private static async Task<int> RunAsync(CliContext context, int companies, int relations, int seed, int runs, bool json, CancellationToken cancellationToken)
    {
        if (companies < 2)
        {
            throw new DealLensException("--companies must be at least 2");
        }

        if (relations < 1)
        {
            throw new DealLensException("--relations must be at least 1");
        }

        if (runs < 1)
        {
            throw new DealLensException("--runs must be at least 1");
        }

        var graph = RandomGraph(companies, relations, new Random(seed));
        var scorer = new RiskScorer(RiskOptions.Default);
        var times = new List<double>(runs);
        var cycles = 0;
        for (var run = 0; run < runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = context.Time.GetTimestamp();
            cycles = scorer.Cycles(graph).Count;
            _ = scorer.Concentration(graph);
            times.Add(context.Time.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        if (json)
        {
            var result = new Dictionary<string, object>
            {
                ["companies"] = companies,
                ["relations"] = relations,
                ["seed"] = seed,
                ["runs"] = runs,
                ["cycles"] = cycles,
                ["median_ms"] = Math.Round(median, 1),
                ["min_ms"] = Math.Round(times[0], 1),
                ["max_ms"] = Math.Round(times[^1], 1),
            };
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(result));
        }
        else
        {
            await context.Out.WriteLineAsync(FormattableString.Invariant(
                $"bench graph: {companies} companies, {relations} relations (seed {seed}), {runs} run{(runs == 1 ? "" : "s")}"));
            await context.Out.WriteLineAsync(FormattableString.Invariant($"cycles: {cycles} financing cycles"));
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"median {median:0.0} ms  min {times[0]:0.0} ms  max {times[^1]:0.0} ms"));
        }

        return ExitCodes.Ok;
    }

    /// <summary>A deterministic random money graph: 80 % purchases, 20 % financing, a few amounts unknown.</summary>
    internal static MoneyGraph RandomGraph(int companies, int relations, Random random)
    {
        var keys = Enumerable.Range(0, companies).Select(i => FormattableString.Invariant($"company {i:0000}")).ToList();
        var list = new List<MoneyRelation>(relations);
        for (var i = 0; i < relations; i++)
        {
            var from = random.Next(companies);
            var to = random.Next(companies - 1);
            to = to >= from ? to + 1 : to;
            var kind = random.NextDouble() < FinancingShare ? s_financingKinds[random.Next(s_financingKinds.Length)] : RelationKinds.Purchase;
            decimal? amount = kind == RelationKinds.Warrant || random.Next(20) == 0 ? null : random.Next(1, 10_000) * 1_000_000m;
            list.Add(new MoneyRelation(
                FormattableString.Invariant($"r{i:00000}"), keys[from], keys[to], kind, amount, amount is null ? null : "USD",
                Binding: random.Next(10) != 0, Redacted: false, VestsOnPurchaseMilestones: false,
                [new RelationEvidence(FormattableString.Invariant($"bench/{i:00000}.txt"), null, kind)]));
        }

        var companyList = keys.Select(k => new Company(CompanyNames.ToId(k), k, k, [k])).ToList();
        return new MoneyGraph(companyList, list, []);
    }
}
