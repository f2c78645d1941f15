using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Deals;

namespace DealLens.Core.Risk;

/// <summary>
/// The clause-structure reader: a sentence's skeleton (companies ⟦i⟧, money ⟨j⟩) is cut into tokens; each verb of the
/// lexicon (<c>Risk/relation-verbs.tsv</c>) gets its verb group (auxiliaries, modal, negation, voice), its subject
/// (walking back over relative clauses and prepositional phrases, or the antecedent of "which"/"who") and its arguments
/// (the object and the companies each preposition governs, up to the next clause); the lexicon maps the subject and each
/// argument slot to a side of a relation kind. Nouns of the lexicon ("X's purchase of ... from Y", "a $N investment from
/// X") map their possessive owner and prepositional arguments the same way, with the clause's subject for a side they
/// leave open. Pronouns ("it", "its") and role nouns ("the chipmaker", "the start-up") are resolved here; the lexicon's
/// role rows say which company kinds (<see cref="CompanyKinds"/>) a role noun may stand for.
/// </summary>
public static partial class RelationReader
{
    private const string LexiconResource = "DealLens.Core.relation-verbs.tsv";

    private sealed record LexRow(RelationKind Kind, bool SubjectFrom, Dictionary<string, bool> Slots, string[] Need, string[] Block);

    private sealed record RoleRow(string[] Words, string[] Kinds);

    private sealed record Lexicon(
        Dictionary<string, List<LexRow>> Verbs, Dictionary<string, List<LexRow>> Nouns, List<RoleRow> Roles, HashSet<string> NounForms);

    // Parsed on first use: a process that reads no prose never pays for it.
    private static readonly Lazy<Lexicon> s_lexicon = new(LoadLexicon);

    private static Lexicon LoadLexicon()
    {
        using var stream = typeof(RelationReader).Assembly.GetManifestResourceStream(LexiconResource)
            ?? throw new InvalidOperationException("missing resource " + LexiconResource);
        using var reader = new StreamReader(stream);
        return ParseLexicon(reader.ReadToEnd());
    }

    private static Lexicon ParseLexicon(string tsv)
    {
        var verbs = new Dictionary<string, List<LexRow>>(StringComparer.Ordinal);
        var nouns = new Dictionary<string, List<LexRow>>(StringComparer.Ordinal);
        var roles = new List<RoleRow>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            var forms = cells[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cells[0] == "role")
            {
                roles.Add(new RoleRow(forms, cells[2].Split('|')));
                continue;
            }

            static string[] List(string cell) => cell == "-" ? [] : cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var slots = List(cells[4]).Select(s => s.Split('=')).ToDictionary(p => p[0], p => p[1] == "From", StringComparer.Ordinal);
            var row = new LexRow(Enum.Parse<RelationKind>(cells[2]), cells[3] == "From", slots, List(cells[5]), List(cells[6]));
            var target = cells[0] == "noun" ? nouns : verbs;
            foreach (var form in forms)
            {
                if (!target.TryGetValue(form, out var rows))
                {
                    target[form] = rows = [];
                }

                rows.Add(row);
            }
        }

