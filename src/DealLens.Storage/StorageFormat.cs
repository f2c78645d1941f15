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

    public static string? DecimalText(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal as the text columns of schema versions before 10 held it.</summary>
    public static decimal? ParseDecimalText(string? text)
        => text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
