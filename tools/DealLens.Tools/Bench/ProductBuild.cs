using System.Reflection.PortableExecutable;

namespace DealLens.Tools.Bench;

/// <summary>
/// Which build of <c>deallens</c> the cold-start figure times: a ReadyToRun build (precompiled native code, as in the
/// linux-x64 tool package) or an IL-only build (every method JIT-compiled when first called).
/// </summary>
public static class ProductBuild
{
    /// <summary>Folder beside deallens-tools where a Release build of the lab on linux-x64 publishes the ReadyToRun CLI.</summary>
    public const string ReadyToRunFolder = "readytorun";

    private static readonly string[] s_assemblies = ["deallens.dll", "DealLens.Core.dll"];

    /// <summary>The ReadyToRun publish beside this assembly when there is one, else the plain build beside it.</summary>
    public static string DefaultExecutable()
    {
        var published = Path.Combine(AppContext.BaseDirectory, ReadyToRunFolder, OperatingSystem.IsWindows() ? "deallens.exe" : "deallens");
        return File.Exists(published) ? published : ChildProcess.ProductExecutable();
    }

    /// <summary>
    /// "ReadyToRun", "IL only" or "partly ReadyToRun", read from the headers of deallens.dll and DealLens.Core.dll in the
    /// executable's folder (after following a link: <c>dotnet tool install</c> links the command into its store).
    /// </summary>
    public static string Describe(string executable)
    {
        ArgumentNullException.ThrowIfNull(executable);
        var file = new FileInfo(executable);
        var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
        var folder = target.DirectoryName ?? ".";
        var assemblies = s_assemblies.Select(name => Path.Combine(folder, name)).ToList();
        if (!assemblies.All(File.Exists))
        {
            return "build not known: no deallens.dll and DealLens.Core.dll beside it";
        }

        var precompiled = assemblies.Count(IsReadyToRun);
        return precompiled == assemblies.Count ? "ReadyToRun" : precompiled == 0 ? "IL only" : "partly ReadyToRun";
    }

    /// <summary>True when the assembly carries ReadyToRun code (its CLI header points to a managed native header).</summary>
    public static bool IsReadyToRun(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { } header && header.ManagedNativeHeaderDirectory.Size > 0;
    }
}
