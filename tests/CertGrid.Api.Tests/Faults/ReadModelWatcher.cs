using System.Collections.Concurrent;
using System.Diagnostics;

namespace CertGrid.Api.Tests.Faults;

/// <summary>
/// Reads the community's lists (the <c>learners</c> and <c>credentials</c> read models) as its admin would, every
/// second while the flows run, and notes for each acknowledged write how long after its acknowledgement the list first
/// showed it: the read-model lag, counted to the answer of the page that showed it (not to the end of the whole round of
/// pages, which on a loaded machine added seconds of reading to the lag). At the end it waits, within a bound, until
/// every acknowledged write is listed.
/// </summary>
public sealed class ReadModelWatcher : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly RetryingClient _client;
    private readonly string _adminKey;
    private readonly Stopwatch _clock;
    private readonly IReadOnlyCollection<AcknowledgedFlow> _flows;
    private readonly ConcurrentDictionary<string, TimeSpan> _seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private ReadModelWatcher(RetryingClient client, string adminKey, Stopwatch clock, IReadOnlyCollection<AcknowledgedFlow> flows)
    {
        (_client, _adminKey, _clock, _flows) = (client, adminKey, clock, flows);
        _watching = Task.Run(WatchAsync);
    }

    /// <summary>Per acknowledged write (a learner, a credential's latest status): how long until its list showed it.</summary>
    public IReadOnlyCollection<TimeSpan> Lags => _seen.Values.ToList();

    /// <summary>The lists as last read: learners (id → email) and credentials (id → (learner, status)).</summary>
    public ListedState Last { get; private set; } = new(new Dictionary<string, string>(), new Dictionary<string, (string, string)>());

    public static ReadModelWatcher Start(RetryingClient client, string adminKey, Stopwatch clock, IReadOnlyCollection<AcknowledgedFlow> flows) =>
        new(client, adminKey, clock, flows);

    /// <summary>Reads the lists until every acknowledged write is in them; what is still missing when <paramref name="bound"/> runs out.</summary>
    public async Task<(TimeSpan Took, IReadOnlyList<string> Missing)> WaitUntilListedAsync(TimeSpan bound)
    {
        await StopWatchingAsync();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var missing = await ReadAsync();
            if (missing.Count == 0 || watch.Elapsed > bound)
            {
                return (watch.Elapsed, missing);
            }

            await Task.Delay(Period);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopWatchingAsync();
        _stop.Dispose();
    }

    private async Task StopWatchingAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _watching;
        }
    }

    private async Task WatchAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await ReadAsync();
            await Task.Delay(Period, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <returns>The acknowledged writes the lists do not show yet (empty when a list could not be read: it says so).</returns>
    private async Task<IReadOnlyList<string>> ReadAsync()
    {
        var learners = await PagesAsync("learners", "id email", n => (n.GetProperty("id").GetString()!, n.GetProperty("email").GetString()!));
        var credentials = await PagesAsync("credentials", "id learnerId status", n => (n.GetProperty("id").GetString()!, (n.GetProperty("learnerId").GetString()!, n.GetProperty("status").GetString()!)));
        if (learners is null || credentials is null)
        {
            return ["a list could not be read"];
        }

        Last = new ListedState(learners.ToDictionary(l => l.Item.Item1, l => l.Item.Item2, StringComparer.Ordinal), credentials.ToDictionary(c => c.Item.Item1, c => c.Item.Item2, StringComparer.Ordinal));
        var learnerListedAt = learners.ToDictionary(l => l.Item.Item1, l => l.ListedAt, StringComparer.Ordinal);
        var credentialListedAt = credentials.ToDictionary(c => c.Item.Item1, c => c.ListedAt, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var flow in _flows.ToList())
        {
            if (flow.LearnerId is { } learnerId)
            {
                Note(learnerListedAt.GetValueOrDefault(learnerId, TimeSpan.MinValue), $"learner {learnerId}", flow.LearnerAcknowledgedAt, missing);
            }

            if (flow.CredentialId is { } credentialId && flow.CredentialStatus is { } status)
            {
                var listed = Last.Credentials.TryGetValue(credentialId, out var entry) && flow.AllowedStatuses.Contains(entry.Status);
                Note(listed ? credentialListedAt[credentialId] : TimeSpan.MinValue, $"credential {credentialId} {status}@{flow.CredentialStatusAcknowledgedAt.TotalMilliseconds:F0}",
                    flow.CredentialStatusAcknowledgedAt, missing);
            }
        }

        return missing;
    }

    /// <param name="listedAt">When the page that showed the write was answered; <see cref="TimeSpan.MinValue"/> when none did.</param>
    private void Note(TimeSpan listedAt, string write, TimeSpan acknowledgedAt, List<string> missing)
    {
        if (listedAt != TimeSpan.MinValue)
        {
            // A page answered before the acknowledgement came back can show the write already: no lag.
            _seen.TryAdd(write, listedAt > acknowledgedAt ? listedAt - acknowledgedAt : TimeSpan.Zero);
        }
        else
        {
            missing.Add(write);
        }
    }

    /// <returns>The list's items, each with when the page that held it was answered; null when a page could not be read.</returns>
    private async Task<List<(T Item, TimeSpan ListedAt)>?> PagesAsync<T>(string list, string fields, Func<JsonElement, T> read)
    {
        var items = new List<(T, TimeSpan)>();
        string? after = null;
        do
        {
            var (code, body) = await _client.QueryAsync(list, _adminKey, $"query($after: String) {{ {list}(first: 100, after: $after) {{ nodes {{ {fields} }} endCursor }} }}", new { after });
            if (code != "OK")
            {
                return null;
            }

            var answeredAt = _clock.Elapsed;
            var page = body.GetProperty("data").GetProperty(list);
            items.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => (read(n), answeredAt)));
            after = page.GetProperty("endCursor").GetString();
        }
        while (after is not null);
        return items;
    }
}

/// <summary>What the community's lists showed: learners (id → email), credentials (id → holder and status).</summary>
public sealed record ListedState(IReadOnlyDictionary<string, string> Learners, IReadOnlyDictionary<string, (string LearnerId, string Status)> Credentials);
