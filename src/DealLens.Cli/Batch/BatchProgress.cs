using System.Globalization;
using DealLens.Core.Pipeline;

namespace DealLens.Cli.Batch;

/// <summary>
/// Which documents this run took from the shared queue, and how much of the queue is left for every run on the
/// database. On a terminal: a bar redrawn in place on stderr (the queue's progress, with this run's counts and an ETA
/// at the pace the queue is emptied). Otherwise: one plain log line per document this run took, on stderr (cron and
/// systemd keep them).
/// </summary>
public sealed class BatchProgress(TextWriter error, bool terminal, long runId, int queued, TimeProvider time)
{
    private const int BarWidth = 24;
    private const int NameWidth = 40;
    private readonly long _started = time.GetTimestamp();
    private int _taken;
    private int _analyzed;
    private int _unchanged;
    private int _failed;
    private readonly int _queued = queued;
    private int _left = queued;
    private int _width;

    public void Report(BatchOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _left = outcome.LeftInQueue;
        switch (outcome.Status)
        {
            case DocumentStatus.Analyzed: _analyzed++; break;
            case DocumentStatus.Unchanged: _unchanged++; break;
            case BatchOutcome.TakenOver: break;
            default: _failed++; break;
        }

        if (outcome.Status != BatchOutcome.TakenOver)
        {
            _taken++;
        }

        var what = outcome.Status switch
        {
            BatchOutcome.TakenOver => $"{outcome.DisplayPath}: its claim ran out and another run took it over; this run's work on it is discarded",
            _ when outcome.Error is not null => $"failed {outcome.Error}",
            _ => $"{outcome.Status} {outcome.DisplayPath}",
        };
        if (!terminal)
        {
            error.WriteLine($"deallens: batch run {runId} took [{_taken}; {_left} left in the queue] {what}");
            return;
        }

        if (outcome.Error is not null || outcome.Status == BatchOutcome.TakenOver)
        {
            Clear();
            error.WriteLine($"deallens: {(outcome.Error ?? what)}");
        }

        var total = Math.Max(_queued, _taken + _left);
        var filled = total == 0 ? BarWidth : Math.Clamp((total - _left) * BarWidth / total, 0, BarWidth);
        var line = $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {_left} left  this run: new {_analyzed}  unchanged {_unchanged}  failed {_failed}  ETA {Eta(total)}  {Shorten(outcome.DisplayPath)}";
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

    private static string Shorten(string path) => path.Length <= NameWidth ? path : "..." + path[^(NameWidth - 3)..];

    // At the pace the whole queue empties (every run on the database takes from it), not this run's alone.
    private string Eta(int total)
    {
        var elapsed = time.GetElapsedTime(_started);
        var done = total - _left;
        if (done <= 0 || elapsed <= TimeSpan.Zero)
        {
            return "--";
        }

        var left = TimeSpan.FromTicks(elapsed.Ticks / done * _left);
        return left.TotalHours >= 1
            ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : left.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
