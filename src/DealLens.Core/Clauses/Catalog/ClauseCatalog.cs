using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Clauses.Rules;

namespace DealLens.Core.Clauses.Catalog;

/// <summary>
/// One clause type of the catalog: what it means (the text the LLM prompt shows too), its CUAD category, how a
/// reviewer should weigh it, its rules, and example sentences its rules must (<see cref="Fires"/>) and must not
/// (<see cref="Silent"/>) match.
/// </summary>
/// <param name="Id">The clause type, as in JSON and in the database.</param>
/// <param name="Order">Position of the type's rules in the rule set (decides the order of matches within one span).</param>
/// <param name="Group">"contract" or "financing".</param>
/// <param name="CuadCategory">The CUAD category the type is scored against, or null.</param>
/// <param name="Severity">Review severity: high, medium, low or none (not flagged for its type alone).</param>
/// <param name="Description">Plain-language meaning; the LLM prompt lists it beside the type.</param>
/// <param name="Rules">The type's rules, in file order.</param>
/// <param name="Fires">Sentences some rule of the type must match.</param>
/// <param name="Silent">Sentences no rule of the type may match.</param>
/// <param name="Source">The catalog file the entry came from.</param>
public sealed record ClauseCatalogEntry(
    string Id,
    int Order,
    string Group,
    string? CuadCategory,
    string Severity,
    string Description,
    IReadOnlyList<ClauseRule> Rules,
    IReadOnlyList<string> Fires,
    IReadOnlyList<string> Silent,
    string Source);

/// <summary>
/// The clause catalog: one YAML file per clause type under Clauses/Catalog (embedded in DealLens.Core), plus
/// <c>_shared.yaml</c> with the named pattern pieces several types use. A pattern writes <c>{{name}}</c> for a named
/// piece (<c>words:</c>, a regex piece or a list of alternatives) and an exclusion or pattern list writes the item
/// <c>'@name'</c> for a named list of patterns (<c>lists:</c>). Adding a clause type is one new file with its examples.
/// </summary>
public sealed partial class ClauseCatalog
{
    private const string SharedFile = "_shared.yaml";
    private const string ResourcePrefix = "DealLens.Core.Clauses.Catalog.";

    private static readonly string[] s_groups = ["contract", "financing"];
    private static readonly string[] s_severities = ["high", "medium", "low", "none"];
    private static readonly string[] s_entryKeys = ["id", "order", "group", "cuad", "severity", "description", "requires", "words", "lists", "rules", "fires", "silent"];
    private static readonly string[] s_ruleKeys = ["name", "confidence", "keywords", "patterns", "exclusions", "scope"];

    private static readonly Lazy<ClauseCatalog> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private ClauseCatalog(IReadOnlyList<ClauseCatalogEntry> entries, IReadOnlyDictionary<string, string> sharedWords)
    {
        Entries = entries;
        SharedWords = sharedWords;
        Rules = [.. entries.SelectMany(e => e.Rules).Where(r => !r.LoneOnly)];
        LoneRules = [.. entries.SelectMany(e => e.Rules).Where(r => r.LoneOnly)];
    }

    /// <summary>The catalog embedded in DealLens.Core.</summary>
    public static ClauseCatalog Default => s_default.Value;

    /// <summary>One entry per clause type, in <see cref="ClauseCatalogEntry.Order"/>.</summary>
    public IReadOnlyList<ClauseCatalogEntry> Entries { get; }

    /// <summary>Every rule of every entry but the lone-clause ones, in entry order: the rule set <see cref="ClauseRuleSet.Default"/> is built from.</summary>
    public IReadOnlyList<ClauseRule> Rules { get; }

    /// <summary>The rules with <c>scope: lone</c>, in entry order: <see cref="ClauseRuleSet.Lone"/>.</summary>
    public IReadOnlyList<ClauseRule> LoneRules { get; }

    /// <summary>The named pattern pieces of <c>_shared.yaml</c>, expanded.</summary>
    public IReadOnlyDictionary<string, string> SharedWords { get; }

    /// <summary>
    /// The allowed types for the LLM prompt: the ids, comma-separated, then one line per type with its description,
    /// so the model and the embedded rules work from the same definitions.
    /// </summary>
    public string PromptText()
        => string.Join(", ", ClauseTypes.All) + "\n\nWhat each type means:\n"
            + string.Join("\n", ClauseTypes.All.Select(t => $"- {t}: {Find(t)?.Description ?? t.Replace('_', ' ')}"));

