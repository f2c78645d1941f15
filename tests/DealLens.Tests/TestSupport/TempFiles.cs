namespace DealLens.Tests.TestSupport;

/// <summary>A temporary folder for files a test writes; deleted on dispose.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Folder = Directory.CreateTempSubdirectory("deallens-tests-").FullName;
    }

    public string Folder { get; }

    public string Write(string fileName, byte[] content)
    {
        var path = Path.Combine(Folder, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
