using System.Security.Cryptography;
using System.Text;

namespace DealLens.Core.Evaluation;

/// <summary>
/// The locked part of a real-filings set, chosen by a fixed rule on the file name alone: the first byte of the
/// SHA-256 of the UTF-8 file name (no folder), modulo 3, equals 1. About a third of any set is locked; a document
/// stays on its side whatever else is added. Nobody reads a locked document, its labels or its errors, and nothing
/// is tuned on it: its figure is printed only as an aggregate, so it predicts how the readers do on unseen filings.
/// </summary>
public static class FilingSplit
{
    public static bool IsLocked(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return SHA256.HashData(Encoding.UTF8.GetBytes(name))[0] % 3 == 1;
    }
}