        // Longest role nouns first: "ai lab" before "lab".
        roles = roles.SelectMany(r => r.Words.Select(w => new RoleRow([w], r.Kinds))).OrderByDescending(r => r.Words[0].Length).ToList();
        return new Lexicon(verbs, nouns, roles, [.. nouns.Keys]);
    }

    private enum TokenType
    {
        Word,
        Company,
        Money,
        Punct,
    }

    /// <summary>A token of a skeleton; for a company, <see cref="Ref"/> indexes the sentence's party names.</summary>
    private readonly record struct Token(TokenType Type, string Text, int Ref, bool Possessive);

    private static readonly Regex s_token = new(
        @"⟦(?<c>\d+)⟧(?<p>['’]s?)?|⟨(?<m>\d+)⟩|(?<w>[A-Za-z][A-Za-z0-9-]*(?:['’](?:s|t)\b)?|\d[\d.,]*%?)|(?<x>[,;:()—–])",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly HashSet<string> s_aux = new(StringComparer.Ordinal)
    {
        "will", "would", "shall", "must", "can", "could", "may", "might", "is", "are", "was", "were", "be", "been", "being",
        "has", "have", "had", "do", "does", "did", "not", "never", "also", "now", "then", "to", "agreed", "agrees", "agree",
        "plans", "plan", "planned", "intends", "intend", "intended", "expects", "expect", "expected", "aims", "committed",
        "commits", "set", "going", "separately", "already", "further", "jointly", "each", "both", "effectively",
        "continue", "continues", "continued", "still", "n't", "no", "longer", "reportedly", "initially", "eventually",
        "ultimately", "additionally", "directly", "first", "soon", "recently", "previously", "later", "seeks", "seek", "wants", "want",
    };

    private static readonly Regex s_productWord = new(
        @"^(?:gpus?|chips?|cpus?|tpus?|accelerators?|processors?|servers?|systems?|platforms?|hardware|superchips?|racks?|infrastructure|[a-z]{1,3}\d{2,4}[a-z0-9]*|cloud)$",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly HashSet<string> s_be = new(StringComparer.Ordinal) { "is", "are", "was", "were", "be", "been", "being" };

    private static readonly HashSet<string> s_prepositions = new(StringComparer.Ordinal)
    {
        "in", "into", "from", "with", "to", "by", "of", "for", "on", "at", "onto", "than", "as", "including", "between", "among",
        "like", "via", "through", "under", "over", "against", "about", "after", "before", "beside", "besides", "alongside",
    };

    private static readonly HashSet<string> s_clauseBreaks = new(StringComparer.Ordinal) { "while", "whereas", "but", "although", "though", "because", "since", "when" };

    private static readonly HashSet<string> s_finiteAfterSubject = new(StringComparer.Ordinal)
    {
        "will", "would", "shall", "has", "have", "had", "is", "are", "was", "were", "can", "may", "must", "agreed", "signed",
        "said", "says", "plans", "intends", "expects", "also", "announced", "announces", "could", "might",
    };

    private static readonly HashSet<string> s_irregularParticiples = new(StringComparer.Ordinal)
    {
        "bought", "sold", "lent", "paid", "got", "put", "spent", "prepaid", "built", "held", "made", "given", "taken",
    };

    private static readonly HashSet<string> s_negators = new(StringComparer.Ordinal) { "not", "never", "n't", "no" };
    private static readonly HashSet<string> s_possible = new(StringComparer.Ordinal) { "may", "might", "could", "can" };

    /// <summary>
    /// The company a role noun stands for: the most recent company before <paramref name="at"/> whose kind the role
    /// row allows ("the chipmaker" is the last chip vendor named), or null when none is.
    /// </summary>
    private static string? RoleReferent(string roleNoun, int at, IReadOnlyList<ProseMention> documentMentions, RelationReaderOptions options)
    {
        var row = s_lexicon.Value.Roles.FirstOrDefault(r => string.Equals(r.Words[0], roleNoun, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            return null;
        }

        for (var i = documentMentions.Count - 1; i >= 0; i--)
        {
            var m = documentMentions[i];
            if (m.End <= at && (options.Kinds ?? CompanyKinds.Bundled).KindOf(m.Name) is { } kind && row.Kinds.Contains(kind))
            {
                return m.Name;
            }
        }

        return null;
    }

    /// <summary>The role noun that ends at <paramref name="end"/>, starting at a word of <c>text[from..end]</c>.</summary>
    private static string? RoleIn(string text, int from, int end)
    {
        for (var p = from; p < end; p++)
        {
            if ((p == from || text[p - 1] == ' ') && RoleNounAt(text, p) is { } role && p + role.Length == end)
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>
    /// Who "we" is in a first-person text with no filer, announcer or signature: the one known company its title line
    /// (the first line, short and without a full stop) names ("OpenAI and NVIDIA ..." names two: no speaker).
    /// </summary>
    private static string? TitleSpeaker(string text, CompanyResolver resolver)
    {
        var head = text.Length > 4000 ? text[..4000] : text;
        if (!s_firstPerson.IsMatch(head))
        {
            return null;
        }

        var title = head.TrimStart().Split('\n', 2)[0].Trim();
        if (title.Length == 0 || title.Length > 120 || title.EndsWith('.'))
        {
            return null;
        }

        var named = new ProseCompanies(title, null, resolver).Mentions.Select(m => m.Name).Where(n => resolver.Knows(n) || PartyReader.EndsWithLegalForm(n)).Distinct(StringComparer.Ordinal).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>The role noun after "the" at <paramref name="at"/> in <paramref name="text"/>, if the lexicon has one there.</summary>
    private static string? RoleNounAt(string text, int at)
    {
        foreach (var role in s_lexicon.Value.Roles)
        {
            var word = role.Words[0];
            if (at + word.Length <= text.Length && string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length])))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the relations of one sentence by clause structure and adds those the templates did not give (neither
    /// the same (kind, from, to) nor its reverse).
    /// </summary>
    private static void ReadStructure(
        int offset, string sentence, string skeleton, IReadOnlyList<ProseMention> mentions, IReadOnlyList<MoneyMention> money,
        IReadOnlyList<ProseMention> documentMentions, string? previousSubject, CompanyResolver resolver, RelationReaderOptions options,
        HashSet<(RelationKind, string, string)> seen, List<ProseRelation> relations, List<string> warnings,
        List<(RelationKind Kind, string From, string To, bool Passive)> readings)
    {
        var lexicon = s_lexicon.Value;
        var names = mentions.Select(m => m.Name).ToList();
        var tokens = new List<Token>();
        var positions = new List<int>();
        foreach (Match m in s_token.Matches(skeleton))
        {
            if (m.Groups["c"].Success)
            {
                tokens.Add(new Token(TokenType.Company, "", int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture), m.Groups["p"].Success));
            }
            else if (m.Groups["m"].Success)
            {
                tokens.Add(new Token(TokenType.Money, "", int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), false));
            }
            else if (m.Groups["x"].Success)
            {
                tokens.Add(new Token(TokenType.Punct, m.Value, -1, false));
            }
            else
            {
                var word = m.Value.ToLowerInvariant();
                var possessive = false;
                if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
                {
                    word = word[..^2];
                    possessive = true;
                }
                else if (word.EndsWith("n't", StringComparison.Ordinal) || word.EndsWith("n’t", StringComparison.Ordinal))
                {
                    tokens.Add(new Token(TokenType.Word, word[..^3], -1, false));
                    positions.Add(m.Index);
                    word = "n't";
                }

                tokens.Add(new Token(TokenType.Word, word, -1, possessive));
            }

            positions.Add(m.Index);
        }

        // Pronouns and role nouns become company tokens: "it"/"its" the sentence's subject so far (else the previous
        // sentence's), "the chipmaker" the last company of a chip vendor's kind.
        string? sentenceSubject = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Type == TokenType.Company)
            {
                if (sentenceSubject is null && !t.Possessive && (i == 0 || !IsPreposition(tokens[i - 1])))
                {
                    sentenceSubject = names[t.Ref];
                }

                continue;
            }

            if (t.Type != TokenType.Word)
            {
                continue;
            }

            string? referent = null;
            var span = 1;
            var possessive = t.Possessive;
            // "it" as a subject: at the start of a clause, or before a verb ("it owns"); not an object ("rent it to").
            if ((t.Text == "its" && t.Type == TokenType.Word) || (t.Text == "it" && (i == 0 || tokens[i - 1].Type == TokenType.Punct
                || tokens[i - 1].Text is "and" or "but" or "that" or "said" or "says" or "while" or "because" or "as" or "since" or "when"
                || (i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Word && (s_aux.Contains(tokens[i + 1].Text)
                    || s_finiteAfterSubject.Contains(tokens[i + 1].Text) || s_lexicon.Value.Verbs.ContainsKey(tokens[i + 1].Text))))))
            {
                referent = sentenceSubject ?? previousSubject;
                possessive = t.Text == "its";
            }
            else if (t.Text == "the" && i + 1 < tokens.Count)
            {
                var rest = skeleton[positions[i + 1]..];
                if (RoleNounAt(rest, 0) is { } role)
                {
                    referent = RoleReferent(role, offset + Math.Min(sentence.Length, positions[i]), documentMentions, options);
                    span = 1 + role.Count(c => c is ' ') + 1;
                    possessive = i + span - 1 < tokens.Count && tokens[i + span - 1].Possessive;
                }
            }

            if (referent is null)
            {
                continue;
            }

            var index = names.IndexOf(referent);
            if (index < 0)
            {
                names.Add(referent);
                index = names.Count - 1;
            }

            tokens[i] = new Token(TokenType.Company, "", index, possessive);
            for (var k = 1; k < span && i + 1 < tokens.Count; k++)
            {
                tokens.RemoveAt(i + 1);
                positions.RemoveAt(i + 1);
            }

            sentenceSubject ??= possessive || (i > 0 && IsPreposition(tokens[i - 1])) ? sentenceSubject : referent;
        }

        var relative = RelativeClauses(tokens);
        var found = new List<(RelationKind Kind, string From, string To, int Start, int End, bool Strong, int Head)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Type != TokenType.Word)
            {
                continue;
            }

            if (lexicon.Verbs.TryGetValue(t.Text, out var verbRows) && !t.Possessive)
            {
                ReadVerb(tokens, i, verbRows, relative, names, found);
            }

            if (lexicon.Nouns.TryGetValue(t.Text, out var nounRows))
            {
                ReadNoun(tokens, i, nounRows, relative, names, found);
            }
        }

        var binding = !s_nonBinding.IsMatch(skeleton);
        foreach (var (kind0, from, to, start, end, strong, head) in found)
        {
            var (fromKey, toKey) = (resolver.Resolve(from), resolver.Resolve(to));
            var stop = end < positions.Count ? positions[end] : skeleton.Length;
            var clauseText = skeleton[positions[start]..stop];
            // What is leased or paid for stands after the verb: "lease them to X" after "buy accelerators" is a lease;
            // "will pay X $N in contracted rent" is one.
            var objectText = skeleton[positions[head]..stop];
            var kind = kind0 == RelationKind.Lease && s_computeObject.IsMatch(objectText) ? RelationKind.Purchase
                : kind0 == RelationKind.Purchase && s_hostingDeal.IsMatch(clauseText) ? RelationKind.Lease
                : kind0 == RelationKind.Purchase && s_payVerb.IsMatch(tokens[head].Text) && s_rentObject.IsMatch(skeleton[(positions[head] + tokens[head].Text.Length)..]) ? RelationKind.Lease
                : kind0;
            readings.Add((kind, fromKey, toKey, strong));
            // A frame's purchase or lease between the same two companies is the same commitment, whichever kind it took.
            var other = kind == RelationKind.Purchase ? RelationKind.Lease : RelationKind.Purchase;
            if (RelationKinds.IsCommitment(kind) && (seen.Contains((other, fromKey, toKey)) || seen.Contains((other, toKey, fromKey))))
            {
                continue;
            }

            // A passive with its agent named ("X has been guaranteed by Y") settles the direction a frame read backwards.
            if (strong && seen.Remove((kind, toKey, fromKey)))
            {
                relations.RemoveAll(r => r.Start == offset && r.Kind == kind && resolver.Resolve(r.From) == toKey && resolver.Resolve(r.To) == fromKey);
            }

            if (fromKey == toKey || seen.Contains((kind, toKey, fromKey)) || !seen.Add((kind, fromKey, toKey)))
            {
                continue;
            }

            var moneyIndices = tokens.Skip(start).Take(end - start).Where(x => x.Type == TokenType.Money).Select(x => x.Ref).ToList();
            var amounts = AmountsIn(moneyIndices, money, sentence, kind, options, out var warning);
            var amount = amounts.Count > 0 ? amounts.MaxBy(a => a.Amount) : null;
            var vests = kind is RelationKind.Warrant or RelationKind.Equity && s_vests.IsMatch(sentence);
            relations.Add(new ProseRelation(kind, from, to, null, amount?.Amount, amount?.Currency, binding, vests, sentence, offset, offset + sentence.Length, warning));
            if (warning is not null)
            {
                warnings.Add(warning + ": " + sentence);
            }
        }
    }

    private static bool IsPreposition(Token t) => t.Type == TokenType.Word && (s_prepositions.Contains(t.Text) || t.Text is "and" or "or");

    /// <summary>Token spans of non-restrictive relative clauses: from ", which/who" to the next comma or the clause's end.</summary>
    private static List<(int Start, int End)> RelativeClauses(List<Token> tokens)
    {
        var spans = new List<(int, int)>();
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Word && tokens[i].Text is "which" or "who" or "whose" && tokens[i - 1].Text == ",")
            {
                var end = i + 1;
                while (end < tokens.Count && tokens[end].Text is not ("," or ";" or ":" or "(" or ")"))
                {
                    end++;
                }

                spans.Add((i, end));
            }
        }

        return spans;
    }

    private readonly record struct ClauseSubject(List<int> Refs, int? Owner, int Start);

    /// <summary>
    /// The subject of the verb group starting at <paramref name="from"/>: the antecedent of a relative pronoun that opens
    /// the clause, else the nearest company before it that no preposition governs (with its conjuncts), skipping
    /// relative clauses the verb is not in; a possessive company ("its GPUs", "X's unit") is the owner of the subject.
    /// </summary>
    private static ClauseSubject FindSubject(List<Token> tokens, int from, List<(int Start, int End)> relative)
    {
        var inside = relative.FirstOrDefault(r => from > r.Start && from < r.End);
        var boundary = 0;
        for (var i = from - 1; i >= 0 && from - i <= 40; i--)
        {
            var t = tokens[i];
            boundary = i;
            if (relative.Any(r => r != inside && i >= r.Start && i < r.End))
            {
                continue;
            }

            if ((t.Type == TokenType.Punct && t.Text is ";" or ":" or "(" or ")") || (t.Type == TokenType.Word && s_clauseBreaks.Contains(t.Text)))
            {
                boundary = i + 1;
                break;
            }

            if (t.Type == TokenType.Word && t.Text is "which" or "who" or "that")
            {
                var a = i - 1;
                if (a >= 0 && tokens[a].Text == ",")
                {
                    a--;
                }

                // An apposition between the antecedent and the pronoun: "CoreWeave, the specialist cloud, which rents ...".
                if (a >= 2 && tokens[a].Type == TokenType.Word)
                {
                    for (var b = a - 1; b >= 1 && a - b <= 6; b--)
                    {
                        if (tokens[b].Text == ",")
                        {
                            if (tokens[b + 1].Text is "the" or "a" or "an" && tokens[b - 1].Type == TokenType.Company)
                            {
                                a = b - 1;
                            }

                            break;
                        }
                    }
                }

                if (a >= 0 && tokens[a].Type == TokenType.Company && !tokens[a].Possessive)
                {
                    return new ClauseSubject([tokens[a].Ref], null, a);
                }

                if (t.Text != "that")
                {
                    break;
                }

                continue;
            }

            if (t.Type != TokenType.Company)
            {
                continue;
            }

            if (t.Possessive)
            {
                if (i == 0 || !IsPreposition(tokens[i - 1]))
                {
                    return new ClauseSubject([], t.Ref, i);
                }

                continue;
            }

            // Conjuncts: "A and B will invest", "A, B and C".
            var refs = new List<int> { t.Ref };
            var start = i;
            while (start >= 2 && (tokens[start - 1].Text is "and" or ",") && tokens[start - 2].Type == TokenType.Company && !tokens[start - 2].Possessive)
            {
                start -= 2;
                refs.Insert(0, tokens[start].Ref);
            }

            if (start > 0 && IsPreposition(tokens[start - 1]))
            {
                i = start;
                continue;
            }

            return new ClauseSubject(refs, null, start);
        }

        return new ClauseSubject([], null, Math.Min(boundary, from));
    }

    /// <summary>
    /// The arguments after a head word: each company with its slot (the governing preposition, "obj" right after the
    /// head, "poss" for a possessive one), up to the next clause (a semicolon, a relative pronoun, a conjunction that
    /// starts a clause, or a company that is the subject of its own verb).
    /// </summary>
    private static (List<(int Ref, string Slot, bool Possessive)> Args, int End) Arguments(List<Token> tokens, int head)
    {
        var args = new List<(int, string, bool)>();
        var end = head + 1;
        string? lastSlot = null;
        for (; end < tokens.Count && end - head <= 40; end++)
        {
            var t = tokens[end];
            if (t.Type == TokenType.Punct && t.Text is ";" or ":" or "(" or ")")
            {
                break;
            }

            if (t.Type == TokenType.Word && (s_clauseBreaks.Contains(t.Text) || (t.Text is "which" or "who" or "whose" && tokens[end - 1].Text == ",")))
            {
                break;
            }

            if (t.Type != TokenType.Company)
            {
                continue;
            }

            var after = end + 1 < tokens.Count ? tokens[end + 1] : new Token(TokenType.Punct, "", -1, false);
            if (!t.Possessive && after.Type == TokenType.Word && (s_finiteAfterSubject.Contains(after.Text) || s_lexicon.Value.Verbs.ContainsKey(after.Text)))
            {
                break;
            }

            // A conjunct with its own amount is the subject of a gapped clause ("... in X and Y up to $5 billion").
            if (!t.Possessive && end >= 1 && tokens[end - 1].Text is "and" or "," && (after.Type == TokenType.Money || after.Text is "up" or "the" or "about" or "approximately"))
            {
                break;
            }

            // A company that names a product is its seller, not the party a preposition names: "spend ... on Nvidia
            // hardware" (slot "product", which the lexicon maps for verbs whose subject buys), "provide X with access to
            // NVIDIA GPUs" (no slot for a verb whose subject sells).
            if (!t.Possessive && after.Type == TokenType.Word && s_productWord.IsMatch(after.Text))
            {
                args.Add((t.Ref, "product", false));
                continue;
            }

            string? slot = null;
            if (end >= 2 && tokens[end - 1].Text is "and" or "or" or "," && tokens[end - 2].Type == TokenType.Company && lastSlot is not null)
            {
                slot = lastSlot;
            }
            else
            {
                for (var k = end - 1; k >= head && end - k <= 4; k--)
                {
                    var p = tokens[k];
                    if (k == head)
                    {
                        slot = "obj";
                        break;
                    }

                    if (p.Type != TokenType.Word)
                    {
                        if (p.Type == TokenType.Money)
                        {
                            continue;
                        }

                        break;
                    }

                    if (s_prepositions.Contains(p.Text))
                    {
                        slot = p.Text;
                        break;
                    }

                    if (s_aux.Contains(p.Text) || s_lexicon.Value.Verbs.ContainsKey(p.Text))
                    {
                        break;
                    }
                }
            }

            if (t.Possessive)
            {
                args.Add((t.Ref, "poss", true));
            }

            if (slot is not null)
            {
                args.Add((t.Ref, slot, t.Possessive));
                lastSlot = slot;
            }
        }

        return (args, end);
    }

    private static bool Allowed(LexRow row, List<Token> tokens, int start, int end)
    {
        bool Has(string[] prefixes)
        {
            for (var i = Math.Max(0, start); i < end && i < tokens.Count; i++)
            {
                if (tokens[i].Type == TokenType.Word && prefixes.Any(p => tokens[i].Text.StartsWith(p, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        return (row.Need.Length == 0 || Has(row.Need)) && (row.Block.Length == 0 || !Has(row.Block));
    }

    private static void ReadVerb(
        List<Token> tokens, int verb, List<LexRow> rows, List<(int Start, int End)> relative, List<string> names,
        List<(RelationKind, string, string, int, int, bool, int)> found)
    {
        var form = tokens[verb].Text;
        // The verb group: auxiliaries, modals, negation and adverbs before the verb.
        var chainStart = verb;
        while (chainStart > 0 && tokens[chainStart - 1].Type == TokenType.Word && s_aux.Contains(tokens[chainStart - 1].Text))
        {
            chainStart--;
        }

        var chain = tokens.Skip(chainStart).Take(verb - chainStart).Select(t => t.Text).ToList();
        var previous = verb > 0 ? tokens[verb - 1] : new Token(TokenType.Punct, "", -1, false);
        var next = verb + 1 < tokens.Count ? tokens[verb + 1] : new Token(TokenType.Punct, "", -1, false);
        // After its subject, a relative pronoun, or "and" when an object follows ("... and rent them to X").
        var afterSubject = (previous.Type == TokenType.Company && !previous.Possessive)
            || (previous.Type == TokenType.Word && previous.Text is "which" or "who" or "that")
            || (previous.Type == TokenType.Word && previous.Text is "and" or "or"
                && (next.Type is TokenType.Company or TokenType.Money || next.Text is "the" or "a" or "an" or "them" or "it" or "its" or "their" or "up"));
        // A form that is also a noun ("a purchase", "two leases") is a verb only after an auxiliary or its subject.
        var nounLike = s_lexicon.Value.NounForms.Contains(form) || form is "lease" or "leases" or "rent" or "rents" or "order" or "orders"
            or "supply" or "supplies" or "purchase" or "purchases" or "guarantee" or "guarantees" or "backstop" or "backstops" or "source" or "sources";
        if (nounLike && chain.Count == 0 && !afterSubject)
        {
            return;
        }

        if (chain.Count == 0 && !afterSubject && !(form.EndsWith("ed", StringComparison.Ordinal) || s_irregularParticiples.Contains(form)))
        {
            // A bare form with neither auxiliary nor subject: an instruction or a noun, not a commitment.
            if (!form.EndsWith('s'))
            {
                return;
            }
        }

        if (chain.Any(s_negators.Contains) || chain.Any(s_possible.Contains))
        {
            return;
        }

        var participle = form.EndsWith("ed", StringComparison.Ordinal) || s_irregularParticiples.Contains(form);
        var passive = participle && chain.Any(s_be.Contains);
        var subject = FindSubject(tokens, chainStart, relative);
        var (args, end) = Arguments(tokens, verb);
        var start = subject.Start;
        foreach (var row in rows)
        {
            if (!Allowed(row, tokens, start, end))
            {
                continue;
            }

            var froms = new List<int>();
            var tos = new List<int>();
            void Put(int r, bool from) => (from ? froms : tos).Add(r);
            if (!passive)
            {
                foreach (var s in subject.Refs.Count > 0 ? subject.Refs : subject.Owner is { } o ? [o] : [])
                {
                    Put(s, row.SubjectFrom);
                }

                foreach (var (r, slot, _) in args)
                {
                    if (row.Slots.TryGetValue(slot, out var side) && side != row.SubjectFrom)
                    {
                        Put(r, side);
                    }
                }
            }
            else
            {
                // The passive's subject is the verb's object; the owner of a subject that is no company ("its GPUs were
                // bought") is the object's owner for a verb whose object may be owned ("X's lease is guaranteed"), else
                // the unnamed agent's place ("its GPUs were bought from Y": the owner bought them).
                var agent = args.Where(a => a.Slot == "by").Select(a => a.Ref).ToList();
                var hasObj = row.Slots.TryGetValue("obj", out var objSide);
                if (subject.Refs.Count > 0)
                {
                    if (hasObj)
                    {
                        subject.Refs.ForEach(p => Put(p, objSide));
                    }
                    else if (agent.Count == 0)
                    {
                        subject.Refs.ForEach(p => Put(p, row.SubjectFrom));
                    }
                }
                else if (subject.Owner is { } owner)
                {
                    if (hasObj && row.Slots.TryGetValue("poss", out var possSide))
                    {
                        Put(owner, possSide);
                    }
                    else if (agent.Count == 0)
                    {
                        Put(owner, row.SubjectFrom);
                    }
                }

                agent.ForEach(a => Put(a, row.SubjectFrom));

                foreach (var (r, slot, _) in args)
                {
                    if (slot is not ("by" or "obj" or "poss") && row.Slots.TryGetValue(slot, out var side) && side != row.SubjectFrom)
                    {
                        Put(r, side);
                    }
                }
            }

            var any = false;
            foreach (var f in froms.Distinct())
            {
                foreach (var t in tos.Distinct())
                {
                    if (f != t && names[f] != names[t])
                    {
                        found.Add((row.Kind, names[f], names[t], Math.Min(start, chainStart), end, passive && args.Any(a => a.Slot == "by"), verb));
                        any = true;
                    }
                }
            }

            if (any)
            {
                return;
            }
        }
    }

    private static void ReadNoun(
        List<Token> tokens, int noun, List<LexRow> rows, List<(int Start, int End)> relative, List<string> names,
        List<(RelationKind, string, string, int, int, bool, int)> found)
    {
        // The owner: a possessive company a few words before ("X's $5 billion investment").
        int? owner = null;
        var k = noun - 1;
        for (; k >= 0 && noun - k <= 5; k--)
        {
            var t = tokens[k];
            if (t.Type == TokenType.Company)
            {
                if (t.Possessive)
                {
                    owner = t.Ref;
                }

                break;
            }

            if (t.Type == TokenType.Punct || (t.Type == TokenType.Word && (s_prepositions.Contains(t.Text) || s_aux.Contains(t.Text) || s_lexicon.Value.Verbs.ContainsKey(t.Text))))
            {
                break;
            }
        }

        // After an auxiliary or its subject the word is a verb ("may purchase", "X orders"), read as one.
        var before = noun > 0 ? tokens[noun - 1] : new Token(TokenType.Punct, "", -1, false);
        if ((before.Type == TokenType.Word && s_aux.Contains(before.Text)) || (before.Type == TokenType.Company && !before.Possessive))
        {
            return;
        }

        var clauseStart = owner is not null ? k : noun;
        var subject = FindSubject(tokens, owner is not null ? k : noun, relative);
        for (var i = subject.Start; i < noun; i++)
        {
            if (tokens[i].Type == TokenType.Word && (s_negators.Contains(tokens[i].Text) || s_possible.Contains(tokens[i].Text)))
            {
                return;
            }
        }

        var (args, end) = Arguments(tokens, noun);
        foreach (var row in rows)
        {
            if (!Allowed(row, tokens, noun, end))
            {
                continue;
            }

            var froms = new List<int>();
            var tos = new List<int>();
            if (owner is { } o)
            {
                (row.SubjectFrom ? froms : tos).Add(o);
            }

            foreach (var (r, slot, _) in args)
            {
                if (slot != "obj" && row.Slots.TryGetValue(slot, out var side))
                {
                    (side ? froms : tos).Add(r);
                }
            }

            // A side the noun leaves open is the clause's subject ("Y secured a $N investment from X").
            var subjectRefs = subject.Refs.Count > 0 ? subject.Refs : subject.Owner is { } so && so != owner ? [so] : [];
            if (froms.Count == 0 && tos.Count > 0)
            {
                froms.AddRange(subjectRefs);
            }
            else if (tos.Count == 0 && froms.Count > 0)
            {
                tos.AddRange(subjectRefs);
            }

            var any = false;
            foreach (var f in froms.Distinct())
            {
                foreach (var t in tos.Distinct())
                {
                    if (f != t && names[f] != names[t])
                    {
                        found.Add((row.Kind, names[f], names[t], Math.Min(subject.Start, clauseStart), end, false, noun));
                        any = true;
                    }
                }
            }

            if (any)
            {
                return;
            }
        }
    }
}
