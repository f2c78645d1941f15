using System.Globalization;
using System.Text.Json;
using DealLens.Core;

namespace DealLens.Extraction.Edgar;

/// <summary>Which of a company's filings to take: form types and a filing-date range (both ends included, either open).</summary>
public sealed record FilingFilter(IReadOnlySet<string> Forms, DateOnly? Since, DateOnly? Until)
{
    public bool Accepts(string form, DateOnly? filed)
        => Forms.Contains(form) && (Since is null || filed >= Since) && (Until is null || filed <= Until);
}

/// <summary>
/// Reads EDGAR's JSON company data, as edgartools and SEC's own pages use it: the ticker list
/// (<c>files/company_tickers.json</c>: <c>{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},...}</c>) and a
/// company's submissions (<c>submissions/CIK##########.json</c>: name, and <c>filings.recent</c> as parallel arrays of
/// accessionNumber, filingDate, form, primaryDocument). The JSON is untrusted: its depth is capped by the reader, and
/// arrays of different lengths are read only as far as all of them go.
/// </summary>
public static class EdgarSubmissionsReader
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 16 };

    /// <summary>The ten-digit CIK of <paramref name="companyOrCik"/>: digits are a CIK, anything else a ticker to look up.</summary>
    public static string? CikFromTickers(Stream tickers, string companyOrCik, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(companyOrCik);
        using var document = Parse(tickers, sourceName);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new DealLensException($"{sourceName}: not EDGAR's ticker list (expected an object)");
        }

        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Object
                && entry.Value.TryGetProperty("ticker", out var ticker) && ticker.ValueKind == JsonValueKind.String
                && string.Equals(ticker.GetString(), companyOrCik.Trim(), StringComparison.OrdinalIgnoreCase)
                && entry.Value.TryGetProperty("cik_str", out var cik) && cik.ValueKind == JsonValueKind.Number && cik.TryGetInt64(out var number) && number > 0)
            {
                return PadCik(number.ToString(CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>"320193" -> "0000320193"; null for anything that is not 1-10 digits.</summary>
    public static string? PadCik(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length is >= 1 and <= 10 && trimmed.All(char.IsAsciiDigit) ? trimmed.PadLeft(10, '0') : null;
    }

    /// <summary>The company's recent filings that <paramref name="filter"/> accepts, newest first, with their index links.</summary>
    public static FeedContent Read(Stream submissions, string cik, FilingFilter filter, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var document = Parse(submissions, sourceName);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("filings", out var filings) || filings.ValueKind != JsonValueKind.Object
            || !filings.TryGetProperty("recent", out var recent) || recent.ValueKind != JsonValueKind.Object)
        {
            throw new DealLensException($"{sourceName}: not EDGAR submissions JSON (no filings.recent)");
        }

        var company = root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        var accessions = Strings(recent, "accessionNumber");
        var forms = Strings(recent, "form");
        var dates = Strings(recent, "filingDate");
        var count = Math.Min(accessions.Count, Math.Min(forms.Count, dates.Count));
        var result = new List<FeedFiling>();
        var problems = new List<string>();
        if (accessions.Count != forms.Count || forms.Count != dates.Count)
        {
            problems.Add($"{sourceName}: filings.recent arrays of different lengths; read the first {count}");
        }

        var folderCik = cik.TrimStart('0');
        for (var i = 0; i < count; i++)
        {
            var accession = EdgarFeedReader.AccessionIn(accessions[i]);
            var form = forms[i]?.Trim();
            if (accession is null || string.IsNullOrEmpty(form))
            {
                problems.Add($"{sourceName}: filing {i + 1}: no accession number or form; skipped");
                continue;
            }

            DateOnly? filed = DateOnly.TryParseExact(dates[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            if (!filter.Accepts(form, filed))
            {
                continue;
            }

            result.Add(new FeedFiling(form, company, cik, accession, IndexPath(folderCik, accession)));
        }

        return new FeedContent(result, problems);
    }

    /// <summary>The filing index of <paramref name="accession"/> in the folder of <paramref name="cik"/>, relative to EDGAR's root.</summary>
    public static string IndexPath(string cik, string accession)
    {
        ArgumentNullException.ThrowIfNull(cik);
        ArgumentNullException.ThrowIfNull(accession);
        return $"/Archives/edgar/data/{cik.TrimStart('0')}/{accession.Replace("-", "", StringComparison.Ordinal)}/{accession}-index.htm";
    }

    private static JsonDocument Parse(Stream content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return JsonDocument.Parse(content, s_options);
        }
        catch (JsonException ex)
        {
            throw new DealLensException($"{sourceName}: not valid JSON: {ex.Message}", ex);
        }
    }

    private static List<string?> Strings(JsonElement recent, string name)
        => recent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList()
            : [];
}
