using DealLens.Core;
using DealLens.Core.IO;

namespace DealLens.Cli.Analysis;

/// <summary>
/// Reads one document file for analysis, <c>analyze</c> and <c>batch</c> alike: only a regular file (never a FIFO or
/// device, which would block or never end), its size checked before reading, and the read itself capped at that
/// limit, so a file that grows while it is read (or lies about its size) cannot take more.
/// </summary>
public static class DocumentFiles
{
    private const int ChunkBytes = 81920;

    private static readonly HashSet<string> s_textExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".htm", ".html" };

    /// <summary>The size limit for <paramref name="path"/>: text and HTML have their own, lower one.</summary>
    public static long LimitFor(string path, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        return s_textExtensions.Contains(Path.GetExtension(path)) ? Math.Min(limits.MaxTextFileBytes, limits.MaxFileBytes) : limits.MaxFileBytes;
    }

    /// <summary>The file's bytes; every refusal is a <see cref="DealLensException"/> starting with <paramref name="displayPath"/>.</summary>
    public static async Task<byte[]> ReadAsync(string path, string displayPath, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        // Past Array.MaxLength a file could not be held anyway.
        var maxBytes = Math.Min(LimitFor(path, limits), Array.MaxLength - 1L);
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            throw new DealLensException($"{displayPath}: file not found");
        }

        if (kind != FileKind.Regular)
        {
            throw new DealLensException($"{displayPath}: not a regular file ({FileKinds.Describe(kind)}); not read");
        }

        try
        {
            // FileInfo follows the link for its length here: the kind above already did.
            var length = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target.Length : new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw new DealLensException($"{displayPath}: file is {length:N0} bytes, over the {maxBytes:N0}-byte limit{Hint(path, limits)}");
            }

            if (length == 0)
            {
                throw new DealLensException($"{displayPath}: empty file (0 bytes)");
            }

            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, ChunkBytes, useAsync: true);
            var buffer = new byte[Math.Min(length, maxBytes) + 1];
            var total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new DealLensException($"{displayPath}: grew past the {maxBytes:N0}-byte limit while being read{Hint(path, limits)}");
                }

                if (total == buffer.Length)
                {
                    // Grown since its size was read (still being written?): take more, up to the limit.
                    Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, ChunkBytes), maxBytes + 1));
                }
            }

            return total == buffer.Length ? buffer : buffer[..total];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{displayPath}: cannot read: {ex.Message}", ex);
        }
    }

    private static string Hint(string path, DocumentLimits limits)
        => s_textExtensions.Contains(Path.GetExtension(path)) && limits.MaxTextFileBytes < limits.MaxFileBytes
            ? " for text and HTML (no contract or filing document is that large)"
            : "";
}
