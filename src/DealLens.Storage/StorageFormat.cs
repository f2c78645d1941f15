using System.Globalization;
using DealLens.Core.Documents;

namespace DealLens.Storage;

/// <summary>How values are written to and read from columns, in one place rather than by driver defaults.</summary>
internal static class StorageFormat
{
    private const string TimestampFormat = "O";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>UTC in the round-trip format: sorts correctly as text.</summary>
    public static string Timestamp(DateTimeOffset value)
        => value.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text)
        => DateTimeOffset.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string? Date(DateOnly? value) => value?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text)
        => text is null ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static string FormatName(DocumentFormat format) => format.ToString().ToLowerInvariant();

    public static DocumentFormat ParseFormat(string name) => Enum.Parse<DocumentFormat>(name, ignoreCase: true);

    /// <summary>
    /// A decimal as a REAL column holds it (schema 10). Read back with <see cref="ParseNumber"/>, exact for any value
    /// with at most two decimals up to about 4.5e13 (see Schema/0010_numeric_amounts.sql).
    /// </summary>
    public static double? Number(decimal? value) => value is { } v ? (double)v : null;

    /// <summary>
    /// The decimal a REAL column stands for: the shortest text that reads back as the same double, so 0.1 stays 0.1
    /// and 9999999999999.99 stays itself, where a direct conversion would keep only 15 significant digits.
    /// </summary>
    public static decimal? ParseNumber(double? value)
        => value is { } v ? decimal.Parse(v.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    /// <summary>A decimal as the text columns of schema versions before 10 held it.</summary>
    public static decimal? ParseDecimalText(string? text)
        => text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