    /// <summary>The entry of <paramref name="id"/>, or null.</summary>
    public ClauseCatalogEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Reads a catalog from (file name, text) pairs: one <c>_shared.yaml</c> and one <c>&lt;id&gt;.yaml</c> per clause
    /// type. Throws a <see cref="DealLensException"/> naming the file and line of the first problem.
    /// </summary>
    public static ClauseCatalog Load(IEnumerable<(string Name, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files.ToList();
        var sharedText = all.Where(f => f.Name == SharedFile).Select(f => f.Text).FirstOrDefault();
        var shared = sharedText is null
            ? new Scope(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), null, SharedFile)
            : ReadScope(AsMap(CatalogYaml.Parse(sharedText, SharedFile), SharedFile, "the file"), null, SharedFile);
        var entries = new List<ClauseCatalogEntry>();
        foreach (var (name, text) in all.Where(f => f.Name != SharedFile).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            entries.Add(ReadEntry(name, text, shared));
        }

        foreach (var duplicate in entries.GroupBy(e => e.Order).Where(g => g.Count() > 1))
        {
            throw new DealLensException($"{string.Join(", ", duplicate.Select(e => e.Source))}: order {duplicate.Key} is used twice");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in entries.SelectMany(e => e.Rules.Select(r => (Entry: e, Rule: r))))
        {
            if (!names.Add(rule.Rule.Name))
            {
                throw new DealLensException($"{rule.Entry.Source}: rule name '{rule.Rule.Name}' is used twice in the catalog");
            }
        }

        return new ClauseCatalog(
            [.. entries.OrderBy(e => e.Order)],
            shared.Words.ToDictionary(w => w.Key, w => shared.Expand(w.Value, SharedFile), StringComparer.Ordinal));
    }

    private static ClauseCatalog LoadEmbedded()
    {
        var assembly = typeof(ClauseCatalog).Assembly;
        var files = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add((resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return files.Count == 0 ? throw new DealLensException("The clause catalog is missing from DealLens.Core.") : Load(files);
    }

    private static ClauseCatalogEntry ReadEntry(string file, string text, Scope shared)
    {
        var map = AsMap(CatalogYaml.Parse(text, file), file, "the file");
        foreach (var key in map.Keys.Where(k => !s_entryKeys.Contains(k)))
        {
            throw new DealLensException($"{file}: unknown key '{key}' (known: {string.Join(", ", s_entryKeys)})");
        }

        var id = Text(map, "id", file);
        if (!string.Equals(file, id + ".yaml", StringComparison.Ordinal))
        {
            throw new DealLensException($"{file}: id '{id}' must match the file name ({id}.yaml)");
        }

        if (!IdPattern().IsMatch(id))
        {
            throw new DealLensException($"{file}: id '{id}' must be lower_snake_case");
        }

        var order = int.TryParse(Text(map, "order", file), NumberStyles.None, CultureInfo.InvariantCulture, out var o)
            ? o
            : throw new DealLensException($"{file}: order must be a whole number");
        var group = OneOf(map, "group", s_groups, file);
        var severity = OneOf(map, "severity", s_severities, file);
        var cuad = Text(map, "cuad", file);
        var description = Text(map, "description", file);
        var scope = ReadScope(map, shared, file);
        var requiresObligation = map.ContainsKey("requires")
            && (Text(map, "requires", file) == "obligation" ? true : throw new DealLensException($"{file}: requires '{Text(map, "requires", file)}' is not known (known: obligation)"));
        var rules = new List<ClauseRule>();
        foreach (var (item, index) in AsList(Required(map, "rules", file), file, "rules").Select((r, i) => (r, i)))
        {
            rules.Add(ReadRule(AsMap(item, file, $"rules[{index}]"), id, scope, file) with { RequiresObligation = requiresObligation });
        }

        if (rules.Count == 0)
        {
            throw new DealLensException($"{file}: a clause type needs at least one rule");
        }

        var fires = Strings(map, "fires", file);
        var silent = Strings(map, "silent", file);
        if (fires.Count == 0 || silent.Count == 0)
        {
            throw new DealLensException($"{file}: give at least one 'fires:' and one 'silent:' example sentence");
        }

        return new ClauseCatalogEntry(id, order, group, cuad == "none" ? null : cuad, severity, description, rules, fires, silent, file);
    }

    private static ClauseRule ReadRule(Dictionary<string, object> map, string type, Scope scope, string file)
    {
        var name = Text(map, "name", file);
        foreach (var key in map.Keys.Where(k => !s_ruleKeys.Contains(k)))
        {
            throw new DealLensException($"{file}: rule '{name}': unknown key '{key}' (known: {string.Join(", ", s_ruleKeys)})");
        }

        if (!double.TryParse(Text(map, "confidence", file), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var confidence) || confidence is < 0 or > 1)
        {
            throw new DealLensException($"{file}: rule '{name}': confidence must be a number between 0 and 1");
        }

        var patterns = scope.ExpandList(Strings(map, "patterns", file), $"{file}: rule '{name}'");
        if (patterns.Count == 0)
        {
            throw new DealLensException($"{file}: rule '{name}' has no pattern");
        }

        return new ClauseRule(type, name, confidence, patterns)
        {
            Keywords = Strings(map, "keywords", file),
            Exclusions = scope.ExpandList(Strings(map, "exclusions", file), $"{file}: rule '{name}'"),
            LoneOnly = map.ContainsKey("scope")
                && (Text(map, "scope", file) == "lone" ? true : throw new DealLensException($"{file}: rule '{name}': scope '{Text(map, "scope", file)}' is not known (known: lone)")),
        };
    }

    private static Scope ReadScope(Dictionary<string, object> map, Scope? parent, string file)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.TryGetValue("words", out var w))
        {
            foreach (var (key, value) in AsMap(w, file, "words"))
            {
                // A list of words is a set of alternatives; a single text is a regex piece used as written.
                words[key] = value is string piece ? piece : "(?:" + string.Join("|", AsList(value, file, "words." + key).Select(x => AsText(x, file, "words." + key))) + ")";
            }
        }

        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (map.TryGetValue("lists", out var l))
        {
            foreach (var (key, value) in AsMap(l, file, "lists"))
            {
                lists[key] = [.. AsList(value, file, "lists." + key).Select(x => AsText(x, file, "lists." + key))];
            }
        }

        foreach (var name in words.Keys.Concat(lists.Keys))
        {
            if (parent is not null && (parent.Words.ContainsKey(name) || parent.Lists.ContainsKey(name)))
            {
                throw new DealLensException($"{file}: '{name}' is already defined in {parent.File}; give the local one another name");
            }
        }

        return new Scope(words, lists, parent, file);
    }

