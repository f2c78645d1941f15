namespace DealLens.Core.Reports;

/// <summary>One named series of a bar chart: a value per category (0 where the series has none there).</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values);

/// <summary>A bar chart to draw: stacked (series add up per category) or grouped (side by side). Values are in <see cref="ValueLabel"/> units.</summary>
public sealed record BarChart(string Id, string Title, string ValueLabel, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series, bool Stacked);

/// <summary>The charts a report draws, computed from the report alone (no drawing here: see the chart renderer).</summary>
public static class ReportCharts
{
    public const string ValueByCustomer = "value-by-customer";
    public const string BindingVsHeadline = "binding-vs-headline";

    public static IReadOnlyList<BarChart> For(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new List<BarChart>();
        if (ValueByCustomerPerProvider(report) is { } byCustomer)
        {
            charts.Add(byCustomer);
        }

        if (BindingVersusHeadline(report) is { } binding)
        {
            charts.Add(binding);
        }

        return charts;
    }

    /// <summary>Contracted (headline) value per provider, stacked by customer; null when no amount is known.</summary>
    public static BarChart? ValueByCustomerPerProvider(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var providers = report.Risk.Concentration.Where(c => c.Headline.Total > 0).ToList();
        if (providers.Count == 0)
        {
            return null;
        }

        var customers = providers.SelectMany(p => p.Headline.Customers)
            .GroupBy(s => s.Customer, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(s => s.Amount)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, g.First().Name))
            .ToList();
        var (scale, unit) = Scale(providers.Max(p => p.Headline.Total));
        var series = customers.Select(c => new BarSeries(c.Name, providers
            .Select(p => (double)(p.Headline.Customers.Where(s => s.Customer == c.Key).Sum(s => s.Amount) / scale))
            .ToList())).ToList();
        return new BarChart(ValueByCustomer, "Contracted value by customer, per provider (headline)", unit,
            providers.Select(p => p.Name).ToList(), series, Stacked: true);
    }

    /// <summary>Headline vs binding value of each document stating a value in USD; null when none does.</summary>
    public static BarChart? BindingVersusHeadline(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var documents = report.Documents
            .Where(d => d.DealTerms.HeadlineValue is > 0 && d.DealTerms.Currency is null or ReportBuilder.TotalsCurrency)
            .ToList();
        if (documents.Count == 0)
        {
            return null;
        }

        var (scale, unit) = Scale(documents.Max(d => d.DealTerms.HeadlineValue!.Value));
        return new BarChart(BindingVsHeadline, "Binding vs headline value, per document", unit,
            documents.Select(d => ReportBuilder.ShortName(d.Path)).ToList(),
            [
                new BarSeries("headline", documents.Select(d => (double)(d.DealTerms.HeadlineValue!.Value / scale)).ToList()),
                new BarSeries("binding", documents.Select(d => (double)((d.DealTerms.BindingValue ?? 0) / scale)).ToList()),
            ],
            Stacked: false);
    }

    private static (decimal Scale, string Unit) Scale(decimal max)
        => max >= 1_000_000_000m ? (1_000_000_000m, "USD billions")
            : max >= 1_000_000m ? (1_000_000m, "USD millions")
            : (1m, "USD");
}
