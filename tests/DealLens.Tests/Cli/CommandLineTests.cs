using System.CommandLine;
using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

/// <summary>Issue 20 parts 3 and 4: no empty all-clear from a missing database, and a command line without traps.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string Supply = """
        GPU SUPPLY AGREEMENT

        This Agreement is entered into as of April 15, 2026 by and between Aurora Silicon Corp. ("Supplier") and Cobalt Cloud Holdings, LLC ("Buyer").

        1. Buyer shall purchase accelerator systems from Supplier for an aggregate purchase price of $5 billion over the Term.
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly Dictionary<string, string?> s_reviewer = new() { ["DEALLENS_REVIEWER"] = "ana" };

    [Theory]
    [InlineData("risk")]
    [InlineData("risk|--json")]
    [InlineData("graph")]
    [InlineData("companies|list")]
    [InlineData("companies|merge|Beacon Intelligence|Beacon AI, Inc.")]
    [InlineData("review|list")]
    [InlineData("review|show|abcd")]
    [InlineData("review|accept|abcd")]
    [InlineData("report|--out|r.html")]
    [InlineData("eval|--history")]
    public async Task Issue20_ReadingCommand_MissingDatabase_RefusesNamingPathAndFirstStep(string commandLine)
    {
        var command = commandLine.Split('|');
        var db = _folder.File("mistyped.db");

        var result = await CliRunner.RunAsync(_folder.Path, s_reviewer, CancellationToken.None, [.. command, "--db", db]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(db + ": no such database", result.Error, StringComparison.Ordinal);
        Assert.Contains("deallens analyze", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "a reading command must not create the database");
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Issue20_Risk_DefaultDatabaseMissing_RefusesInsteadOfEmptyReport()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "risk");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(_folder.File("deallens.db"), result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Circular financing", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_Analyze_NewDatabase_SaysCreatedWhatMattersAndNext()
    {
        _folder.Write("docs/supply.txt", Supply);
        var db = _folder.File("out/deals.db");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"Created the database {db}.", result.Out, StringComparison.Ordinal);
        Assert.Contains("What matters: 0 circular-financing cycles", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Next: deallens risk --db {db}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"deallens report --out report.html --db {db}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_Analyze_Samples_SummaryCountsCyclesAndHighFindings()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "analyze", Path.Combine(RepoPaths.Samples, "contracts"), "--db", _folder.File("s.db"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var line = result.Out.Split('\n').Single(l => l.StartsWith("What matters:", StringComparison.Ordinal));
        Assert.Matches(@"What matters: [1-9]\d* circular-financing cycles? \(\d+ high\), [1-9]\d* high-severity findings?: ", line);
    }

    [Fact]
    public async Task Issue20_Risk_ExistingDatabase_NamesItOnStderr()
    {
        _folder.Write("docs/supply.txt", Supply);
        var db = _folder.File("d.db");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", db)).ExitCode);

        var result = await CliRunner.RunAsync(_folder.Path, "risk", "--db", db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"deallens: database {db}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_UserConfig_XdgConfigHome_GivesTheDatabaseRelativeToItsFolder()
    {
        _folder.Write("config/deallens/deallens.json", """{ "Db": "data/deals.db" }""");
        _folder.Write("docs/supply.txt", Supply);
        var work = Directory.CreateDirectory(_folder.File("work")).FullName;
        var environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = _folder.File("config"), ["HOME"] = _folder.File("home") };
        var expected = _folder.File("config/deallens/data/deals.db");

        var analyze = await CliRunner.RunAsync(work, environment, CancellationToken.None, "analyze", _folder.File("docs"));
        var risk = await CliRunner.RunAsync(work, environment, CancellationToken.None, "risk");

        Assert.Equal(ExitCodes.Ok, analyze.ExitCode);
        Assert.True(File.Exists(expected), analyze.Out + analyze.Error);
        Assert.Equal(ExitCodes.Ok, risk.ExitCode);
        Assert.Contains($"deallens: database {expected}", risk.Error, StringComparison.Ordinal);
        Assert.Contains("Next: deallens risk   (", analyze.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_UserConfig_HomeWithoutXdg_IsReadAndWorkingFolderFileWins()
    {
        _folder.Write("home/.config/deallens/deallens.json", """{ "Db": "~/user.db" }""");
        var work = Directory.CreateDirectory(_folder.File("work")).FullName;
        var environment = new Dictionary<string, string?> { ["HOME"] = _folder.File("home") };

        var fromUser = await CliRunner.RunAsync(work, environment, CancellationToken.None, "risk");
        _folder.Write("work/deallens.json", """{ "Db": "here.db" }""");
        var fromWorking = await CliRunner.RunAsync(work, environment, CancellationToken.None, "risk");

        Assert.Contains(_folder.File("home/user.db") + ": no such database", fromUser.Error, StringComparison.Ordinal);
        Assert.Contains(_folder.File("work/here.db") + ": no such database", fromWorking.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_Analyze_UnknownOption_IsAnErrorNotAFileName()
    {
        _folder.Write("docs/supply.txt", Supply);
        var db = _folder.File("d.db");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", "--frce", _folder.File("docs"), "--db", db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("unknown option '--frce'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "nothing may run when the command line is wrong");
    }

    [Fact]
    public void Issue20_Analyze_DashFileAfterDoubleDash_IsAFile()
    {
        var root = CliApp.Build(CliContext.ForConsole());

        var before = root.Parse(["analyze", "-supply.txt"]);
        var after = root.Parse(["analyze", "--", "-supply.txt"]);

        Assert.NotEmpty(CommandLineRules.UnknownOptions(before));
        Assert.Empty(CommandLineRules.UnknownOptions(after));
        Assert.Empty(after.Errors);
        Assert.Equal(["-supply.txt"], after.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>().Single().Tokens.Select(t => t.Value));
    }

    [Theory]
    [InlineData("--bogus", "risk")]
    [InlineData("--bogus", "review", "list")]
    [InlineData("--bogus", "review", "assign", "abcd")]
    public async Task Issue20_UnknownOption_AnyCommand_ExitsOneWithUsageOnStderr(string bogus, params string[] command)
    {
        var result = await CliRunner.RunAsync(_folder.Path, s_reviewer, CancellationToken.None, [.. command, bogus]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(bogus, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("analyze", "samples", "--parallel", "abc")]
    [InlineData("analyze", "samples", "--parallel", "99999999999")]
    [InlineData("review", "list", "--limit", "x")]
    [InlineData("review", "accept", "abcd", "--expect-version", "v2")]
    [InlineData("review", "edit", "abcd", "--amount", "5M")]
    [InlineData("batch", "--inbox", "in", "--max-docs", "lots")]
    [InlineData("batch", "--inbox", "in", "--timeout", "1.5")]
    [InlineData("eval", "--repeat", "x")]
    public async Task Issue20_BadNumber_AnyOption_IsOneLineErrorWithoutStackTrace(params string[] args)
    {
        var result = await CliRunner.RunAsync(_folder.Path, s_reviewer, CancellationToken.None, args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var first = result.Error.Split('\n')[0];
        Assert.Matches(@"^deallens: --[a-z-]+: '.*' is not a (whole )?number$", first);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    public async Task Issue21_Batch_ClaimLeaseNotPositive_ExitOneNamingTheOption(string seconds)
    {
        var result = await CliRunner.RunAsync(_folder.Path, s_reviewer, CancellationToken.None, "batch", "--inbox", "in", "--claim-lease", seconds);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--claim-lease", result.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("deallens.db")));
    }

    [Fact]
    public async Task Issue20_NoCommand_PrintsHelpToStderrAndExitsOne()
    {
        var result = await CliRunner.RunAsync(_folder.Path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Commands, in the order you use them:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_Help_ListsUserCommandsBeforeDeveloperOnes()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var text = result.Out;
        var developerHeading = text.IndexOf("For users who label their own contracts", StringComparison.Ordinal);
        Assert.True(developerHeading > 0, text);
        foreach (var user in new[] { "analyze", "risk", "report", "review", "graph", "companies", "batch", "models" })
        {
            var at = text.IndexOf("\n  " + user + " ", StringComparison.Ordinal);
            Assert.InRange(at, 0, developerHeading);
        }

        foreach (var developer in new[] { "eval", "train" })
        {
            Assert.True(text.IndexOf("\n  " + developer + " ", StringComparison.Ordinal) > developerHeading, developer);
        }

        Assert.True(text.IndexOf("\n  analyze", StringComparison.Ordinal) < text.IndexOf("\n  risk", StringComparison.Ordinal));
        Assert.True(text.IndexOf("\n  risk", StringComparison.Ordinal) < text.IndexOf("\n  report", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue20_Options_SameNameAndShortFormInEveryCommand()
    {
        var root = CliApp.Build(CliContext.ForConsole());
        var options = CommandLineRules.Walk(root).SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o))).ToList();

        Assert.DoesNotContain(options, o => o.Option.Name is "--output" or "--output-file" or "--outfile");
        foreach (var (longName, shortName) in CommandLineRules.ShortForms)
        {
            Assert.All(options.Where(o => o.Option.Name == longName), o => Assert.Contains(shortName, o.Option.Aliases));
            Assert.All(options.Where(o => o.Option.Aliases.Contains(shortName)), o => Assert.Equal(longName, o.Option.Name));
        }

        Assert.Contains(options, o => o.Option.Name == "--quiet");
        Assert.Contains(options, o => o.Command == "graph" && o.Option.Name == "--out");
    }

    [Theory]
    [InlineData("companies list")]
    [InlineData("models check")]
    [InlineData("review list")]
    [InlineData("review show")]
    [InlineData("review accept")]
    [InlineData("review reject")]
    [InlineData("review edit")]
    [InlineData("review comment")]
    [InlineData("review assign")]
    [InlineData("review apply")]
    [InlineData("risk")]
    [InlineData("analyze")]
    [InlineData("batch")]
    [InlineData("eval")]
    public void Issue20_CommandThatPrintsData_HasJson(string path)
    {
        Command command = CliApp.Build(CliContext.ForConsole());
        foreach (var word in path.Split(' '))
        {
            command = command.Subcommands.Single(c => c.Name == word);
        }

        var json = Assert.Single(command.Options, o => o.Name == "--json");
        Assert.Contains("-j", json.Aliases);
    }

    [Fact]
    public async Task Issue20_CompaniesList_Json_IsOneDocumentWithCompanies()
    {
        _folder.Write("docs/supply.txt", Supply);
        var db = _folder.File("d.db");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", db)).ExitCode);

        var result = await CliRunner.RunAsync(_folder.Path, "companies", "list", "-j", "--db", db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var names = document.RootElement.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains(names, n => n!.StartsWith("Aurora Silicon", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("alias_table").ValueKind);
    }

    [Fact]
    public async Task Issue20_ReviewAccept_Json_PrintsTheResultAsJson()
    {
        var db = _folder.File("s.db");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", Path.Combine(RepoPaths.Samples, "contracts"), "--db", db)).ExitCode);
        var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--json", "--limit", "1", "--db", db);
        using var queue = JsonDocument.Parse(list.Out);
        var id = queue.RootElement[0].GetProperty("id").GetString()!;

        var result = await CliRunner.RunAsync(_folder.Path, s_reviewer, CancellationToken.None, "review", "accept", id, "-j", "--db", db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var done = JsonDocument.Parse(result.Out);
        Assert.Equal("accepted", done.RootElement.GetProperty("status").GetString());
        Assert.Equal("ana", done.RootElement.GetProperty("updated_by").GetString());
    }

    [Fact]
    public async Task Issue20_Graph_OldOutputName_IsAnUnknownOption()
    {
        _folder.Write("docs/supply.txt", Supply);
        var db = _folder.File("d.db");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", db)).ExitCode);

        var result = await CliRunner.RunAsync(_folder.Path, "graph", "--output", "g.svg", "--format", "svg", "--db", db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--output", result.Error, StringComparison.Ordinal);
    }
}
