using DealLens.Tests.TestSupport;
using DealLens.Tools.Bench;

namespace DealLens.Tests.Tools;

/// <summary>Which build the cold-start figure timed, read from the assemblies' headers (issue #19).</summary>
public sealed class ProductBuildTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string FrameworkAssembly => typeof(object).Assembly.Location;

    private static string CoreAssembly => typeof(DealLens.Core.DealLensException).Assembly.Location;

    [Fact]
    public void Issue19_IsReadyToRun_SharedFrameworkCoreLibrary_True()
        => Assert.True(ProductBuild.IsReadyToRun(FrameworkAssembly));

    [Fact]
    public void Issue19_IsReadyToRun_BuiltCoreAssembly_False()
        => Assert.False(ProductBuild.IsReadyToRun(CoreAssembly));

    [Fact]
    public void Issue19_Describe_BothAssembliesPrecompiled_ReadyToRun()
    {
        var exe = Layout(FrameworkAssembly, FrameworkAssembly);

        Assert.Equal("ReadyToRun", ProductBuild.Describe(exe));
    }

    [Fact]
    public void Issue19_Describe_OnlyOnePrecompiled_PartlyReadyToRun()
    {
        var exe = Layout(FrameworkAssembly, CoreAssembly);

        Assert.Equal("partly ReadyToRun", ProductBuild.Describe(exe));
    }

    [Fact]
    public void Issue19_Describe_LinkToThePlainBuild_FollowsTheLinkToIlOnly()
    {
        var plain = Path.Combine(AppContext.BaseDirectory, "deallens");
        Assert.True(File.Exists(plain), $"{plain}: the plain build's apphost is missing beside the tests");
        var link = _folder.File("bin/deallens");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, plain);

        Assert.Equal("IL only", ProductBuild.Describe(link));
    }

    [Fact]
    public void Issue19_Describe_NoAssembliesBeside_SaysNotKnown()
    {
        var exe = _folder.Write("lone/deallens", "#!/bin/sh\n");

        Assert.StartsWith("build not known", ProductBuild.Describe(exe), StringComparison.Ordinal);
    }

    private string Layout(string cli, string core)
    {
        var exe = _folder.Write("app/deallens", "#!/bin/sh\n");
        File.Copy(cli, _folder.File("app/deallens.dll"));
        File.Copy(core, _folder.File("app/DealLens.Core.dll"));
        return exe;
    }
}
