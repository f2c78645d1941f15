using System.Diagnostics;
using System.Text.RegularExpressions;
using DealLens.Core.Clauses.Rules;

namespace DealLens.Core.Clauses.Catalog;

/// <summary>One problem <see cref="ClauseCatalogCheck"/> found: the catalog file, what is wrong, and the text concerned.</summary>
public sealed record CatalogProblem(string Source, string Kind, string Message);

/// <summary>The outcome of <see cref="ClauseCatalogCheck.Run"/>: examples run, patterns linted, problems found.</summary>
public sealed record CatalogCheckResult(int Examples, int Patterns, IReadOnlyList<CatalogProblem> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// <c>deallens rules check</c>: runs every <c>fires:</c> / <c>silent:</c> example of the catalog through the rule set,
/// and lints every pattern: it must compile, keep its gaps bounded (no <c>.*</c>, no <c>[^x]+</c>), have no nested
/// quantifier, and finish quickly on a long hostile text.
/// </summary>
public static partial class ClauseCatalogCheck
{
    // Long enough to make a catastrophic pattern show itself, short enough to cost nothing for a sound one.
    private static readonly string s_hostile = string.Concat(Enumerable.Repeat("shall pay not less than the minimum whether or not used, ", 120)) + new string('a', 4000);

    private static readonly TimeSpan s_slow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs every example against <paramref name="rules"/> and, when given, the lone-clause rules <paramref name="lone"/>
    /// (an example of a lone-clause rule is a lone sentence), and lints every pattern of every rule.
    /// </summary>
    public static CatalogCheckResult Run(ClauseCatalog catalog, ClauseRuleSet rules, ClauseRuleSet? lone = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<CatalogProblem>();
        var examples = 0;
        foreach (var entry in catalog.Entries)
        {
            foreach (var (sentences, expected) in new[] { (entry.Fires, true), (entry.Silent, false) })
            {
                foreach (var sentence in sentences)
                {
                    examples++;
                    IReadOnlyList<ClauseRuleMatch> matches = lone is null ? rules.MatchAll(sentence) : [.. rules.MatchAll(sentence), .. lone.MatchAll(sentence)];
                    var fired = matches.Any(m => m.Type == entry.Id);
                    if (fired != expected)
                    {
                        problems.Add(new CatalogProblem(
                            entry.Source,
                            expected ? "fires" : "silent",
                            expected
                                ? $"no {entry.Id} rule matches: \"{sentence}\""
                                : $"{string.Join(", ", matches.Where(m => m.Type == entry.Id).Select(m => m.RuleName))} matches: \"{sentence}\""));
                    }
                }
            }
        }

        var patterns = 0;
        foreach (var entry in catalog.Entries)
        {
            foreach (var rule in entry.Rules)
            {
                foreach (var pattern in rule.Patterns.Concat(rule.Exclusions))
                {
                    patterns++;
                    foreach (var problem in Lint(pattern))
                    {
                        problems.Add(new CatalogProblem(entry.Source, "pattern", $"rule '{rule.Name}': {problem}"));
                    }
                }

                foreach (var keyword in rule.Keywords.Where(k => k.Trim().Length == 0))
                {
                    problems.Add(new CatalogProblem(entry.Source, "pattern", $"rule '{rule.Name}': an empty keyword lets every span through"));
                }
            }
        }

        return new CatalogCheckResult(examples, patterns, problems);
    }

    /// <summary>What is wrong with one pattern as written in the catalog (empty when nothing is).</summary>
    public static IReadOnlyList<string> Lint(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var problems = new List<string>();
        Regex regex;
        try
        {
            // Compiled as ClauseRuleSet compiles it: a plain space stands for white space.
            regex = new Regex(
                pattern.Replace(" ?", @"\s*", StringComparison.Ordinal).Replace(" ", @"\s+", StringComparison.Ordinal),
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
                TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException ex)
        {
            return [$"does not compile: {ex.Message}"];
        }

        if (UnboundedGap().IsMatch(pattern))
        {
            problems.Add("an unbounded gap (.* .+ [^x]* [^x]+); bound it, e.g. [^.;]{0,60}");
        }

        if (NestedQuantifier().IsMatch(pattern))
        {
            problems.Add("a quantified group that itself ends in a quantifier, which can backtrack without end");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            regex.IsMatch(s_hostile);
        }
        catch (RegexMatchTimeoutException)
        {
        }

        if (clock.Elapsed > s_slow)
        {
            problems.Add($"took {clock.Elapsed.TotalMilliseconds:0} ms on a long text; look for overlapping alternatives under a quantifier");
        }

        return problems;
    }

    // A gap that can cross a sentence: ".*", ".+", or a negated class that lets both "." and white space through.
    // "[^.;]*" stops at the sentence's end and "[^\s.;]+" is one word, so neither is flagged.
    [GeneratedRegex(@"(?<!\\)(?:\.|\[\^(?![^\]]*(?:\\s|\.))[^\]]*\])[*+]", RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex UnboundedGap();

    // "(\w+)+", "(?:\s*[a-z]+)*": a repeated group that starts with a class and ends in a quantifier. A group that starts
    // with a literal ("(?:\.[0-9]+)+") cannot split its input two ways and is fine.
    [GeneratedRegex(@"\((?:\?:)?(?:\\[wsdWSD]|\[[^\]]*\]|\.)(?:[^()\\]|\\.)*(?<!\\)[*+]\)[*+]", RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex NestedQuantifier();
}
