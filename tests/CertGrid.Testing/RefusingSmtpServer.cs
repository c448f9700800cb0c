using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CertGrid.Testing;

/// <summary>
/// A small real SMTP server for bounce tests: it speaks SMTP on a loopback port and refuses for good (<c>550 5.1.1</c>)
/// every recipient whose address starts with <c>bounce</c>, as a relay refuses an unknown mailbox; it accepts the rest.
/// maildev cannot be told to refuse a recipient, so this stands in for a relay that does.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    private RefusingSmtpServer() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Recipients accepted (their message followed), in order.</summary>
    public ConcurrentQueue<string> Accepted { get; } = new();

    /// <summary>Recipients refused, in order.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public static RefusingSmtpServer Start()
    {
        var server = new RefusingSmtpServer();
        _ = server.AcceptAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ConverseAsync(client);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 refusing.test ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 refusing.test");
                        break;
                    case "RCPT":
                        var recipient = line[(line.IndexOf('<') + 1)..line.LastIndexOf('>')];
                        var refuse = recipient.StartsWith("bounce", StringComparison.OrdinalIgnoreCase);
                        (refuse ? Refused : Accepted).Enqueue(recipient);
                        await writer.WriteLineAsync(refuse ? $"550 5.1.1 <{recipient}>: mailbox unavailable" : "250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                        }

                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 bye");
                        return;
                    case "MAIL" or "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    default:
                        await writer.WriteLineAsync("502 5.5.1 not implemented");
                        break;
                }
            }
        }
    }
}
