using System.Text;
using DealLens.Core.Clauses.Learning;

namespace DealLens.Core.Evaluation;

/// <summary>
/// The lock of the concentration check set (tests/DealLens.Tests/Data/concentration), fixed with the set before any
/// reader ran on it: FNV-1a-32 of the UTF-8 file name, even = locked (about half). A rule of its own, so that no change
/// to another set's lock can move it. Locked documents are scored once, in aggregate only.
/// </summary>
public static class ConcentrationCheckSet
{
    public static bool IsLocked(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return FeatureHashing.Fnv1a(Encoding.UTF8.GetBytes(Path.GetFileName(fileName.Replace('\\', '/')))) % 2 == 0;
    }
}
