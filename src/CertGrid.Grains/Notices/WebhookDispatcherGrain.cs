using CertGrid.Abstractions.Retries;
using CertGrid.Grains.Retries;
using CertGrid.Abstractions.Hosting;
using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Notices;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Notices;

/// <summary>
/// Delivers a community's outbox. A pass first queues each new notice once per endpoint (one atomic batch per
/// notice), then sends every delivery that is due: a 2xx deletes it, a failure re-queues it after the backoff, the
/// last failure moves it to the dead-letter list. Each step is a table batch in the community's partition, so a
/// crash repeats at most a send (receivers deduplicate on the idempotency key), never loses one. The outbox is the
/// state: after a restart the next kick (the community's renewal reminder kicks too) carries on.
/// </summary>
public sealed class WebhookDispatcherGrain(StorageClients storage, WebhookSender sender, IOptions<WebhookOptions> options) : Grain, IWebhookDispatcherGrain
{
    private const int Parallelism = 8;
    private static readonly TimeSpan KickDelay = TimeSpan.FromMilliseconds(200);
    private readonly TableClient _table = storage.Table(storage.Names.NoticesTable);
    private IGrainTimer? _timer;
    private DateTime _armedFor = DateTime.MaxValue;

    private string Community => this.GetPrimaryKeyString();

    private TimeProvider Clock => field ??= ServiceProvider.GetRequiredKeyedService<TimeProvider>(DomainClock.ServiceKey);

    private ILogger Logger => field ??= ServiceProvider.GetRequiredService<ILogger<WebhookDispatcherGrain>>();

    public Task KickAsync()
    {
        Arm(KickDelay);
        return Task.CompletedTask;
    }

    public async Task<DeliveryReport> DeliverDueAsync()
    {
        var now = Clock.GetUtcNow();
        var targets = (await GrainFactory.GetGrain<IWebhookEndpointsGrain>(Community).GetTargetsAsync()).ToDictionary(t => t.EndpointId);
        await QueueNewNoticesAsync(targets.Values, now);

        var due = await QueryAsync(OutboxRow.QueuedPrefix, OutboxRow.QueuedUpTo(now), options.Value.BatchSize);
        var outcomes = new List<Outcome>(due.Count);
        foreach (var batch in due.Chunk(Parallelism))
        {
            outcomes.AddRange(await Task.WhenAll(batch.Select(row => DeliverAsync(row, targets.GetValueOrDefault(row.EndpointId), now))));
        }

        outcomes.ForEach(outcome => WebhookMetrics.Delivery(outcome.ToString()));

        var next = (await QueryAsync(OutboxRow.QueuedPrefix, "q}", 1)).FirstOrDefault()?.DueAt;
        if (next is { } at)
        {
            Arm(at <= now ? KickDelay : TimeSpan.FromTicks(Math.Clamp((at - now).Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerHour)));
        }

        return new DeliveryReport(outcomes.Count(o => o == Outcome.Delivered), outcomes.Count(o => o == Outcome.Retrying), outcomes.Count(o => o == Outcome.DeadLettered), next);
    }

    public async Task RedeliverAsync(string noticeId, string endpointId, string actor)
    {
        // Under an operation id, a run again after a lost answer finds the first run's mark and re-queues nothing.
        var operation = RetriedOperation.Take();
        if (await OperationMarkerRow.AppliedAsync(_table, Community, operation))
        {
            return;
        }

        var dead = await _table.GetEntityIfExistsAsync<OutboxRow>(Community, OutboxRow.DeadKey(noticeId, endpointId));
        if (!dead.HasValue)
        {
            throw CertGridException.NotFound("Dead letter", $"{noticeId}/{endpointId}");
        }

        var row = dead.Value!;
        if (!await OperationMarkerRow.SubmitOnceAsync(_table, Community, operation,
        [
            new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, row.Queued(endpointId, Clock.GetUtcNow(), 0, row.LastError)),
        ]))
        {
            return;
        }

