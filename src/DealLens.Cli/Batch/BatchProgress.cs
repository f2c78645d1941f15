using System.Globalization;
using DealLens.Core.Pipeline;

namespace DealLens.Cli.Batch;

/// <summary>
/// On a terminal: a bar redrawn in place on stderr with counts and an ETA. Otherwise: one plain log line per
/// document on stderr (cron and systemd keep them).
/// </summary>
public sealed class BatchProgress(TextWriter error, bool terminal, int total, TimeProvider time)
{
    private const int BarWidth = 24;
    private readonly long _started = time.GetTimestamp();
    private int _done;
    private int _analyzed;
    private int _unchanged;
    private int _failed;
    private int _width;

    public void Report(BatchOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _done++;
        switch (outcome.Status)
        {
            case DocumentStatus.Analyzed: _analyzed++; break;
            case DocumentStatus.Unchanged: _unchanged++; break;
            default: _failed++; break;
        }

        if (!terminal)
        {
            error.WriteLine(outcome.Error is null
                ? $"deallens: batch [{_done}/{total}] {outcome.Status} {outcome.DisplayPath}"
                : $"deallens: batch [{_done}/{total}] failed {outcome.Error}");
            return;
        }

        if (outcome.Error is not null)
        {
            Clear();
            error.WriteLine($"deallens: {outcome.Error}");
        }

        var filled = total == 0 ? BarWidth : _done * BarWidth / total;
        var line = $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {_done}/{total}  new {_analyzed}  unchanged {_unchanged}  failed {_failed}  ETA {Eta()}";
        error.Write("\r" + line.PadRight(_width));
        _width = line.Length;
    }

    public void Clear()
    {
        if (terminal && _width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }

    private string Eta()
    {
        var elapsed = time.GetElapsedTime(_started);
        if (_done == 0 || elapsed <= TimeSpan.Zero)
        {
            return "--";
        }

        var left = TimeSpan.FromTicks(elapsed.Ticks / _done * (total - _done));
        return left.TotalHours >= 1
            ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : left.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
