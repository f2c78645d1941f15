using DealLens.Core;
using DealLens.Storage;
using Microsoft.Extensions.Configuration;

namespace DealLens.Cli;

/// <summary>
/// Settings in order of precedence: defaults in code &lt; the user's deallens.json ($XDG_CONFIG_HOME/deallens, else
/// ~/.config/deallens) &lt; deallens.json in the working folder &lt; DEALLENS_* environment variables (DEALLENS_Db,
/// DEALLENS_Llm__Endpoint) &lt; command-line flags.
/// </summary>
public sealed class DealLensSettings
{
    public const string FileName = "deallens.json";

    private readonly IConfiguration _configuration;
    private readonly IConfiguration? _userFile;
    private readonly IConfiguration? _workingFile;
    private readonly string _workingDirectory;
    private readonly string? _userFolder;
    private readonly string? _home;

    private DealLensSettings(
        IConfiguration configuration, IConfiguration? userFile, IConfiguration? workingFile, string workingDirectory, string? userFolder, string? home)
    {
        _configuration = configuration;
        _userFile = userFile;
        _workingFile = workingFile;
        _workingDirectory = workingDirectory;
        _userFolder = userFolder;
        _home = home;
    }

    /// <summary>The user's settings file: $XDG_CONFIG_HOME/deallens/deallens.json, else $HOME/.config/deallens/deallens.json.</summary>
    public static string? UserFile(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var xdg = context.ReadEnvironment("XDG_CONFIG_HOME");
        var home = context.ReadEnvironment("HOME");
        var folder = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".config")
            : null;
        return folder is null ? null : Path.Combine(folder, "deallens", FileName);
    }

    public static DealLensSettings Load(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userFile = UserFile(context);
        var workingFile = Path.Combine(context.WorkingDirectory, FileName);
        var user = ReadFile(userFile);
        var working = ReadFile(workingFile);
        var builder = new ConfigurationBuilder();
        if (user is not null)
        {
            builder.AddConfiguration(user);
        }

        if (working is not null)
        {
            builder.AddConfiguration(working);
        }

        context.AddEnvironment(builder);
        return new DealLensSettings(builder.Build(), user, working, context.WorkingDirectory, Path.GetDirectoryName(userFile), context.ReadEnvironment("HOME"));
    }

    private static IConfigurationRoot? ReadFile(string? file)
    {
        if (file is null || !File.Exists(file))
        {
            return null;
        }

        try
        {
            return new ConfigurationBuilder().AddJsonFile(file, optional: true, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
        {
            throw new DealLensException($"{file}: cannot read settings: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The database: --db, else DEALLENS_DB / "Db" in deallens.json, else deallens.db here. A file path is made absolute;
    /// a PostgreSQL connection string (Host=...;Database=..., or postgresql://...) is returned as written. It may hold a
    /// password: name it in messages with <see cref="DisplayName"/>, never as it is.
    /// </summary>
    public string DatabasePath(string? flag)
        => DatabaseLocation.IsConnectionString(flag ?? _configuration["Db"])
            ? (flag ?? _configuration["Db"])!
            : FullPath(flag, "Db") ?? Path.GetFullPath("deallens.db", _workingDirectory);

    /// <summary>How the database is named in messages: the path, or the connection string without its password.</summary>
    public static string DisplayName(string database)
        => DatabaseLocation.IsConnectionString(database) ? DatabaseLocation.Parse(database).DisplayName : database;

    /// <summary>
    /// The database a reading command uses. It must exist: a mistyped path would otherwise become a new, empty
    /// database and an empty answer that looks like an all-clear.
    /// </summary>
    public string ExistingDatabasePath(string? flag)
    {
        var path = DatabasePath(flag);
        // A server database is checked when it is opened (unreachable, refused or missing: one line naming it).
        if (!DatabaseLocation.IsConnectionString(path) && !File.Exists(path))
        {
            throw new DealLensException(
                $"{path}: no such database. Run `deallens analyze <files or folders> --db {path}` first, or name an existing one with --db or \"Db\" in {FileName}.");
        }

        return path;
    }

    /// <summary><see cref="ExistingDatabasePath"/> for a command, which names the database it reads on stderr.</summary>
    public static async Task<string> ReadDatabaseAsync(CliContext context, string? flag)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = Load(context).ExistingDatabasePath(flag);
        await context.Error.WriteLineAsync($"deallens: database {DisplayName(path)}");
        return path;
    }

    /// <summary>A clause model file: --clause-model, else DEALLENS_CLAUSE_MODEL / "ClauseModel" in deallens.json, else null (the shipped model).</summary>
    public string? ModelPath(string? flag) => FullPath(flag, "ClauseModel");

    public string? this[string key] => _configuration[key];

    /// <summary>
    /// A path setting made absolute. A flag, a variable or the working folder's file is relative to the working
    /// folder; the user's file is relative to its own folder (so it works from anywhere); a leading ~/ is the home folder.
    /// </summary>
    private string? FullPath(string? flag, string key)
    {
        var path = flag ?? _configuration[key];
        if (path is null)
        {
            return null;
        }

        if (_home is not null && (path == "~" || path.StartsWith("~/", StringComparison.Ordinal)))
        {
            path = Path.Join(_home, path[1..]);
        }

        var fromUserFile = flag is null && _userFolder is not null && _userFile?[key] == path && _workingFile?[key] is null;
        return Path.GetFullPath(path, fromUserFile ? _userFolder! : _workingDirectory);
    }
}
