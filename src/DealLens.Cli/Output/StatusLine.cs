namespace DealLens.Cli.Output;

/// <summary>A status message on stderr redrawn in place ("reading 12/255"); silent when stderr is not a terminal.</summary>
public sealed class StatusLine(TextWriter error, bool enabled)
{
    private readonly Lock _lock = new();
    private int _width;

    public void Show(string message)
    {
        if (!enabled)
        {
            return;
        }

        lock (_lock)
        {
            error.Write("\r" + message.PadRight(_width));
            _width = message.Length;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            if (enabled && _width > 0)
            {
                error.Write("\r" + new string(' ', _width) + "\r");
                _width = 0;
            }
        }
    }
}
