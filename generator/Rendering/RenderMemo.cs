using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Site.Generator.Rendering;

/// <summary>
/// Rendering's memo across `serve` rebuilds: Markdown converted to HTML (keyed by its folder, its
/// text and the site's URL set, since links are checked against it), Markdown as plain text for
/// the index, and QR codes by URL. What a committed build did not ask for is dropped by <see cref="Trim"/>.
/// </summary>
public sealed class RenderMemo
{
    private readonly Memo<string> _markdown = new();
    private readonly Memo<string> _plainText = new();
    private readonly Memo<QrMatrix> _qrCodes = new();
    private readonly Memo<byte[]> _qrPngs = new();

    /// <summary>HTML of a Markdown text; <paramref name="render"/> says whether its result may be reused.</summary>
    public string Markdown(string folder, string text, UInt128 urlSet, Func<(string Html, bool Reusable)> render) => _markdown.Get(Key(folder, text, urlSet), render);

    /// <summary>Whether the clean HTML of a Markdown text is kept (and so keeps it, as asking for it would).</summary>
    public bool HasMarkdown(string folder, string text, UInt128 urlSet) => _markdown.Has(Key(folder, text, urlSet));

    public string PlainText(string text, Func<string> render) => _plainText.Get(Key(text, 0), () => (render(), true));

    /// <summary>A URL's QR code, kept across rebuilds (a roster has one per deputy).</summary>
    public QrMatrix QrCode(string text) => _qrCodes.Get(Key(text, 0), () => (QrCodes.Encode(text), true));

    /// <summary>A URL's QR code as PNG bytes, kept across rebuilds like the code itself.</summary>
    public byte[] QrPng(string text) => _qrPngs.Get(Key(text, 1), () => (QrCodes.Png(QrCode(text)), true));

    /// <summary>Drops what the committed build no longer used, so a long `serve` does not grow without bound.</summary>
    public void Trim()
    {
        _markdown.Trim();
        _plainText.Trim();
        _qrCodes.Trim();
        _qrPngs.Trim();
    }

    private static UInt128 Key(string text, UInt128 salt) => Key("", text, salt);

    /// <summary>Hashes the parts one after the other (with the first one's length, so parts cannot run into each other) instead of joining them into a new string.</summary>
    private static UInt128 Key(string prefix, string text, UInt128 salt)
    {
        var hash = new XxHash128();
        var length = prefix.Length;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in salt)));
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
        hash.Append(MemoryMarshal.AsBytes(prefix.AsSpan()));
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Results by content hash, remembering which were asked for since the last trim.</summary>
    /// <remarks>
    /// Every page of a rebuild asks, from both render workers: the set has many lock stripes and
    /// starts at the size the last build reached, or the workers wait on each other's locks and on
    /// the set growing, a large part of a big site's rebuild. An entry asked for is marked with the
    /// current generation in place, so asking adds nothing to any table.
    /// </remarks>
    private sealed class Memo<T>
    {
        private const int Stripes = 64;
        private readonly ConcurrentDictionary<UInt128, Entry> _values = new(Stripes, 1024);
        private int _generation;

        public bool Has(UInt128 key)
        {
            if (!_values.TryGetValue(key, out var entry))
            {
                return false;
            }

            entry.Used = _generation;
            return true;
        }

        public T Get(UInt128 key, Func<(T Value, bool Reusable)> compute)
        {
            if (_values.TryGetValue(key, out var entry))
            {
                entry.Used = _generation;
                return entry.Value;
            }

            var (fresh, reusable) = compute();
            if (reusable)
            {
                _values[key] = new Entry(fresh) { Used = _generation };
            }

            return fresh;
        }

        /// <summary>Drops every entry not asked for since the last trim (builds that did not commit count too).</summary>
        public void Trim()
        {
            foreach (var (key, entry) in _values)
            {
                if (entry.Used != _generation)
                {
                    _values.TryRemove(key, out _);
                }
            }

            _generation++;
        }

        private sealed class Entry(T value)
        {
            public T Value { get; } = value;

            /// <summary>The generation that last asked for it.</summary>
            public volatile int Used;
        }
    }
}
