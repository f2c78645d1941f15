using System.Text;
using System.Text.RegularExpressions;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Docs;

/// <summary>Issue 20 part 2: the README is a short user manual whose command lines are ones DealLens accepts today.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string[] s_readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void Issue20_Readme_AtMost400Lines()
        => Assert.InRange(s_readme.Length, 1, 400);

    [Fact]
    public void Issue20_Readme_FirstScreen_SetUpCommandsInstallAndTheThreeCommands()
    {
        var firstScreen = string.Join('\n', s_readme.Take(45));

        Assert.Contains("dotnet run --project src/DealLens.Cli -- analyze samples/", firstScreen, StringComparison.Ordinal);
        Assert.Contains("dotnet test", firstScreen, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install", firstScreen, StringComparison.Ordinal);
        var analyze = firstScreen.IndexOf("deallens analyze ", StringComparison.Ordinal);
        var risk = firstScreen.IndexOf("deallens risk", StringComparison.Ordinal);
        var report = firstScreen.IndexOf("deallens report --out report.html", StringComparison.Ordinal);
        Assert.True(analyze > 0 && analyze < risk && risk < report, "analyze, risk and report --out report.html, in that order");
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/extractor-guide.md")]
    [InlineData("docs/reference.md")]
    public void Issue20_Docs_WrittenAsTheProjectsHistory_NoSessionNarrative(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));

        Assert.DoesNotMatch(new Regex(@"\bsessions?\b", RegexOptions.IgnoreCase), text);
    }

    [Fact]
    public void Issue20_Readme_DeveloperCommandsLiveInDocs()
    {
        var readme = string.Join('\n', s_readme);
        // The user manual ends where the developers' section starts; only that section may show developer commands.
        var manual = readme[..readme.IndexOf("## For developers", StringComparison.Ordinal)];

        Assert.DoesNotContain("deallens eval --", manual, StringComparison.Ordinal);
        Assert.DoesNotContain("deallens train --", manual, StringComparison.Ordinal);
        Assert.Contains("docs/extractor-guide.md", readme, StringComparison.Ordinal);
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "extractor-guide.md"));
        Assert.Contains("deallens eval", guide, StringComparison.Ordinal);
        Assert.Contains("deallens train", guide, StringComparison.Ordinal);
        var tools = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "tools.md"));
        Assert.Contains("deallens-tools bench", tools, StringComparison.Ordinal);
        Assert.Contains("Tried", guide, StringComparison.Ordinal);
    }

    public static TheoryData<int, string> ExampleCommandLines()
    {
        var data = new TheoryData<int, string>();
        var inCode = false;
        var shell = false;
        for (var i = 0; i < s_readme.Length; i++)
        {
            var line = s_readme[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                shell = inCode && line == "```sh";
                continue;
            }

            // In sh blocks every line is a command; elsewhere (output shown as text) only lines after a "$ " prompt.
            if (!shell && !line.StartsWith("$ ", StringComparison.Ordinal))
            {
                continue;
            }

            var command = line.TrimStart('$', ' ');
            // Synopsis lines ([--db PATH], <files>, a|b) are descriptions, not command lines.
            // An example followed by "deallens: ..." shows an error on purpose.
            var showsError = i + 1 < s_readme.Length && s_readme[i + 1].StartsWith("deallens: ", StringComparison.Ordinal);
            if (inCode && !showsError && command.StartsWith("deallens ", StringComparison.Ordinal) && command.IndexOfAny(['[', '<', '|']) < 0)
            {
                data.Add(i + 1, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleCommandLines))]
    public void Issue20_Readme_EveryExampleCommandLine_ParsesWithoutError(int line, string commandLine)
    {
        var root = CliApp.Build(CliContext.ForConsole());
        var words = ShellWords(StripComment(commandLine)).Skip(1).ToArray();

        var parse = root.Parse(words);

        var errors = parse.Errors.Select(e => e.Message).Concat(CommandLineRules.UnknownOptions(parse)).ToList();
        Assert.True(errors.Count == 0, $"README.md:{line}: {commandLine}\n{string.Join('\n', errors)}");
    }

    private static string StripComment(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            quoted ^= line[i] == '"';
            if (!quoted && line[i] == '#' && i > 0 && line[i - 1] == ' ')
            {
                return line[..i];
            }
        }

        return line;
    }

    private static List<string> ShellWords(string line)
    {
        // Only the first command of `a && b` is a deallens command line worth parsing here.
        var end = line.IndexOf("&&", StringComparison.Ordinal);
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var ch in end < 0 ? line : line[..end])
        {
            if (ch == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (ch == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    any = false;
                }
            }
            else
            {
                word.Append(ch);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
