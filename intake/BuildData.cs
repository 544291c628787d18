namespace Site.Intake;

/// <summary>
/// Something the build wrote into the data folder (a file or a folder), loaded on first use and
/// loaded again whenever a rebuild replaces it, so a running endpoint follows rebuilds without a
/// restart. The replaced value is handed to <paramref name="release"/> (an open index closes).
/// </summary>
public sealed class BuildData<T>(string path, Func<string, T> load, T? missing = null, Action<T>? release = null)
    where T : class
{
    private readonly Lock _lock = new();
    private T? _value;
    private DateTime _stamp;

    public string Path => path;

    public T? Current
    {
        get
        {
            var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path)
                : Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path)
                : default;
            lock (_lock)
            {
                if (stamp != _stamp)
                {
                    var old = _stamp == default ? null : _value;
                    _value = stamp == default ? missing : load(path);
                    _stamp = stamp;
                    if (old is not null && !ReferenceEquals(old, missing))
                    {
                        release?.Invoke(old);
                    }
                }

                return _stamp == default ? missing : _value;
            }
        }
    }
}
