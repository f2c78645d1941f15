using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DealLens.Cli;

/// <summary>
/// The rules every command follows, applied once to the whole tree so a new command gets them too: one name per
/// option everywhere with its short form, bad numbers as one-line errors, unknown options never taken for file names,
/// parse errors with the usage on stderr, and a root help that lists the user's commands before the developer ones.
/// </summary>
public static partial class CommandLineRules
{
    /// <summary>
    /// Commands for users who label their own contracts (measure the extractor on them, train it, check its rules);
    /// help lists them after the everyday ones.
    /// </summary>
    public static readonly IReadOnlySet<string> DeveloperCommands = new HashSet<string>(StringComparer.Ordinal)
    {
        "eval", "eval-filings", "eval-parties", "eval-clauses", "train", "rules",
    };

    /// <summary>Short forms: the same long name has the same short one in every command.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShortForms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--out"] = "-o",
        ["--json"] = "-j",
        ["--quiet"] = "-q",
    };

    public static void Apply(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var command in Walk(root))
        {
            foreach (var option in command.Options)
            {
                if (ShortForms.TryGetValue(option.Name, out var alias) && !option.Aliases.Contains(alias))
                {
                    option.Aliases.Add(alias);
                }

                // A validator reading a value the parser could not convert would throw out of Parse (a stack trace);
                // the parser reports the bad value itself, so the validator has nothing to add.
                for (var i = 0; i < option.Validators.Count; i++)
                {
                    var validate = option.Validators[i];
                    option.Validators[i] = result =>
                    {
                        try
                        {
                            validate(result);
                        }
                        catch (InvalidOperationException)
                        {
                        }
                    };
                }
            }
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new GroupedHelpAction((HelpAction)help.Action!);
    }

    /// <summary>True when the command line asks for help or the version, which win over any error in it.</summary>
    public static bool IsHelpOrVersion(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.Action is HelpAction or GroupedHelpAction
            || (parse.RootCommandResult.Command.Options.OfType<VersionOption>().FirstOrDefault() is { } version && parse.GetResult(version) is not null);
    }

    public static IEnumerable<Command> Walk(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        yield return command;
        foreach (var sub in command.Subcommands.SelectMany(Walk))
        {
            yield return sub;
        }
    }

    /// <summary>
    /// Problems the parser does not see: a token that looks like an option but names none, taken as a command
    /// argument (a file name). After a bare <c>--</c> such names are allowed.
    /// </summary>
    public static IReadOnlyList<string> UnknownOptions(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var problems = new List<string>();
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                var index = parse.Tokens.ToList().FindIndex(t => ReferenceEquals(t, token));
                if (LooksLikeOption(token.Value) && (doubleDash < 0 || index < doubleDash))
                {
                    problems.Add($"unknown option '{token.Value}' for `{CommandPath(parse.CommandResult.Command, parse)}` (a file whose name starts with '-': put `--` before it)");
                }
            }
        }

        return problems;
    }

    private static bool LooksLikeOption(string value)
        => value.Length > 1 && value[0] == '-' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _);

    /// <summary>One line per error, in words a user reads (no .NET type names).</summary>
    public static string Describe(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = CannotParse().Match(message);
        if (!m.Success)
        {
            // "Must be one of:" lists the choices one per line; keep the error on one line.
            var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return lines.Length <= 1 ? message.Trim() : lines[0] + " " + string.Join(", ", lines.Skip(1));
        }

        var type = m.Groups["type"].Value;
        var expected = type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "a valid value";
        return $"{m.Groups["option"].Value}: '{m.Groups["value"].Value}' is not {expected}";
    }

    /// <summary>The usage lines of a command's help, for parse errors.</summary>
    public static string Usage(RootCommand root, Command command, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = CommandPath(command, parse);
        var words = path.Split(' ').Skip(1).Append("--help").ToArray();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        root.Parse(words).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        var lines = writer.ToString().Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("Usage:", StringComparison.Ordinal));
        var usage = new StringBuilder();
        for (var i = start; start >= 0 && i < lines.Length && lines[i].Trim().Length > 0; i++)
        {
            usage.Append(lines[i].TrimEnd()).Append('\n');
        }

        usage.Append(CultureInfo.InvariantCulture, $"Run `{path} --help` for its options.\n");
        return usage.ToString();
    }

    public static string CommandPath(Command command, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult c)
            {
                names.Insert(0, c.Command is RootCommand ? "deallens" : c.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex CannotParse();

    /// <summary>The root help groups commands (what a user runs first, developer commands last); other help is unchanged.</summary>
    private sealed class GroupedHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command is not RootCommand root)
            {
                return inner.Invoke(parseResult);
            }

            var output = parseResult.InvocationConfiguration.Output;
            output.Write(RootHelp(root));
            return 0;
        }
    }

    public static string RootHelp(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var user = root.Subcommands.Where(c => !c.Hidden && !DeveloperCommands.Contains(c.Name)).ToList();
        var developer = root.Subcommands.Where(c => !c.Hidden && DeveloperCommands.Contains(c.Name)).ToList();
        var width = root.Subcommands.Select(Synopsis).Max(s => s.Length) + 2;
        var b = new StringBuilder();
        b.Append(root.Description).Append("\n\n");
        b.Append("Usage:\n  deallens <command> [options]\n\n");
        b.Append("Commands, in the order you use them:\n");
        foreach (var c in user)
        {
            b.Append("  ").Append(Synopsis(c).PadRight(width)).Append(c.Description).Append('\n');
        }

        b.Append("\nFor users who label their own contracts (measure and train the extractor on them):\n");
        foreach (var c in developer)
        {
            b.Append("  ").Append(Synopsis(c).PadRight(width)).Append(c.Description).Append('\n');
        }

        b.Append("\nOptions:\n  -h, --help  Show help and usage information\n  --version   Show version information\n\n");
        b.Append("Run `deallens <command> --help` for a command's options.\n");
        b.Append("Exit codes: 0 ok, 1 usage or input error, 2 unexpected error, 3 some documents failed, 4 could not run (batch), 130 cancelled.\n");
        return b.ToString();
    }

    private static string Synopsis(Command command)
        => string.Join(' ', command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>").Prepend(command.Name));
}
