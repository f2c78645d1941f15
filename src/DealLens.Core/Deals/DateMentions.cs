using System.Globalization;
using System.Text.RegularExpressions;

namespace DealLens.Core.Deals;

/// <summary>
/// Calendar dates as contracts write them: "March 7, 2025", "7 March 2025", "the 7th day of March, 2025",
/// "2025-03-07" and US-style "3/7/2025". <see cref="Pattern"/> uses groups <c>mon</c>/<c>mnum</c>, <c>day</c>, <c>year</c>.
/// </summary>
internal static class DateMentions
{
    private const string Month =
        "(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

    public const string Pattern =
        "(?:" + Month + @"\.?[ ]+(?<day>\d{1,2})(?:st|nd|rd|th)?,?[ ]+(?<year>\d{4})" +
        @"|(?<day>\d{1,2})(?:st|nd|rd|th)?[ ]+(?:day[ ]+of[ ]+)?" + Month + @"\.?,?[ ]+(?<year>\d{4})" +
        @"|(?<year>\d{4})-(?<mnum>\d{2})-(?<day>\d{2})" +
        @"|(?<mnum>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4}))";

    /// <summary>The date a <see cref="Pattern"/> match names, or null when it is not a real date (February 30).</summary>
    public static DateOnly? From(Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["mon"].Success
            ? MonthNumber(match.Groups["mon"].Value)
            : int.Parse(match.Groups["mnum"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    /// <summary>Whole months from <paramref name="start"/> to the day after <paramref name="inclusiveEnd"/>, to the nearest month.</summary>
    public static int MonthsBetween(DateOnly start, DateOnly inclusiveEnd)
    {
        var end = inclusiveEnd.AddDays(1);
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month;
        var anchor = start.AddMonths(months);
        if (anchor > end)
        {
            months--;
            anchor = start.AddMonths(months);
        }

        var leftoverDays = end.DayNumber - anchor.DayNumber;
        return leftoverDays >= 15 ? months + 1 : months;
    }

    private static int MonthNumber(string name) => name[..3] switch
    {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        _ => 12,
    };
}
