using DealLens.Cli.Analysis;

namespace DealLens.Cli.Output;

/// <summary>A one-line progress counter on stderr, redrawn in place; silent when stderr is not a terminal.</summary>
public sealed class ProgressLine(TextWriter error, bool enabled, int total)
{
    private int _done;
    private int _width;

    public void Report(DocumentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _done++;
        if (!enabled)
        {
            return;
        }

        var name = Path.GetFileName(outcome.Input.DisplayPath);
        if (name.Length > 50)
        {
            name = string.Concat(name.AsSpan(0, 47), "...");
        }

        var line = $"[{_done}/{total}] {outcome.Status,-9} {name}";
        error.Write("\r" + line.PadRight(_width));
        _width = line.Length;
    }

    public void Clear()
    {
        if (enabled && _width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }
}
