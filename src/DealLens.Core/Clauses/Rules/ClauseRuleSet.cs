using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DealLens.Core.Clauses.Catalog;

namespace DealLens.Core.Clauses.Rules;

/// <summary>
/// A compiled set of <see cref="ClauseRule"/>s. Regexes are built once, when the set is constructed, so build a
/// set once and reuse it (it is immutable and safe to share between threads).
/// </summary>
public sealed class ClauseRuleSet
{
    /// <summary>
    /// Per-regex time limit used when none is given. Patterns are bounded and a span is clause-sized, so a match
    /// takes microseconds; the limit only guards against a pathological input, and is generous so that a busy
    /// machine (thread descheduled, first-call JIT; 1-2 s limits were seen to expire under load) never turns a
    /// real match into a miss.
    /// </summary>
    public static TimeSpan DefaultMatchTimeout { get; } = DealLens.Core.Text.RegexTimeouts.Limit;

    // Declared after DefaultMatchTimeout: static initialisers run in text order.
    /// <summary>DealLens's built-in rules for every clause type, from the clause catalog (see <see cref="ClauseCatalog"/>).</summary>
    public static ClauseRuleSet Default { get; } = new(ClauseCatalog.Default.Rules);

    /// <summary>The catalog's lone-clause rules (<c>scope: lone</c>), read only in a document read as a lone clause.</summary>
    public static ClauseRuleSet Lone { get; } = new(ClauseCatalog.Default.LoneRules);

    // Interpreted, not RegexOptions.Compiled: see NumberWords.Options (cold start, issue #8).
    private const RegexOptions PatternOptions =
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private readonly CompiledRule[] _compiled;

    public ClauseRuleSet(IEnumerable<ClauseRule> rules, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var timeout = matchTimeout ?? DefaultMatchTimeout;
        Rules = [.. rules];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (!ClauseTypes.IsKnown(rule.Type))
            {
                throw new ArgumentException($"Rule '{rule.Name}' has unknown clause type '{rule.Type}'.", nameof(rules));
            }

            if (rule.Confidence is < 0 or > 1)
            {
                throw new ArgumentException($"Rule '{rule.Name}' has confidence {rule.Confidence} outside [0, 1].", nameof(rules));
            }

            if (rule.Patterns.Count == 0)
            {
                throw new ArgumentException($"Rule '{rule.Name}' has no pattern.", nameof(rules));
            }

            if (!names.Add(rule.Name))
            {
                throw new ArgumentException($"Rule name '{rule.Name}' is used twice.", nameof(rules));
            }
        }

