using System.Net;
using System.Net.Sockets;

namespace Site.Intake.Tests;

/// <summary>
/// A loopback port that refuses connections, as a PostgreSQL that has not started listening yet does,
/// until <see cref="Open"/>; from then on it forwards each connection to the real server's port. It
/// lets a test start the endpoint before its database without stopping the shared test server.
/// </summary>
public sealed class LatePort : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task? _accepting;

    /// <summary>The port; nobody listens on it until <see cref="Open"/>.</summary>
    public int Port { get; } = IntakeProcess.FreePort();

    /// <summary>Starts accepting on <see cref="Port"/> and forwarding to 127.0.0.1:<paramref name="target"/>.</summary>
    public void Open(int target)
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener, target);
    }

    private async Task AcceptAsync(TcpListener listener, int target)
    {
        var pipes = new List<Task>();
        try
        {
            while (true)
            {
                pipes.Add(ForwardAsync(await listener.AcceptTcpClientAsync(_stopping.Token), target));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(pipes);
    }

    private async Task ForwardAsync(TcpClient client, int target)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, target, _stopping.Token);
                var (a, b) = (client.GetStream(), server.GetStream());

                // Either side closing ends the pair (the using blocks close the other).
                await Task.WhenAny(a.CopyToAsync(b, _stopping.Token), b.CopyToAsync(a, _stopping.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        _stopping.Dispose();
    }
}
