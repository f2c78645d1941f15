using DealLens.Core.Reports;
using ScottPlot;

namespace DealLens.Charts;

/// <summary>
/// Draws a report's <see cref="BarChart"/> with ScottPlot 5 as an SVG document (text as SVG text, fonts left to the viewer).
/// Bars are horizontal, so long company and file names read in full on the left axis; the first category is at the top.
/// </summary>
public sealed class ScottPlotChartRenderer
{
    public const int DefaultWidth = 640;

    // Colour-blind safe (Okabe-Ito), in a fixed order so the same series gets the same colour in every report.
    private static readonly Color[] s_palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#999999"),
    ];

    public string RenderSvg(BarChart chart, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var rows = chart.Stacked ? 1 : chart.Series.Count;
        var height = Math.Max(220, 90 + (chart.Categories.Count * (14 + (14 * rows))));
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var groups = chart.Series.Count;
        var bars = new List<Bar>();
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var slotPosition = chart.Categories.Count - 1 - c;
            double stackedBase = 0;
            for (var s = 0; s < groups; s++)
            {
                var value = chart.Series[s].Values[c];
                if (chart.Stacked)
                {
                    if (value > 0)
                    {
                        bars.Add(new Bar { Position = slotPosition, ValueBase = stackedBase, Value = stackedBase + value, FillColor = Colour(s), Size = 0.6 });
                        stackedBase += value;
                    }
                }
                else
                {
                    // Grouped: the series sit side by side within 0.8 of the category's slot.
                    var slot = 0.8 / groups;
                    var position = slotPosition + 0.4 - (slot * (s + 0.5));
                    bars.Add(new Bar { Position = position, ValueBase = 0, Value = value, FillColor = Colour(s), Size = slot * 0.9 });
                }
            }
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        foreach (var bar in plottable.Bars)
        {
            bar.LineWidth = 0;
        }

        var ticks = chart.Categories.Select((name, i) => new Tick(chart.Categories.Count - 1 - i, Shorten(name, 30))).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.04, top: 0.04);
        plot.XLabel(chart.ValueLabel);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        for (var s = 0; s < groups; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Shorten(chart.Series[s].Name, 28), FillColor = Colour(s) });
        }

        plot.ShowLegend(Edge.Right);
        return plot.GetSvgXml(width, height);
    }

    private static Color Colour(int index) => s_palette[index % s_palette.Length];

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
