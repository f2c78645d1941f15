namespace DealLens.Extraction;

/// <summary>Which clean-ups <see cref="PageTextCleaner"/> applies to page texts.</summary>
public sealed record PageTextCleanerOptions
{
    /// <summary>Remove EDGAR "Source: COMPANY, 10-K, 3/1/2019" lines near the bottom of a page.</summary>
    public bool RemoveEdgarFooters { get; init; } = true;

    /// <summary>Remove short lines repeated at the top or bottom of many pages (after digits are masked).</summary>
    public bool RemoveRunningHeaders { get; init; } = true;

    /// <summary>Remove bare page numbers ("7", "- 7 -", "Page 7 of 20") at the top or bottom of a page.</summary>
    public bool RemovePageNumbers { get; init; } = true;

    /// <summary>Join "non-" + "exclusive" on the next line into "non-exclusive" (the hyphen is kept).</summary>
    public bool JoinHyphenatedLines { get; init; } = true;

    /// <summary>How many non-blank lines at the top of a page count as header lines.</summary>
    public int HeaderLines { get; init; } = 2;

    /// <summary>How many non-blank lines at the bottom of a page count as footer lines.</summary>
    public int FooterLines { get; init; } = 3;

    /// <summary>A running header/footer is at most this long.</summary>
    public int MaxRunningLineLength { get; init; } = 80;

    /// <summary>A running header/footer must appear on at least this many pages (and on half of them).</summary>
    public int MinRunningPages { get; init; } = 3;
}