        Fingerprint = FingerprintOf(Rules);
        ObligationTypes = Rules.Where(r => r.RequiresObligation).Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        _compiled = [.. Rules.Select(r => new CompiledRule(
            r,
            [.. r.Patterns.Select(p => Compile(p, timeout))],
            [.. r.Exclusions.Select(p => Compile(p, timeout))]))];
    }

    public IReadOnlyList<ClauseRule> Rules { get; }

    /// <summary>
    /// "rules:" and 12 hex digits of SHA-256 over every rule's type, name, confidence, keywords, patterns and
    /// exclusions, in order. A model trained on rule features records it (<see cref="Learning.ClauseModelInfo.RulesFingerprint"/>).
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The clause types whose rules require an obligation (<see cref="ClauseRule.RequiresObligation"/>).</summary>
    public IReadOnlySet<string> ObligationTypes { get; }

    /// <summary>
    /// The clause types <paramref name="text"/> matches, each with the confidence of its strongest matching
    /// rule, in rule order.
    /// </summary>
    public IReadOnlyList<ClauseRuleMatch> Match(ReadOnlySpan<char> text)
    {
        List<ClauseRuleMatch>? matches = null;
        IReadOnlyList<string>? items = null;
        foreach (var compiled in _compiled)
        {
            var rule = compiled.Rule;
            var index = matches?.FindIndex(m => m.Type == rule.Type) ?? -1;
            if (index >= 0 && matches![index].Confidence >= rule.Confidence)
            {
                // A stronger rule of this type has already matched; this one cannot raise the score.
                continue;
            }

            if (!IsMatch(compiled, text, ref items))
            {
                continue;
            }

            matches ??= [];
            var match = new ClauseRuleMatch(rule.Type, rule.Confidence, rule.Name);
            if (index >= 0)
            {
                matches[index] = match;
            }
            else
            {
                matches.Add(match);
            }
        }

        return matches is null ? [] : matches;
    }

    /// <summary>Every rule that matches <paramref name="text"/>, in rule order (several per type when several match).</summary>
    public IReadOnlyList<ClauseRuleMatch> MatchAll(ReadOnlySpan<char> text)
    {
        List<ClauseRuleMatch>? matches = null;
        IReadOnlyList<string>? items = null;
        foreach (var compiled in _compiled)
        {
            if (IsMatch(compiled, text, ref items))
            {
                matches ??= [];
                matches.Add(new ClauseRuleMatch(compiled.Rule.Type, compiled.Rule.Confidence, compiled.Rule.Name));
            }
        }

        return matches is null ? [] : matches;
    }

    /// <summary>
    /// What <see cref="Match"/> returns, computed from the result of <see cref="MatchAll"/> on the same text: per type
    /// the first rule with the highest confidence, types in the order their first rule matched.
    /// </summary>
    public static IReadOnlyList<ClauseRuleMatch> Strongest(IReadOnlyList<ClauseRuleMatch> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (all.Count <= 1)
        {
            return all;
        }

        var matches = new List<ClauseRuleMatch>();
        foreach (var match in all)
        {
            var index = matches.FindIndex(m => m.Type == match.Type);
            if (index < 0)
            {
                matches.Add(match);
            }
            else if (matches[index].Confidence < match.Confidence)
            {
                matches[index] = match;
            }
        }

        return matches;
    }

    // A rule matches the span, or one item of a list in it with the list's lead-in (see ListItems): "either party may
    // terminate ... (a) at any time upon 30 days' notice, (b) if the other party breaches" is a termination for
    // convenience although "breach" excludes the span as a whole. The items are read once per span, when first needed.
    private static bool IsMatch(CompiledRule compiled, ReadOnlySpan<char> text, ref IReadOnlyList<string>? items)
    {
        if (compiled.Rule.Keywords.Count > 0 && !ContainsAny(text, compiled.Rule.Keywords))
        {
            return false;
        }

        if (IsMatch(compiled, text))
        {
            return true;
        }

        items ??= ListItems.Of(text.ToString());
        foreach (var item in items)
        {
            if (IsMatch(compiled, item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMatch(CompiledRule compiled, ReadOnlySpan<char> text)
    {
        if (compiled.Rule.RequiresObligation && !ObligationReader.CanBind(text))
        {
            return false;
        }

        try
        {
            foreach (var pattern in compiled.Patterns)
            {
                if (!pattern.IsMatch(text))
                {
                    return false;
                }
            }

            foreach (var exclusion in compiled.Exclusions)
            {
                if (exclusion.IsMatch(text))
                {
                    return false;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological span (a run-on table) is not worth stalling the document for: treat as no match.
            return false;
        }

        return true;
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, IReadOnlyList<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string FingerprintOf(IReadOnlyList<ClauseRule> rules)
    {
        var canonical = new StringBuilder();
        foreach (var rule in rules)
        {
            canonical.Append(rule.Type).Append('\u001f').Append(rule.Name).Append('\u001f')
                .Append(rule.Confidence.ToString("R", CultureInfo.InvariantCulture)).Append('\u001f');
            foreach (var part in new[] { rule.Keywords, rule.Patterns, rule.Exclusions })
            {
                canonical.AppendJoin('\u001d', part).Append('\u001f');
            }

            if (rule.RequiresObligation)
            {
                canonical.Append("requires obligation");
            }

            canonical.Append('\u001e');
        }

        return "rules:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..12];
    }

    // A plain space in a rule pattern stands for any run of white space and " ?" for optional white space:
    // PDF text breaks lines anywhere.
    private static Regex Compile(string pattern, TimeSpan timeout)
        => new(
            pattern.Replace(" ?", @"\s*", StringComparison.Ordinal).Replace(" ", @"\s+", StringComparison.Ordinal),
            PatternOptions,
            timeout);

    private sealed record CompiledRule(ClauseRule Rule, Regex[] Patterns, Regex[] Exclusions);
}

/// <summary>A clause type a span matched, with the confidence and name of the strongest rule that matched.</summary>
public readonly record struct ClauseRuleMatch(string Type, double Confidence, string RuleName);
