using System.Collections.Frozen;
using DealLens.Core;
using DealLens.Core.Documents;

namespace DealLens.Extraction;

/// <summary>Picks the <see cref="ITextExtractor"/> for a file by its extension and reads files with it.</summary>
public static class TextExtractors
{
    private static readonly PdfTextExtractor s_pdf = new();
    private static readonly HtmlTextExtractor s_html = new();
    private static readonly PlainTextExtractor s_text = new();

    private static readonly FrozenDictionary<string, ITextExtractor> s_byExtension = new Dictionary<string, ITextExtractor>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = s_pdf,
        [".htm"] = s_html,
        [".html"] = s_html,
        [".txt"] = s_text,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The extensions <see cref="ForPath"/> knows, with the dot, compared case-insensitively.</summary>
    public static IReadOnlySet<string> SupportedExtensions { get; } = s_byExtension.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The extractor for <paramref name="path"/>'s extension (case-insensitive), or null when none fits.</summary>
    public static ITextExtractor? ForPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return s_byExtension.GetValueOrDefault(Path.GetExtension(path.TrimEnd()));
    }

    /// <summary>
    /// Reads and extracts one file. Every failure is a <see cref="DealLensException"/> whose message starts with
    /// <paramref name="path"/>: unsupported type, unreadable file, or a document that cannot be read.
    /// </summary>
    public static DocumentText ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extractor = ForPath(path) ?? throw new DealLensException(
            $"{path}: unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", SupportedExtensions.Order(StringComparer.Ordinal))})");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return extractor.Extract(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{path}: cannot read: {ex.Message}", ex);
        }
    }
}
