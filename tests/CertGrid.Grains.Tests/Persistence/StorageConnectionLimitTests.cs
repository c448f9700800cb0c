using System.Net;
using System.Net.Sockets;
using System.Text;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// A burst of storage requests shares a bounded set of connections. The endpoint here is a slow local HTTP listener,
/// not a storage fake: what is under test is how many sockets the client opens, which Azurite cannot report.
/// </summary>
public sealed class StorageConnectionLimitTests
{
    [Fact]
    public async Task A_burst_of_requests_waits_for_a_free_connection_instead_of_opening_one_each()
    {
        await using var endpoint = SlowHttpEndpoint.Start(TimeSpan.FromMilliseconds(50));
        var storage = new StorageClients(new StorageOptions
        {
            ConnectionString = endpoint.ConnectionString,
            MaxConnectionsPerEndpoint = 3,
            MaxRetries = 0,
        }.Validated());
        var blobs = storage.Blobs.GetBlobContainerClient("artifacts");

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => blobs.GetBlobClient($"blob-{i}").ExistsAsync()));

        Assert.All(answers, exists => Assert.False(exists.Value));
        Assert.Equal(30, endpoint.Requests);
        Assert.InRange(endpoint.MostConnectionsOpenAtOnce, 1, 3);
    }

    /// <summary>Answers every request with "blob not found" after a delay, counting requests and open connections.</summary>
    private sealed class SlowHttpEndpoint : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly TimeSpan _delay;
        private int _open;
        private int _mostOpen;
        private int _requests;
        private Task _accepting = Task.CompletedTask;

        private SlowHttpEndpoint(TimeSpan delay) => _delay = delay;

        public int Requests => Volatile.Read(ref _requests);

        public int MostConnectionsOpenAtOnce => Volatile.Read(ref _mostOpen);

        public string ConnectionString
        {
            get
            {
                var url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/devstoreaccount1";
                return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                    "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                    $"BlobEndpoint={url};TableEndpoint={url};";
            }
        }

        public static SlowHttpEndpoint Start(TimeSpan delay)
        {
            var endpoint = new SlowHttpEndpoint(delay);
            endpoint._listener.Start();
            endpoint._accepting = endpoint.AcceptAsync();
            return endpoint;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            var open = Interlocked.Increment(ref _open);
            InterlockedMax(ref _mostOpen, open);
            try
            {
                using (client)
                using (var reader = new StreamReader(client.GetStream(), Encoding.ASCII, leaveOpen: true))
                {
                    var stream = client.GetStream();
                    while (await ReadRequestHeadAsync(reader) is true)
                    {
                        Interlocked.Increment(ref _requests);
                        await Task.Delay(_delay, _stop.Token);
                        var response = "HTTP/1.1 404 The specified blob does not exist.\r\nx-ms-error-code: BlobNotFound\r\nContent-Length: 0\r\n\r\n";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // the client closed the connection, or the test is over
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }

        /// <summary>Reads one request's head (the SDK's HEAD requests have no body); false at the end of the stream.</summary>
        private static async Task<bool> ReadRequestHeadAsync(StreamReader reader)
        {
            var line = await reader.ReadLineAsync();
            if (line is null)
            {
                return false;
            }

            while (!string.IsNullOrEmpty(line))
            {
                line = await reader.ReadLineAsync();
            }

            return true;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var current = Volatile.Read(ref target);
            while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
            {
                current = seen;
            }
        }
    }
}