    private static object Required(Dictionary<string, object> map, string key, string file)
        => map.TryGetValue(key, out var value) ? value : throw new DealLensException($"{file}: '{key}' is missing");

    private static string Text(Dictionary<string, object> map, string key, string file) => AsText(Required(map, key, file), file, key);

    private static string OneOf(Dictionary<string, object> map, string key, string[] allowed, string file)
    {
        var value = Text(map, key, file);
        return allowed.Contains(value) ? value : throw new DealLensException($"{file}: {key} '{value}' is not one of {string.Join(", ", allowed)}");
    }

    private static List<string> Strings(Dictionary<string, object> map, string key, string file)
        => map.TryGetValue(key, out var value) ? [.. AsList(value, file, key).Select(x => AsText(x, file, key))] : [];

    private static string AsText(object value, string file, string what)
        => value as string ?? throw new DealLensException($"{file}: {what} must be a single text");

    private static List<object> AsList(object value, string file, string what)
        => value as List<object> ?? throw new DealLensException($"{file}: {what} must be a list ('- item' lines)");

    private static Dictionary<string, object> AsMap(object value, string file, string what)
        => value as Dictionary<string, object> ?? throw new DealLensException($"{file}: {what} must be a mapping ('key: value' lines)");

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{\{([a-z0-9_]+)\}\}", RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Reference();

    private sealed record Scope(
        IReadOnlyDictionary<string, string> Words, IReadOnlyDictionary<string, IReadOnlyList<string>> Lists, Scope? Parent, string File)
    {
        public string Expand(string pattern, string where, int depth = 0)
        {
            if (depth > 8)
            {
                throw new DealLensException($"{where}: named pieces refer to each other in a circle");
            }

            return Reference().Replace(pattern, m => Expand(Word(m.Groups[1].Value, where), where, depth + 1));
        }

        public List<string> ExpandList(IReadOnlyList<string> items, string where, int depth = 0)
        {
            if (depth > 8)
            {
                throw new DealLensException($"{where}: named lists refer to each other in a circle");
            }

            var result = new List<string>();
            foreach (var item in items)
            {
                if (item.StartsWith('@'))
                {
                    result.AddRange(ExpandList(List(item[1..], where), where, depth + 1));
                }
                else
                {
                    result.Add(Expand(item, where));
                }
            }

            return result;
        }

        private string Word(string name, string where)
            => Words.TryGetValue(name, out var piece) ? piece
                : Parent?.Words.TryGetValue(name, out var shared) == true ? shared
                : throw new DealLensException($"{where}: unknown named piece '{{{{{name}}}}}' (define it under words:)");

        private IReadOnlyList<string> List(string name, string where)
            => Lists.TryGetValue(name, out var list) ? list
                : Parent?.Lists.TryGetValue(name, out var shared) == true ? shared
                : throw new DealLensException($"{where}: unknown named list '@{name}' (define it under lists:)");
    }
}
