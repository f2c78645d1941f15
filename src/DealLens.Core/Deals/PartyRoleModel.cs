using System.Globalization;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;

namespace DealLens.Core.Deals;

/// <summary>
/// A small learned reader of deal sides: which of a document's parties provides and which pays, decided from what the
/// text does around each of the party's mentions (the words just before and after its name, its defined term or
/// "we"/"the Company" when it is the filer, a capacity such as "as landlord" after it), not from one wording. It is a
/// naive Bayes model over those context features with three classes (provider, customer, other), trained from the
/// development parts of the labelled sets only (<see cref="PartyRoleTraining"/>; counts in
/// <c>Deals/party-role-counts.tsv</c>). The rule readers decide first; the model only fills a side they left open.
/// </summary>
public sealed class PartyRoleModel
{
    public const string Provider = PartyRoles.Provider;
    public const string Customer = PartyRoles.Customer;
    public const string Other = "other";
    private const string ResourceName = "DealLens.Core.party-role-counts.tsv";
    private const int Window = 6;
    private const int MaxMentions = 40;

    // A side is filled only on clear evidence (odds of about 7 to 1 over the next class): a bare "X and Y announced"
    // or a list of nicknamed parties says nothing about who provides. Fixed before measuring, not tuned.
    private const double MinMargin = 2.0;
    private static readonly string[] s_classes = [Provider, Customer, Other];
    private static readonly Lazy<PartyRoleModel> s_default = new(LoadDefault);

    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private readonly int[] _examples = new int[3];
    private readonly int[] _totals = new int[3];

    /// <summary>The bundled model, or an empty one (which fills nothing) when no counts are bundled.</summary>
    public static PartyRoleModel Default => s_default.Value;

    public int ExampleCount => _examples.Sum();

    /// <summary>Adds one labelled party (its context features and its class) to the counts.</summary>
    public void Add(IReadOnlyCollection<string> features, string label)
    {
        ArgumentNullException.ThrowIfNull(features);
        var c = Array.IndexOf(s_classes, label);
        if (c < 0)
        {
            throw new ArgumentException($"unknown class {label}", nameof(label));
        }

        _examples[c]++;
        foreach (var feature in features)
        {
            if (!_counts.TryGetValue(feature, out var row))
            {
                _counts[feature] = row = new int[3];
            }

            row[c]++;
            _totals[c]++;
        }
    }

    /// <summary>The class log-probabilities (up to a constant) of a party with these features.</summary>
    public double[] Score(IReadOnlyCollection<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var scores = new double[3];
        var vocabulary = _counts.Count + 1;
        for (var c = 0; c < 3; c++)
        {
            scores[c] = Math.Log((_examples[c] + 1.0) / (ExampleCount + 3.0));
            foreach (var feature in features)
            {
                // Features never seen in training carry no evidence either way.
                if (_counts.TryGetValue(feature, out var row))
                {
                    scores[c] += Math.Log((row[c] + 1.0) / (_totals[c] + vocabulary));
                }
            }
        }

        return scores;
    }

    /// <summary>
    /// The parties with the sides the rule readers left open filled where the model's most likely class for a party is
    /// that side; among several, the one with the widest margin. A party with a role of its own that is no side
    /// (lender, agent, guarantor, issuer, investor) is never given one.
    /// </summary>
    internal PartiesFound FillSides(string region, PartiesFound found, DocumentOrigin origin)
    {
        if (ExampleCount == 0 || found.Parties.Count < 2)
        {
            return found;
        }

        var parties = found.Parties.ToList();
        var margins = new (double Provider, double Customer)[parties.Count];
        for (var i = 0; i < parties.Count; i++)
        {
            var s = Score(Features(region, parties[i], i, origin, parties));
            margins[i] = (s[0] - Math.Max(s[1], s[2]), s[1] - Math.Max(s[0], s[2]));
        }

        foreach (var (side, pick) in new (string, Func<int, double>)[] { (Provider, i => margins[i].Provider), (Customer, i => margins[i].Customer) })
        {
            if (parties.Any(p => p.Role == side))
            {
                continue;
            }

            var best = -1;
            for (var i = 0; i < parties.Count; i++)
            {
                var party = parties[i];
                var ownRole = party.Term is { } term ? PartyRoleWords.RoleOf(term) : null;
                if (party.Role is not null || ownRole is not null && PartyRoles.SideOf(ownRole) is null || pick(i) < MinMargin)
                {
                    continue;
                }

                if (best < 0 || pick(i) > pick(best))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                parties[best] = parties[best] with { Role = side };
            }
        }

        return found with { Parties = parties };
    }

