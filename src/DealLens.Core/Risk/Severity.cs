using System.Text.Json.Serialization;
using DealLens.Core.Output;

namespace DealLens.Core.Risk;

/// <summary>
/// How bad a finding is; reports list the most severe first. Written as "high", "medium", "low" in text, JSON and the
/// database (see <see cref="Vocabulary"/>); any other word is refused when read.
/// </summary>
[JsonConverter(typeof(VocabularyJsonConverter<Severity>))]
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public static class SeverityRanks
{
    extension(Severity)
    {
        /// <summary>The order findings are listed in, most severe highest (high 3, medium 2, low 1), as stored in ClauseRows.FlagRank.</summary>
        public static int Rank(Severity severity) => (int)severity;
    }
}
