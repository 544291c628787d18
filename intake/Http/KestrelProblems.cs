using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Site.Intake.Http;

/// <summary>
/// Kestrel refuses a request it cannot parse (a "%00" in the path: 400; a request line over its limit:
/// 414; headers over theirs: 431; …) before the application sees it, with an empty answer
/// ("Content-Length: 0", "Connection: close") that no middleware can reach. This connection
/// middleware watches what Kestrel writes on an HTTP/1.1 connection and gives such an answer the
/// body every other refusal has: problem JSON (RFC 9457) with the status and a Chinese title and
/// detail, and the security headers. Anything else passes as written.
/// </summary>
public static class KestrelProblems
{
    /// <summary>Adds the middleware to every endpoint Kestrel listens on (--urls, UseUrls).</summary>
    public static IServiceCollection AddKestrelProblems(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            var input = new Input(transport.Input);
            var output = new Output(transport.Output, input);
            connection.Transport = new Duplex(input, output);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
                output.Release();
            }
        })));

    /// <summary>
    /// The answer to write instead of <paramref name="written"/>, or null to write it as it is: only a
    /// whole header block of an HTTP/1.1 4xx or 5xx answer with "Content-Length: 0" and "Connection:
    /// close", as Kestrel writes its own refusals (the endpoint's own errors always have a body).
    /// </summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written) => Rewrite(written, searchPage: false);

    /// <summary>
    /// As <see cref="Rewrite(ReadOnlySpan{byte})"/>; when <paramref name="searchPage"/> (the refused
    /// request was the no-JavaScript search page, a browser's navigation), a 414 is a Chinese HTML
    /// page with a way back to search instead of problem JSON a citizen would see raw.
    /// </summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written, bool searchPage)
    {
        if (written.Length > 2048 || !written.StartsWith("HTTP/1.1 "u8) || !written.EndsWith("\r\n\r\n"u8)
            || written.Length < 13 || written[9] is not ((byte)'4' or (byte)'5')
            || !int.TryParse(Encoding.ASCII.GetString(written[9..12]), out var status))
        {
            return null;
        }

        var head = Encoding.ASCII.GetString(written[..^4]);
        if (head.Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = head.Split("\r\n");
        if (!lines.Contains("Content-Length: 0", StringComparer.OrdinalIgnoreCase) || !lines.Contains("Connection: close", StringComparer.OrdinalIgnoreCase)
            || lines.Any(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var html = searchPage && status == StatusCodes.Status414UriTooLong;
        var body = html ? Encoding.UTF8.GetBytes(SearchTooLong)
            : JsonSerializer.SerializeToUtf8Bytes(new Problem(Type(status), ApiProblems.Title(status), status, Detail(status)), Json);
        var answer = new StringBuilder();
        foreach (var line in lines)
        {
            answer.Append(line.Equals("Content-Length: 0", StringComparison.OrdinalIgnoreCase)
                ? $"Content-Type: {(html ? "text/html" : "application/problem+json")}; charset=utf-8\r\nContent-Length: {body.Length}"
                : line).Append("\r\n");
        }

        foreach (var (name, value) in SecurityHeaders.Values)
        {
            answer.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        answer.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(answer.ToString()), .. body];
    }

    // Plain, with no site chrome: Kestrel refused the request before the application (and the build's
    // layout) could be reached.
    private const string SearchTooLong = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>搜索词过长</title></head>
        <body>
        <h1>搜索词过长</h1>
        <p>网址过长，无法处理。搜索词最多 100 个字，请缩短后重新搜索。</p>
        <p><a href="/search/">返回搜索</a> · <a href="/">返回首页</a></p>
        </body></html>
        """;

    private static ReadOnlySpan<byte> SearchPagePrefix => "GET /api/search/page"u8;

    private static string Detail(int status) => status == StatusCodes.Status400BadRequest
        ? "请求的格式不对（如网址中有 %00 等不允许的字符，或请求头有误），无法处理，请核对网址"
        : ApiProblems.Detail(status);

    private static string? Type(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        431 => "https://www.rfc-editor.org/rfc/rfc6585#section-5",
        505 => "https://tools.ietf.org/html/rfc9110#section-15.6.6",
        _ => null,
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record Problem(string? Type, string Title, int Status, string Detail);

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// Percent-encodes the bytes above ASCII in the target of a GET or HEAD request line at the start of
    /// <paramref name="buffer"/>: some in-app browsers (WeChat's among them) send a typed query as raw
    /// UTF-8 (<c>GET /api/search/page?q=花石</c>), which Kestrel refuses with 400 ("Invalid request
    /// target") though it means what the encoded form means. Null when there is nothing to encode (no
    /// whole request line, no byte above ASCII): the buffer is then read as it is.
    /// </summary>
    /// <returns>The buffer with the line encoded, where the line ends in it and in the original.</returns>
    public static (byte[] Rewritten, int LineEnd, int OriginalLineEnd)? EncodeRequestTarget(ReadOnlySequence<byte> buffer)
    {
        if (!(StartsWith(buffer, "GET /"u8) || StartsWith(buffer, "HEAD /"u8)))
        {
            return null;
        }

        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, "\r\n"u8, advancePastDelimiter: true) || line.Length > MaxRequestLine)
        {
            return null;
        }

        // Only what is a request line as a whole (a read may start inside a body, which is never rewritten
        // unless it holds such a line at that very point).
        if (!AnyAboveAscii(line) || !(EndsWith(line, " HTTP/1.1"u8) || EndsWith(line, " HTTP/1.0"u8)))
        {
            return null;
        }

        var bytes = line.ToArray();
        var target = Array.IndexOf(bytes, (byte)' ') + 1;
        var version = Array.LastIndexOf(bytes, (byte)' ');
        var above = 0;
        for (var i = target; i < version; i++)
        {
            above += bytes[i] >= 0x80 ? 1 : 0;
        }

        if (above == 0 || version <= target)
        {
            return null;
        }

        var rest = buffer.Slice(reader.Position);
        var rewritten = new byte[bytes.Length + 2 * above + 2 + rest.Length];
        var at = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i >= target && i < version && bytes[i] >= 0x80)
            {
                rewritten[at++] = (byte)'%';
                rewritten[at++] = (byte)"0123456789ABCDEF"[bytes[i] >> 4];
                rewritten[at++] = (byte)"0123456789ABCDEF"[bytes[i] & 0xF];
            }
            else
            {
                rewritten[at++] = bytes[i];
            }
        }

        rewritten[at++] = (byte)'\r';
        rewritten[at++] = (byte)'\n';
        rest.CopyTo(rewritten.AsSpan(at));
        return (rewritten, at, bytes.Length + 2);
    }

    /// <summary>Kestrel's default KestrelServerLimits.MaxRequestLineSize: a longer request line is left for Kestrel to refuse (414).</summary>
    private const int MaxRequestLine = 8 * 1024;

    private static bool AnyAboveAscii(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            if (!System.Text.Ascii.IsValid(segment.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWith(ReadOnlySequence<byte> line, ReadOnlySpan<byte> suffix)
    {
        if (line.Length < suffix.Length)
        {
            return false;
        }

        Span<byte> end = stackalloc byte[suffix.Length];
        line.Slice(line.Length - suffix.Length).CopyTo(end);
        return end.SequenceEqual(suffix);
    }

    private static bool StartsWith(ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> prefix)
    {
        if (buffer.Length < prefix.Length)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[prefix.Length];
        buffer.Slice(0, prefix.Length).CopyTo(start);
        return start.SequenceEqual(prefix);
    }

    /// <summary>
    /// Notes whether what Kestrel last read starts with a GET of the search page: Kestrel reads a request
    /// line it cannot take whole from where the previous request ended, so at a 414 this says whose it was.
    /// A request line with raw UTF-8 in its target is handed to Kestrel percent-encoded
    /// (<see cref="EncodeRequestTarget"/>), and the positions Kestrel gives back are mapped to the original.
    /// </summary>
    private sealed class Input(PipeReader inner) : PipeReader
    {
        public bool SearchPage { get; private set; }

        // The original buffer and its rewrite, while Kestrel holds the rewrite.
        private ReadOnlySequence<byte> _original;
        private ReadOnlySequence<byte> _rewritten;
        private int _lineEnd;
        private int _originalLineEnd;
        private bool _rewriting;

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            if (!_rewriting)
            {
                inner.AdvanceTo(consumed, examined);
                return;
            }

            _rewriting = false;
            inner.AdvanceTo(Original(consumed), Original(examined));
        }

        /// <summary>
        /// A position in the rewrite as one in the original: past the line, shifted by what encoding added;
        /// inside the line (Kestrel never stops there but at its start), its start.
        /// </summary>
        private SequencePosition Original(SequencePosition position)
        {
            var offset = _rewritten.Slice(0, position).Length;
            return offset >= _lineEnd ? _original.GetPosition(offset - _lineEnd + _originalLineEnd) : _original.Start;
        }

        private ReadResult Rewrite(ReadResult result)
        {
            if (result.IsCanceled || EncodeRequestTarget(result.Buffer) is not var (rewritten, lineEnd, originalLineEnd))
            {
                return result;
            }

            _original = result.Buffer;
            _rewritten = new ReadOnlySequence<byte>(rewritten);
            _lineEnd = lineEnd;
            _originalLineEnd = originalLineEnd;
            _rewriting = true;
            return new ReadResult(_rewritten, result.IsCanceled, result.IsCompleted);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
            Rewrite(Note(await inner.ReadAsync(cancellationToken)));

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }

            result = Rewrite(Note(result));
            return true;
        }

        private ReadResult Note(ReadResult result)
        {
            var buffer = result.Buffer;
            if (buffer.Length >= SearchPagePrefix.Length)
            {
                Span<byte> start = stackalloc byte[SearchPagePrefix.Length];
                buffer.Slice(0, start.Length).CopyTo(start);
                SearchPage = start.SequenceEqual(SearchPagePrefix);
            }

            return result;
        }
    }

    /// <summary>
    /// Holds what Kestrel writes until it flushes (each answer's headers are flushed on their own when
    /// the answer has no body), then hands it on, or its rewrite (<see cref="Rewrite"/>).
    /// </summary>
    private sealed class Output(PipeWriter inner, Input input) : PipeWriter
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
        private int _written;

        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _written;

        public override void Advance(int bytes) => _written += bytes;

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public override Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsSpan(_written);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Commit();
            return inner.FlushAsync(cancellationToken);
        }

        public override void Complete(Exception? exception = null)
        {
            if (exception is null)
            {
                Commit();
            }

            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            if (exception is null)
            {
                Commit();
            }

            await inner.CompleteAsync(exception);
        }

        /// <summary>Gives the buffer back once the connection is done.</summary>
        public void Release()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }
        }

        private void Commit()
        {
            if (_written == 0)
            {
                return;
            }

            var written = _buffer.AsSpan(0, _written);
            if (Rewrite(written, input.SearchPage) is { } rewritten)
            {
                inner.Write(rewritten);
            }
            else
            {
                inner.Write(written);
            }

            _written = 0;
        }

        private void Reserve(int sizeHint)
        {
            var needed = _written + Math.Max(sizeHint, 512);
            if (needed <= _buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }
    }
}
