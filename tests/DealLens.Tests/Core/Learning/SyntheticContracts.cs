using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Learning;

/// <summary>Small generated contracts in which governing-law sentences are the positives.</summary>
internal static class SyntheticContracts
{
    private static readonly string[] s_states = ["New York", "Delaware", "California", "Texas", "England and Wales", "Ontario"];

    private static readonly string[] s_fillers =
    [
        "The Supplier shall deliver the Products to the Customer within thirty days of each order.",
        "Each party shall keep the other party's confidential information secret.",
        "The Customer shall pay every invoice within forty-five days of receipt.",
        "Notices shall be sent by registered mail to the addresses set out above.",
        "The Supplier warrants that the Products will conform to the specifications.",
        "This Agreement may be executed in counterparts, each of which is an original.",
        "The headings in this Agreement are for convenience only.",
        "The Customer may inspect the Supplier's facilities on reasonable notice.",
    ];

    private static readonly string[] s_lawTemplates =
    [
        "This Agreement shall be governed by and construed in accordance with the laws of the State of {0}.",
        "The laws of {0} govern this Agreement, without regard to its conflict of laws principles.",
        "This Agreement is governed by the laws of {0}.",
    ];

    public static List<TrainingContract> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var contracts = new List<TrainingContract>();
        for (var i = 0; i < count; i++)
        {
            var hasLaw = i % 2 == 0;
            var (text, law) = Build(random, hasLaw);
            var snippets = new Dictionary<string, IReadOnlyList<string>>
            {
                [ClauseTypes.GoverningLaw] = law is null ? [] : [law],
            };
            contracts.Add(new TrainingContract($"c{i:D3}", DocumentText.FromPages([text], DocumentFormat.Text), snippets));
        }

        return contracts;
    }

    public static (string Text, string? Law) Build(Random random, bool hasLaw)
    {
        var sentences = Enumerable.Range(0, 6).Select(_ => s_fillers[random.Next(s_fillers.Length)]).ToList();
        string? law = null;
        if (hasLaw)
        {
            law = string.Format(System.Globalization.CultureInfo.InvariantCulture, s_lawTemplates[random.Next(s_lawTemplates.Length)], s_states[random.Next(s_states.Length)]);
            sentences.Insert(random.Next(sentences.Count + 1), law);
        }

        return (string.Join(" ", sentences), law);
    }

    public static ClauseTrainerOptions Options(long seed = 7) => new()
    {
        Types = [ClauseTypes.GoverningLaw],
        Features = new ClauseFeatureOptions { HashBits = 14 },
        Seed = seed,
        Epochs = 5,
        Folds = 3,
        // Generated contracts share most sentences; grouping them as near-copies would leave one fold.
        GroupNearDuplicates = false,
        MaxDegreeOfParallelism = 2,
        Info = new ClauseModelInfo { Data = "synthetic", TrainedOn = "2025-01-01" },
    };
}