    /// <summary>
    /// The context features of one party: for every mention of its name, short name, defined term or (for the filer)
    /// the document's words for itself, the words around it; plus whether it is the filer, its defined term's words and
    /// its place in the list.
    /// </summary>
    internal static HashSet<string> Features(string region, PartyMention party, int index, DocumentOrigin origin, IReadOnlyList<PartyMention> all)
    {
        // Words of the parties' own names are masked: the model learns what the text does around a party, not which
        // companies tend to buy.
        var nameWords = new HashSet<string>(all.SelectMany(p => Words(p.Name)).Select(Token).Where(w => w != "#"), StringComparer.Ordinal);
        var features = new HashSet<string>(StringComparer.Ordinal) { "order:" + Math.Min(index, 2).ToString(CultureInfo.InvariantCulture) };
        var isFiler = origin.Filer is { } filer && PartyReader.SameCompany(filer, party.Name);
        if (isFiler)
        {
            features.Add("filer");
        }

        if (party.Term is { } term && !party.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var word in Words(term))
            {
                features.Add("term:" + word);
            }
        }

        var spellings = Spellings(party).Select(s => (s, StringComparison.Ordinal)).ToList();
        if (isFiler)
        {
            spellings.AddRange(origin.SelfReferences.Select(s => (s, StringComparison.OrdinalIgnoreCase)));
        }

        var mentions = 0;
        foreach (var (spelling, comparison) in spellings)
        {
            for (var at = region.IndexOf(spelling, comparison); at >= 0 && mentions < MaxMentions; at = region.IndexOf(spelling, at + spelling.Length, comparison))
            {
                var end = at + spelling.Length;
                if (at > 0 && char.IsLetterOrDigit(region[at - 1]) || end < region.Length && char.IsLetterOrDigit(region[end]))
                {
                    continue;
                }

                mentions++;
                var before = TokensBefore(region, at).Select(t => nameWords.Contains(t) ? "@party" : t).ToList();
                var after = TokensAfter(region, end).Select(t => nameWords.Contains(t) ? "@party" : t).ToList();
                for (var k = 0; k < before.Count; k++)
                {
                    features.Add("b:" + before[k]);
                    if (k < 2)
                    {
                        features.Add($"p{k + 1}:{before[k]}");
                    }
                }

                for (var k = 0; k < after.Count; k++)
                {
                    features.Add("a:" + after[k]);
                    if (k < 2)
                    {
                        features.Add($"n{k + 1}:{after[k]}");
                    }
                }
            }
        }

