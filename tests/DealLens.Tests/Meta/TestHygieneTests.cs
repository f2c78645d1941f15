using System.Text.RegularExpressions;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Meta;

/// <summary>
/// Issue 21.6: a test that cannot run says so (a skip with its reason, a failure under CI=true); it never passes by
/// returning early. This reads the test sources and finds any bare <c>return;</c> in the body of a test method.
/// </summary>
public sealed partial class TestHygieneTests
{
    [Fact]
    public void Issue21_TestMethods_NeverReturnEarly()
    {
        var offenders = new List<string>();
        foreach (var file in TestSources())
        {
            offenders.AddRange(EarlyReturns(File.ReadAllLines(file)).Select(line => $"{Path.GetRelativePath(RepoPaths.Root, file)}:{line}"));
        }

        Assert.True(offenders.Count == 0,
            "test methods that return early (make them a skip with its reason, e.g. [CuadDevFact], [GraphvizFact], [ChromiumFact]):\n"
            + string.Join('\n', offenders));
    }

    [Fact]
    public void Issue21_EarlyReturnFinder_FindsTheOldPattern()
    {
        string[] source =
        [
            "    [Fact]",
            "    public void Uses_SharedFolder()",
            "    {",
            "        if (RepoPaths.CuadDev is not { } cuadDev)",
            "        {",
            "            return; // nothing to check",
            "        }",
            "        Assert.True(true);",
            "    }",
            "",
            "    private static void Helper(bool update)",
            "    {",
            "        if (update)",
            "        {",
            "            return;",
            "        }",
            "    }",
        ];

        Assert.Equal([6], EarlyReturns(source));
    }

    /// <summary>1-based line numbers of <c>return;</c> inside methods marked [Fact], [Theory] or a [...Fact] attribute.</summary>
    internal static List<int> EarlyReturns(IReadOnlyList<string> lines)
    {
        var found = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!TestAttribute().IsMatch(lines[i]))
            {
                continue;
            }

            // The body: from the first '{' after the attribute to its matching '}'.
            var depth = 0;
            var opened = false;
            for (var j = i + 1; j < lines.Count; j++)
            {
                var line = StripStringsAndComments(lines[j]);
                if (opened && depth >= 1 && BareReturn().IsMatch(line))
                {
                    found.Add(j + 1);
                }

                foreach (var c in line)
                {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    opened |= c == '{';
                }

                if (opened && depth == 0)
                {
                    i = j;
                    break;
                }
            }
        }

        return found;
    }

    private static string StripStringsAndComments(string line)
    {
        var code = Strings().Replace(line, "\"\"");
        var comment = code.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 ? code[..comment] : code;
    }

    private static IEnumerable<string> TestSources()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests");
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s*\[\s*\w*(Fact|Theory)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"(^|[;{}\s])return\s*;")]
    private static partial Regex BareReturn();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();
}
