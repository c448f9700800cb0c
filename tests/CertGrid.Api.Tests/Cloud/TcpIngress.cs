using System.Net;
using System.Net.Sockets;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// The simulated Container Apps TCP ingress of one port mapping: connections to the environment's address on the
/// exposed port are piped to the container's target port, as the platform's load balancer does.
/// </summary>
public sealed class TcpIngress : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpIngress(IPAddress address, int exposedPort, int targetPort)
    {
        _listener = new TcpListener(address, exposedPort);
        _listener.Start();
        _accepting = AcceptAsync(new IPEndPoint(address, targetPort));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync(IPEndPoint target)
    {
        while (!_stop.IsCancellationRequested)
        {
            var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = PipeAsync(inbound, target);
        }
    }

    private async Task PipeAsync(TcpClient inbound, IPEndPoint target)
    {
        using (inbound)
        using (var outbound = new TcpClient())
        {
            try
            {
                await outbound.ConnectAsync(target, _stop.Token);
                await using var a = inbound.GetStream();
                await using var b = outbound.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // A container that stopped or a connection that closed: the platform drops it too.
            }
        }
    }
}