        features.Add(mentions == 0 ? "mentions:0" : mentions < 3 ? "mentions:1" : "mentions:3");
        return features;
    }

    private static IEnumerable<string> Spellings(PartyMention party)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var comma = party.Name.IndexOf(',', StringComparison.Ordinal);
        var firstWord = party.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd(',');
        foreach (var candidate in new[] { party.Name, comma > 2 ? party.Name[..comma] : null, firstWord, party.Term })
        {
            if (candidate is { Length: >= 3 } c && char.IsUpper(c[0]) && seen.Add(c))
            {
                yield return c;
            }
        }
    }

    /// <summary>Up to <see cref="Window"/> words before <paramref name="at"/>, nearest first, stopping at a blank line.</summary>
    private static List<string> TokensBefore(string text, int at)
    {
        var tokens = new List<string>();
        var i = at - 1;
        while (i >= 0 && tokens.Count < Window)
        {
            if (text[i] == '\n' && i > 0 && text[i - 1] == '\n')
            {
                break;
            }

            if (char.IsLetterOrDigit(text[i]))
            {
                var end = i + 1;
                while (i >= 0 && char.IsLetterOrDigit(text[i]))
                {
                    i--;
                }

                tokens.Add(Token(text[(i + 1)..end]));
                continue;
            }

            i--;
        }

        return tokens;
    }

    /// <summary>Up to <see cref="Window"/> words after <paramref name="end"/>, nearest first, stopping at a blank line.</summary>
    private static List<string> TokensAfter(string text, int end)
    {
        var tokens = new List<string>();
        var i = end;
        while (i < text.Length && tokens.Count < Window)
        {
            if (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                break;
            }

            if (char.IsLetterOrDigit(text[i]))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(Token(text[start..i]));
                continue;
            }

            i++;
        }

        return tokens;
    }

    private static string Token(string word)
        => word.Any(char.IsLetter) ? word.ToLowerInvariant() : "#";

    private static IEnumerable<string> Words(string phrase)
        => phrase.Split([' ', '-', '"', '“', '”', '(', ')', ',', '.', '\''], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant());

    /// <summary>Writes the counts: a header line of example counts per class, then one line per feature.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join('\t', ["#examples", .. _examples.Select(e => e.ToString(CultureInfo.InvariantCulture))]));
        foreach (var (feature, row) in _counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Join('\t', [feature, .. row.Select(e => e.ToString(CultureInfo.InvariantCulture))]));
        }
    }

    /// <summary>Reads counts written by <see cref="Write"/>, adding them to this model (so several sets can be trained in turn).</summary>
    public void Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 4 || !cells.Skip(1).All(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new DealLensException($"{source}: line {number}: expected a feature and three counts separated by tabs");
            }

            var row = cells.Skip(1).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            if (cells[0] == "#examples")
            {
                for (var c = 0; c < 3; c++)
                {
                    _examples[c] += row[c];
                }

                continue;
            }

            if (!_counts.TryGetValue(cells[0], out var existing))
            {
                _counts[cells[0]] = existing = new int[3];
            }

            for (var c = 0; c < 3; c++)
            {
                existing[c] += row[c];
                _totals[c] += row[c];
            }
        }
    }

    private static PartyRoleModel LoadDefault()
    {
        var model = new PartyRoleModel();
        using var stream = typeof(PartyRoleModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is not null)
        {
            using var reader = new StreamReader(stream);
            model.Read(reader, ResourceName);
        }

        return model;
    }
}

/// <summary>
/// Training examples for <see cref="PartyRoleModel"/>: the parties the rule readers find in a labelled document,
/// before the model fills anything, each with its class from the label (provider, customer or other).
/// </summary>
public static class PartyRoleTraining
{
    public static IReadOnlyList<(IReadOnlyCollection<string> Features, string Label)> Examples(
        DocumentText document, string? provider, string? customer, int window = 20_000)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (provider is null && customer is null)
        {
            return [];
        }

        var reading = PartyReader.ReadDocument(document, window, model: null);
        if (reading.Found is not { } found)
        {
            return [];
        }

        var region = document.Text[..Math.Min(document.Text.Length, window)];
        var origin = DocumentOriginReader.Read(document);
        var examples = new List<(IReadOnlyCollection<string>, string)>();
        for (var i = 0; i < found.Parties.Count; i++)
        {
            var name = found.Parties[i].Name;
            var label = provider is not null && FilingScorer.NamesMatch(provider, name) ? PartyRoleModel.Provider
                : customer is not null && FilingScorer.NamesMatch(customer, name) ? PartyRoleModel.Customer
                : PartyRoleModel.Other;
            examples.Add((PartyRoleModel.Features(region, found.Parties[i], i, origin, found.Parties), label));
        }

        return examples;
    }
}
