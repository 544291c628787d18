using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Site.Benchmarks;

/// <summary>
/// One keep-alive HTTP/1.1 connection that posts JSON and reads the status line, as wrk would.
/// HttpClient spends about as much CPU per request as the endpoint does; on a 2-core machine that
/// shares its cores with the server, a lean client lets the figure be the server's.
/// Reads Content-Length and chunked bodies; nothing else is needed against Kestrel.
/// </summary>
internal sealed class LoopbackClient : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly Socket _socket;
    private readonly byte[] _head;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private LoopbackClient(Socket socket, string path, string host)
    {
        _socket = socket;
        _head = Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ");
    }

    public static async Task<LoopbackClient> ConnectAsync(Uri address, string path)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(address.Host, address.Port);
        return new LoopbackClient(socket, path, address.Authority);
    }

    /// <summary>Posts <paramref name="json"/> and returns the response's status code.</summary>
    public async Task<int> PostAsync(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new byte[_head.Length + 16 + body.Length];
        _head.CopyTo(request, 0);
        var length = _head.Length;
        Utf8Formatter.TryFormat(body.Length, request.AsSpan(length), out var written);
        length += written;
        "\r\n\r\n"u8.CopyTo(request.AsSpan(length));
        length += 4;
        body.CopyTo(request, length);
        length += body.Length;
        await _socket.SendAsync(request.AsMemory(0, length));
        return await ReadResponseAsync();
    }

    private async Task<int> ReadResponseAsync()
    {
        var headerEnd = await FillUntilAsync(HeaderEnd);
        var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        _start = headerEnd + 4;
        var status = int.Parse(head.AsSpan(9, 3));
        var contentLength = -1;
        var chunked = false;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.AsSpan(15).Trim());
            }
            else if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        if (chunked)
        {
            while (true)
            {
                var lineEnd = await FillUntilAsync(LineEnd);
                var size = Convert.ToInt32(Encoding.ASCII.GetString(_buffer, _start, lineEnd - _start).Split(';')[0], 16);
                _start = lineEnd + 2;
                await SkipAsync(size + 2);
                if (size == 0)
                {
                    break;
                }
            }
        }
        else if (contentLength > 0)
        {
            await SkipAsync(contentLength);
        }

        return status;
    }

    /// <summary>Reads until <paramref name="marker"/> is buffered; returns its index.</summary>
    private async Task<int> FillUntilAsync(byte[] marker)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
            if (found >= 0)
            {
                return _start + found;
            }

            await ReceiveAsync();
        }
    }

    private async Task SkipAsync(int count)
    {
        while (_end - _start < count)
        {
            count -= _end - _start;
            _start = _end;
            await ReceiveAsync();
        }

        _start += count;
    }

    private async Task ReceiveAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end));
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _end += read;
    }

    public void Dispose() => _socket.Dispose();
}
