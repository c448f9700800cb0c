using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CertGrid.Abstractions.Notices;
using CertGrid.Domain.Notices;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Notices;

/// <summary>
/// Posts one signed delivery: the payload as the body, the HMAC-SHA256 signature with its timestamp, the notice id
/// as idempotency key, the event type and the attempt number. Any 2xx is success; redirects are not followed.
/// Unless <see cref="WebhookOptions.AllowPrivateNetworks"/>, the connection is opened only to a public address the
/// host resolves to at that moment, so a name that points inside the network (or is re-pointed later) is refused.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;

    public WebhookSender(IOptions<WebhookOptions> options)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!options.Value.AllowPrivateNetworks)
        {
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }

        _http = new HttpClient(handler)
        {
            Timeout = options.Value.Timeout,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("CertGrid-Webhooks/1.0");
    }

    public async Task<string?> SendAsync(WebhookTarget target, OutboxRow delivery, int attempt, DateTimeOffset now)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(target.Secret, now, delivery.Payload));
        request.Headers.Add(WebhookSignature.IdempotencyHeader, delivery.NoticeId);
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.Add(WebhookSignature.AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ex is TaskCanceledException ? "timed out" : ex.Message.Split('\n')[0];
        }
    }

    public void Dispose() => _http.Dispose();

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(NetworkAddressRules.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"refused: {host} resolves only to internal addresses, and webhooks go only to public ones");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