        Logger.LogInformation("{Actor} re-queued dead letter {Notice} for endpoint {Endpoint} in {Community}", actor, noticeId, endpointId, Community);
        await GrainFactory.GetGrain<Abstractions.Audit.IAuditLogGrain>(Community).AppendAsync(
        [
            new AuditEvent(Guid.CreateVersion7().ToString("N"), Clock.GetUtcNow(), actor, "webhook.redelivered", noticeId, Audit.AuditDetails.Serialize(new { endpointId })),
        ]);
        Arm(KickDelay);
    }

    /// <summary>
    /// Turns new notices and events into one queued delivery per endpoint subscribed to their type; each one's rows change
    /// together, up to 100 rows per batch.
    /// </summary>
    private async Task QueueNewNoticesAsync(IReadOnlyCollection<WebhookTarget> targets, DateTimeOffset now)
    {
        var batch = new List<TableTransactionAction>();
        var rows = await QueryAsync(OutboxRow.NewPrefix, "n}", options.Value.BatchSize);
        var partners = await Events.PartnerWebhookReach.LoadAsync(GrainFactory, storage, Community, targets, rows, now);
        foreach (var row in rows)
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row, row.ETag) };
            actions.AddRange(targets.Where(t => WebhookEventTypes.Receives(t.EventTypes, row.EventType) && partners.Receives(t, row))
                .Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row.Queued(t.EndpointId, now, 0, null, t.PartnerId is null ? null : row.PartnerPayload))));
            if (batch.Count + actions.Count > TableBatch.MaxOperations)
            {
                await SubmitAsync(batch);
                batch = [];
            }

            batch.AddRange(actions);
        }

        if (batch.Count > 0)
        {
            await SubmitAsync(batch);
        }
    }

    private async Task<Outcome> DeliverAsync(OutboxRow row, WebhookTarget? target, DateTimeOffset now)
    {
        if (target is null)
        {
            await SubmitAsync([new(TableTransactionActionType.Delete, row, row.ETag)]);
            return Outcome.Dropped;
        }

        var attempt = row.Attempts + 1;
        var error = await sender.SendAsync(target, row, attempt, now);
        if (error is null)
        {
            await SubmitAsync([new(TableTransactionActionType.Delete, row, row.ETag)]);
            return Outcome.Delivered;
        }

        var settings = options.Value;
        var failed = row.Queued(row.EndpointId, now, attempt, error);
        var delay = DeliveryBackoff.After(attempt, settings.MaxAttempts, settings.InitialBackoff, settings.MaxBackoff);
        var replacement = delay is { } wait ? row.Queued(row.EndpointId, now + wait, attempt, error) : failed.Dead(now);
        await SubmitAsync([new(TableTransactionActionType.Delete, row, row.ETag), new(TableTransactionActionType.UpsertReplace, replacement)]);
        Logger.LogWarning("Webhook delivery of {Notice} to {Endpoint} in {Community} failed (attempt {Attempt}: {Error}); {Next}",
            row.NoticeId, row.EndpointId, Community, attempt, error, delay is { } d ? $"retrying in {d}" : "dead-lettered");
        return delay is null ? Outcome.DeadLettered : Outcome.Retrying;
    }

    private async Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Another pass got there first (the row moved on); nothing is lost.
        }
    }

    /// <summary>Up to <paramref name="max"/> rows with <paramref name="from"/> &lt;= row key &lt; <paramref name="before"/>, in order.</summary>
    private async Task<List<OutboxRow>> QueryAsync(string from, string before, int max)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Community} and RowKey ge {from} and RowKey lt {before}");
        var rows = new List<OutboxRow>();
        await foreach (var row in _table.QueryAsync<OutboxRow>(filter, maxPerPage: Math.Min(max, 1000)))
        {
            rows.Add(row);
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }

    private void Arm(TimeSpan delay)
    {
        // Timers run on real time; due times in the outbox are on the domain clock and checked on each pass.
        var at = TimeProvider.System.GetUtcNow().UtcDateTime + delay;
        if (at >= _armedFor && _timer is not null)
        {
            return;
        }

        _armedFor = at;
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(async _ =>
        {
            _armedFor = DateTime.MaxValue;
            try
            {
                await DeliverDueAsync();
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "A webhook delivery pass in {Community} failed; the next kick retries", Community);
            }
        }, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
    }

    private enum Outcome
    {
        Delivered,
        Retrying,
        DeadLettered,
        Dropped,
    }
}
