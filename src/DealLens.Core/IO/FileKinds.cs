using System.Runtime.InteropServices;

namespace DealLens.Core.IO;

/// <summary>What a path is on disk, after following symbolic links.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>Not a regular file, of a kind the platform did not say (only where the exact type is unavailable).</summary>
    Special,
}

/// <summary>
/// Tells regular files from FIFOs, devices and sockets without opening them: opening a FIFO blocks until a writer
/// comes, and a device such as /dev/zero never ends. The one place in DealLens that looks at file types, for documents
/// (Cli) and for the database (Storage), so it sits in Core although it is I/O.
/// </summary>
public static class FileKinds
{
    // The runtime's own stat wrapper (libSystem.Native ships with every .NET runtime on Unix): its FileStatus starts
    // with Flags then Mode, and Mode carries the file type bits, normalised to these values on every Unix.
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacterDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeSocket = 0xC000;

    // Larger than FileStatus in any runtime version: the call writes the whole struct.
    private const int StatusBufferBytes = 512;

    private static bool s_nativeUnavailable;

    /// <summary>The kind of what <paramref name="path"/> names, following symbolic links to their final target.</summary>
    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsWindows() && !Volatile.Read(ref s_nativeUnavailable))
        {
            try
            {
                var status = new byte[StatusBufferBytes];
                if (Stat(path, status) != 0)
                {
                    return FileKind.Missing;
                }

                return (BitConverter.ToInt32(status, 4) & TypeMask) switch
                {
                    TypeRegular => FileKind.Regular,
                    TypeDirectory => FileKind.Directory,
                    TypeFifo => FileKind.Fifo,
                    TypeCharacterDevice => FileKind.CharacterDevice,
                    TypeBlockDevice => FileKind.BlockDevice,
                    TypeSocket => FileKind.Socket,
                    _ => FileKind.Special,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // A trimmed or single-file host may not export it: fall back to what .NET tells.
                Volatile.Write(ref s_nativeUnavailable, true);
            }
        }

        return Managed(path);
    }

    /// <summary>"a FIFO", "a character device", ...: for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "a device, FIFO or socket",
    };

    // Without the type bits: FIFOs, devices, sockets and /proc files all report length 0; an empty regular file does
    // too, and is refused as empty anyway, so length 0 is never opened.
    private static FileKind Managed(string path)
    {
        try
        {
            FileSystemInfo info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            }

            if (info is FileInfo { Exists: false } && Directory.Exists(info.FullName))
            {
                return FileKind.Directory;
            }

            return info switch
            {
                FileInfo { Exists: false } => FileKind.Missing,
                FileInfo file when file.Length > 0 && !file.FullName.StartsWith("/dev/", StringComparison.Ordinal) => FileKind.Regular,
                FileInfo file when file.FullName.StartsWith("/dev/", StringComparison.Ordinal) => FileKind.CharacterDevice,
                _ => FileKind.Special,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileKind.Missing;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
