namespace DealLens.Core;

/// <summary>A problem the user can fix: bad input, an unreadable file, a database that is too new.</summary>
public sealed class DealLensException : Exception
{
    public DealLensException(string message)
        : base(message)
    {
    }

    public DealLensException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
