using System.Globalization;
using System.Text.RegularExpressions;

namespace DealLens.Core.Text;

/// <summary>
/// The one regex time-out policy of every reader (clauses, deal terms, parties, risk, EDGAR pages), and the record of
/// the time-outs that fired. The limit is generous: on a loaded 2-core machine (a thread descheduled, first-call JIT)
/// limits of 1-2 s were seen to expire on ordinary text, turning real matches into misses; 10 s was the clause
/// rules' measured choice. A pattern that still runs past it on hostile text (a run-on table) gives up that one
/// reading, and the time-out is reported as a warning on the document, never as a silent miss.
/// </summary>
public static class RegexTimeouts
{
    /// <summary>For <c>[GeneratedRegex(..., matchTimeoutMilliseconds: ...)]</c>, which needs a constant.</summary>
    public const int LimitMilliseconds = 10_000;

    /// <summary>The match time-out of every regex in DealLens.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(LimitMilliseconds);

    private static readonly AsyncLocal<Recorder?> s_current = new();

    /// <summary>
    /// Starts recording the time-outs of the code that runs in this async flow (and the tasks it starts) until the
    /// returned recorder is disposed. <see cref="Record"/> is fed from the process's first-chance exceptions, so a
    /// time-out caught and handled deep inside a reader is still counted.
    /// </summary>
    public static Recorder Watch()
    {
        var recorder = new Recorder(s_current.Value);
        s_current.Value = recorder;
        return recorder;
    }

    /// <summary>Counts <paramref name="exception"/> against the recorder of the current flow, if any.</summary>
    public static void Record(RegexMatchTimeoutException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        s_current.Value?.Add(exception);
    }

    /// <summary>The time-outs of one watched piece of work.</summary>
    public sealed class Recorder : IDisposable
    {
        private readonly Recorder? _outer;
        private readonly Lock _lock = new();
        private int _count;
        private int _longestInput;

        internal Recorder(Recorder? outer) => _outer = outer;

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        internal void Add(RegexMatchTimeoutException exception)
        {
            lock (_lock)
            {
                _count++;
                _longestInput = Math.Max(_longestInput, exception.Input?.Length ?? 0);
            }
        }

        /// <summary>One warning line, or null when no time-out fired.</summary>
        public string? Warning()
        {
            lock (_lock)
            {
                return _count == 0
                    ? null
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{_count} text pattern match(es) ran past the {Limit.TotalSeconds:0}-second limit (on text of up to {_longestInput:N0} characters) and were skipped; clauses or terms in that text may be missing");
            }
        }

        public void Dispose() => s_current.Value = _outer;
    }
}
