using DealLens.Core;
using Microsoft.Extensions.Configuration;

namespace DealLens.Cli;

/// <summary>
/// Settings in order of precedence: defaults in code &lt; deallens.json in the working folder &lt;
/// DEALLENS_* environment variables (DEALLENS_Db, DEALLENS_Llm__Endpoint) &lt; command-line flags.
/// </summary>
public sealed class DealLensSettings
{
    public const string FileName = "deallens.json";

    private readonly IConfiguration _configuration;
    private readonly string _workingDirectory;

    private DealLensSettings(IConfiguration configuration, string workingDirectory)
    {
        _configuration = configuration;
        _workingDirectory = workingDirectory;
    }

    public static DealLensSettings Load(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = Path.Combine(context.WorkingDirectory, FileName);
        try
        {
            var builder = new ConfigurationBuilder();
            if (File.Exists(file))
            {
                builder.AddJsonFile(file, optional: true, reloadOnChange: false);
            }

            context.AddEnvironment(builder);
            return new DealLensSettings(builder.Build(), context.WorkingDirectory);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
        {
            throw new DealLensException($"{file}: cannot read settings: {ex.Message}", ex);
        }
    }

    /// <summary>The database file: --db, else DEALLENS_DB / "Db" in deallens.json, else deallens.db here.</summary>
    public string DatabasePath(string? flag)
    {
        var path = flag ?? _configuration["Db"] ?? "deallens.db";
        return Path.GetFullPath(path, _workingDirectory);
    }

    /// <summary>A clause model file: --clause-model, else DEALLENS_CLAUSE_MODEL / "ClauseModel" in deallens.json, else null (the shipped model).</summary>
    public string? ModelPath(string? flag)
    {
        var path = flag ?? _configuration["ClauseModel"];
        return path is null ? null : Path.GetFullPath(path, _workingDirectory);
    }

    public string? this[string key] => _configuration[key];
}
