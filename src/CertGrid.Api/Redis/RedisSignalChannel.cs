using StackExchange.Redis;

namespace CertGrid.Api.Redis;

/// <summary>
/// A Redis pub/sub channel gateways use to tell each other that something changed: each replica publishes tagged with
/// its own id and hears only the others. Announcements are missed only while the connection is down, so the listener
/// is also told whenever the connection fails or comes back (it then assumes it missed some).
/// </summary>
public sealed class RedisSignalChannel(RedisConnection redis, string channel)
{
    private const int SubscribeAttempts = 3;

    private readonly RedisChannel _channel = RedisChannel.Literal(channel);
    private readonly string _node = Guid.NewGuid().ToString("N");
    private Action? _connectionChanged;

    /// <summary>Starts hearing the other replicas' messages, and connection changes.</summary>
    public async Task ListenAsync(Action<string> fromOthers, Action connectionChanged)
    {
        _connectionChanged = connectionChanged;
        redis.Multiplexer.ConnectionFailed += OnConnectionChanged;
        redis.Multiplexer.ConnectionRestored += OnConnectionChanged;
        Action<RedisChannel, RedisValue> heard = (_, message) =>
        {
            var parts = ((string?)message ?? string.Empty).Split('|', 2);
            if (parts.Length == 2 && parts[0] != _node)
            {
                fromOthers(parts[1]);
            }
        };

        // A gateway starting on a busy machine can miss the 2 s answer to SUBSCRIBE (a starved thread pool): try again
        // rather than fail the start. A subscription that did succeed meanwhile only hears a message twice (harmless).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await redis.Subscriber.SubscribeAsync(_channel, heard);
                return;
            }
            catch (RedisTimeoutException) when (attempt < SubscribeAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }

    /// <summary>Tells the other replicas; <paramref name="onFailure"/> hears a publish that failed.</summary>
    public void Publish(string message, Action<Exception?> onFailure) =>
        redis.Subscriber.PublishAsync(_channel, $"{_node}|{message}").ContinueWith(
            t => onFailure(t.Exception), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public async Task StopAsync()
    {
        redis.Multiplexer.ConnectionFailed -= OnConnectionChanged;
        redis.Multiplexer.ConnectionRestored -= OnConnectionChanged;
        await redis.Subscriber.UnsubscribeAsync(_channel);
    }

    /// <summary>Any connection: with RESP3 the subscription shares the interactive one.</summary>
    private void OnConnectionChanged(object? sender, ConnectionFailedEventArgs e) => _connectionChanged?.Invoke();
}
