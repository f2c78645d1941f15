using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Catalog;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Evaluation;
using DealLens.Core.Output;
using DealLens.Core.Review;
using YamlDotNet.RepresentationModel;

namespace DealLens.Tests.Core.Catalog;

public sealed class ClauseCatalogTests
{
    private const string Shared = "words:\n  near: '[^.;]{0,60}'\nlists:\n  hedged:\n    - '\\bsubject to availability'\n";

    public static TheoryData<string, string, bool> Examples()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var entry in ClauseCatalog.Default.Entries)
        {
            foreach (var sentence in entry.Fires)
            {
                data.Add(entry.Id, sentence, true);
            }

            foreach (var sentence in entry.Silent)
            {
                data.Add(entry.Id, sentence, false);
            }
        }

        return data;
    }

    // The fires:/silent: examples of every catalog file, one test each.
    [Theory]
    [MemberData(nameof(Examples))]
    public void Match_CatalogExample_FiresOrStaysSilentAsTheCatalogSays(string type, string sentence, bool fires)
    {
        var matched = ClauseRuleSet.Default.MatchAll(sentence).Concat(ClauseRuleSet.Lone.MatchAll(sentence)).Any(m => m.Type == type);

        Assert.Equal(fires, matched);
    }

    [Fact]
    public void Check_DefaultCatalog_EveryExamplePassesAndEveryPatternLintsClean()
    {
        var result = ClauseCatalogCheck.Run(ClauseCatalog.Default, ClauseRuleSet.Default, ClauseRuleSet.Lone);

        Assert.True(result.Passed, string.Join("\n", result.Problems.Select(p => $"{p.Source}: {p.Message}")));
        Assert.True(result.Examples >= 200, $"{result.Examples} examples");
        Assert.Equal(ClauseCatalog.Default.Rules.Concat(ClauseCatalog.Default.LoneRules).Sum(r => r.Patterns.Count + r.Exclusions.Count), result.Patterns);
    }

    [Fact]
    public void Issue19_LoneRules_AreNotInTheModelRuleSetAndLeaveItsFingerprint()
    {
        var catalog = ClauseCatalog.Default;

        Assert.NotEmpty(catalog.LoneRules);
        Assert.All(catalog.LoneRules, r => Assert.True(r.LoneOnly));
        Assert.DoesNotContain(ClauseRuleSet.Default.Rules, r => r.LoneOnly);
        Assert.Equal(new ClauseRuleSet(catalog.Rules).Fingerprint, ClauseRuleSet.Default.Fingerprint);
        Assert.NotEqual(new ClauseRuleSet([.. catalog.Rules, .. catalog.LoneRules]).Fingerprint, ClauseRuleSet.Default.Fingerprint);
    }

    [Fact]
    public void Default_EveryClauseTypeHasOneFileWithRulesAndExamples()
    {
        var catalog = ClauseCatalog.Default;

        Assert.Equal(ClauseTypes.All.Order(StringComparer.Ordinal), catalog.Entries.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(catalog.Entries, e => Assert.Equal(e.Id + ".yaml", e.Source));
        Assert.All(catalog.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        Assert.Equal(ClauseRuleSet.Default.Rules, catalog.Rules);
    }

    [Fact]
    public void Default_CuadCategory_AgreesWithTheScorersMapping()
    {
        foreach (var entry in ClauseCatalog.Default.Entries)
        {
            Assert.Equal(CuadCategories.ForClauseType(entry.Id), entry.CuadCategory);
        }
    }

    [Fact]
    public void Default_Severity_AgreesWithTheReviewQueue()
    {
        var review = ReviewFlaggingOptions.Default;
        foreach (var entry in ClauseCatalog.Default.Entries)
        {
            var expected = entry.Id == ClauseTypes.ChipAccess ? Vocabulary.Name(review.ChipAccessSeverity)
                : review.TypeSeverity.TryGetValue(entry.Id, out var severity) ? Vocabulary.Name(severity)
                : "none";
            Assert.True(string.Equals(expected, entry.Severity, StringComparison.OrdinalIgnoreCase), $"{entry.Id}: catalog {entry.Severity}, review queue {expected}");
        }
    }

    [Fact]
    public void PromptText_ListsEveryTypeWithItsCatalogDescription()
    {
        var text = ClauseCatalog.Default.PromptText();

        Assert.StartsWith(string.Join(", ", ClauseTypes.All), text, StringComparison.Ordinal);
        Assert.All(ClauseCatalog.Default.Entries, e => Assert.Contains($"- {e.Id}: {e.Description}", text, StringComparison.Ordinal));
    }

    // Every catalog file means the same to a full YAML parser as to the catalog's own reader.
    [Fact]
    public void Parse_EveryCatalogFile_EqualsWhatYamlDotNetReads()
    {
        var assembly = typeof(ClauseCatalog).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("DealLens.Core.Clauses.Catalog.", StringComparison.Ordinal)).ToList();
        Assert.True(names.Count > 20);
        foreach (var name in names)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var text = reader.ReadToEnd();
            var stream = new YamlStream();
            stream.Load(new StringReader(text));

            Assert.True(Same(CatalogYaml.Parse(text, name), stream.Documents[0].RootNode), name);
        }
    }

    [Fact]
    public void Load_NewTypeFile_AddsItsRulesExpandingNamedPiecesAndLists()
    {
        var file = "id: take_or_pay\norder: 0\ngroup: contract\ncuad: none\nseverity: high\ndescription: 'Pay for it anyway.'\n"
            + "words:\n  money:\n    - pay\n    - fees?\nrules:\n  - name: x.pay-anyway\n    confidence: 0.9\n    patterns:\n      - '\\b{{money}}\\b{{near}}\\banyway\\b'\n"
            + "    exclusions:\n      - '@hedged'\n      - '\\bmay\\b'\nfires:\n  - 'Customer shall pay anyway.'\nsilent:\n  - 'Customer may pay.'\n";

        var catalog = ClauseCatalog.Load([("_shared.yaml", Shared), ("take_or_pay.yaml", file)]);

        var rule = Assert.Single(catalog.Rules);
        Assert.Equal(@"\b(?:pay|fees?)\b[^.;]{0,60}\banyway\b", Assert.Single(rule.Patterns));
        Assert.Equal([@"\bsubject to availability", @"\bmay\b"], rule.Exclusions);
        Assert.True(ClauseCatalogCheck.Run(catalog, new ClauseRuleSet(catalog.Rules)).Passed);
    }

    [Theory]
    [InlineData("id: other\n", "must match the file name")]
    [InlineData("id: take_or_pay\norder: 0\ngroup: contract\ncuad: none\nseverity: urgent\ndescription: x\n", "severity 'urgent'")]
    [InlineData("id: take_or_pay\norder: 0\ngroup: contract\ncuad: none\nseverity: high\ndescription: x\nrules:\n  - name: a\n    confidence: 0.5\n    patterns:\n      - '{{nowhere}}'\nfires:\n  - a\nsilent:\n  - b\n", "unknown named piece '{{nowhere}}'")]
    [InlineData("id: take_or_pay\norder: 0\ngroup: contract\ncuad: none\nseverity: high\ndescription: x\nrules:\n  - name: a\n    confidence: 0.5\n    patterns:\n      - 'pay'\n", "at least one 'fires:'")]
    [InlineData("id: take_or_pay\n\tbad: tab\n", ":2: tabs are not allowed")]
    [InlineData("id: take_or_pay\nrules: [a, b]\n", ":2: write this value in 'single quotes'")]
    [InlineData("id: take_or_pay\nmood: calm\n", "unknown key 'mood'")]
    [InlineData("id: take_or_pay\norder: 0\ngroup: contract\ncuad: none\nseverity: high\ndescription: x\nrules:\n  - name: a\n    confidence: 0.5\n    scope: everywhere\n    patterns:\n      - 'pay'\nfires:\n  - pay\nsilent:\n  - b\n", "scope 'everywhere' is not known")]
    public void Load_BadFile_ThrowsNamingTheFileAndTheProblem(string text, string expected)
    {
        var ex = Assert.Throws<DealLensException>(() => ClauseCatalog.Load([("_shared.yaml", Shared), ("take_or_pay.yaml", text)]));

        Assert.Contains("take_or_pay.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\bpay\b.*\bregardless\b", "unbounded gap")]
    [InlineData(@"\bpay\b[^;]+\bregardless\b", "unbounded gap")]
    [InlineData(@"(?:\s*[a-z]+)*x", "quantified group")]
    [InlineData(@"\bpay(", "does not compile")]
    public void Lint_RiskyPattern_IsReported(string pattern, string expected)
    {
        Assert.Contains(ClauseCatalogCheck.Lint(pattern), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(@"\bpay\b[^.;]{0,60}\bregardless\b")]
    [InlineData(@"(?![^.;]*\bbreach)\bnotice\b")]
    [InlineData(@"(?:\s+[^\s.;]+){0,8}?\s+increase")]
    [InlineData(@"[0-9]+(?:\.[0-9]+)+ days")]
    public void Lint_BoundedPattern_IsClean(string pattern)
    {
        Assert.Empty(ClauseCatalogCheck.Lint(pattern));
    }

    [Fact]
    public void Check_ExampleThatDoesNotFire_IsAProblemNamingTheFile()
    {
        var file = "id: take_or_pay\norder: 0\ngroup: contract\ncuad: none\nseverity: high\ndescription: x\nrules:\n  - name: a\n    confidence: 0.5\n    patterns:\n      - '\\btake-or-pay\\b'\nfires:\n  - 'Customer shall pay whatever it uses.'\nsilent:\n  - 'This is a take-or-pay contract.'\n";
        var catalog = ClauseCatalog.Load([("_shared.yaml", Shared), ("take_or_pay.yaml", file)]);

        var result = ClauseCatalogCheck.Run(catalog, new ClauseRuleSet(catalog.Rules));

        Assert.Equal(2, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal("take_or_pay.yaml", p.Source));
        Assert.Contains(result.Problems, p => p.Kind == "fires");
        Assert.Contains(result.Problems, p => p.Kind == "silent" && p.Message.StartsWith("a matches", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue19_ModelTrainedWithOtherRules_FailsToLoadWithAClearMessage()
    {
        var other = new ClauseRuleSet([.. ClauseRuleSet.Default.Rules.Skip(1)]);

        var ex = Assert.Throws<DealLensException>(() => new EmbeddedClauseExtractor(
            new RuleBasedClauseExtractor(new RuleBasedClauseExtractorOptions { Rules = other }), ClauseModel.LoadDefault()));

        Assert.Contains(ClauseRuleSet.Default.Fingerprint, ex.Message, StringComparison.Ordinal);
        Assert.Contains(other.Fingerprint, ex.Message, StringComparison.Ordinal);
        Assert.Contains("retrain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue19_ShippedModel_WasTrainedWithTheShippedRules()
    {
        Assert.Equal(ClauseRuleSet.Default.Fingerprint, ClauseModel.LoadDefault().Info.RulesFingerprint);
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyPartOfARule()
    {
        var rule = new ClauseRule(ClauseTypes.TakeOrPay, "a", 0.5, [@"\bpay\b"]);

        var fingerprints = new[]
        {
            new ClauseRuleSet([rule]).Fingerprint,
            new ClauseRuleSet([rule with { Confidence = 0.6 }]).Fingerprint,
            new ClauseRuleSet([rule with { Patterns = [@"\bpays\b"] }]).Fingerprint,
            new ClauseRuleSet([rule with { Exclusions = ["x"] }]).Fingerprint,
            new ClauseRuleSet([rule with { Keywords = ["pay"] }]).Fingerprint,
        };

        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
        Assert.Equal(fingerprints[0], new ClauseRuleSet([rule]).Fingerprint);
    }

    private static bool Same(object ours, YamlNode theirs) => (ours, theirs) switch
    {
        (string s, YamlScalarNode n) => s == n.Value,
        (List<object> list, YamlSequenceNode seq) => list.Count == seq.Children.Count && list.Zip(seq.Children).All(p => Same(p.First, p.Second)),
        (Dictionary<string, object> map, YamlMappingNode m) => map.Count == m.Children.Count
            && m.Children.All(c => c.Key is YamlScalarNode k && map.TryGetValue(k.Value!, out var v) && Same(v, c.Value)),
        _ => false,
    };
}
