using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Tests.Renewals;
using CertGrid.Testing;

namespace CertGrid.Grains.Tests.Notices;

/// <summary>Notices reach real HTTP receivers: signed, retried with backoff, dead-lettered and redelivered.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class WebhookDeliveryTests(RenewalsFixture fixture)
{
    [Fact]
    public async Task Every_endpoint_receives_each_notice_signed_with_its_own_secret()
    {
        await using var first = await WebhookReceiver.StartAsync();
        await using var second = await WebhookReceiver.StartAsync();
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var endpoints = Endpoints(scenario);
        var generated = await endpoints.RegisterAsync(new RegisterWebhookEndpoint(first.Url, "Learning platform", null), Actors.Admin("key_a"));
        var chosen = await endpoints.RegisterAsync(new RegisterWebhookEndpoint(second.Url, null, "my-own-secret-with-enough-length"), Actors.Admin("key_a"));
        Assert.StartsWith("whsec_", generated.Secret);
        Assert.Equal(2, (await endpoints.ListAsync()).Count);

        var learner = EntityId.New(IdPrefixes.Learner);
        var credential = await scenario.TrackAsync(learner, TimeSpan.FromDays(20));
        await Dispatcher(scenario).DeliverDueAsync();
        await first.WaitUntilAsync(r => r.Accepted.Count() == 1);
        await second.WaitUntilAsync(r => r.Accepted.Count() == 1);

        var notice = Assert.Single(await scenario.NoticesAsync(learner));
        foreach (var (receiver, secret) in new[] { (first, generated.Secret), (second, chosen.Secret) })
        {
            var delivery = Assert.Single(receiver.Received);
            Assert.Equal((notice.Id, "renewal.window_opened", 1), (delivery.IdempotencyKey, delivery.EventType, delivery.Attempt));
            AssertSigned(delivery, secret, scenario.Clock.GetUtcNow());
            var body = JsonDocument.Parse(delivery.Body).RootElement;
            Assert.Equal((notice.Id, credential, learner, scenario.Community), (body.GetProperty("id").GetString(), body.GetProperty("credentialId").GetString(),
                body.GetProperty("learnerId").GetString(), body.GetProperty("community").GetString()));
            Assert.Contains("can now be renewed", body.GetProperty("message").GetString());
        }

        Assert.False(WebhookSignature.Verify(chosen.Secret, first.Received.Single().Signature, first.Received.Single().Body, scenario.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_receiver_that_fails_gets_the_same_notice_again_after_the_backoff_until_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext = 2;
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var secret = (await Endpoints(scenario).RegisterAsync(new RegisterWebhookEndpoint(receiver.Url, null, null), Actors.Admin("key_a"))).Secret;
        var dispatcher = Dispatcher(scenario);

        await scenario.TrackAsync(EntityId.New(IdPrefixes.Learner), TimeSpan.FromDays(20));
        await dispatcher.DeliverDueAsync();
        await receiver.WaitUntilAsync(r => r.Received.Count == 1);

        // Not due again until the backoff has passed (30 s, then 60 s).
        Assert.Equal(0, (await dispatcher.DeliverDueAsync()).Delivered);
        Assert.Single(receiver.Received);
        scenario.Clock.Advance(TimeSpan.FromSeconds(31));
        await dispatcher.DeliverDueAsync();
        await receiver.WaitUntilAsync(r => r.Received.Count == 2);
        scenario.Clock.Advance(TimeSpan.FromSeconds(61));
        await dispatcher.DeliverDueAsync();
        await receiver.WaitUntilAsync(r => r.Received.Count == 3);

        var deliveries = receiver.Received.ToList();
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Attempt));
        Assert.Equal([false, false, true], deliveries.Select(d => d.Accepted));
        Assert.Single(deliveries.Select(d => d.IdempotencyKey).Distinct());
        Assert.All(deliveries, d => AssertSigned(d, secret, scenario.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        scenario.Clock.Advance(TimeSpan.FromMinutes(30));
        await dispatcher.DeliverDueAsync();
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task A_delivery_that_fails_every_attempt_is_dead_lettered_and_can_be_redelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext = -1;
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var endpoint = (await Endpoints(scenario).RegisterAsync(new RegisterWebhookEndpoint(receiver.Url, null, null), Actors.Admin("key_a"))).Endpoint;
        var dispatcher = Dispatcher(scenario);
        var learner = EntityId.New(IdPrefixes.Learner);
        await scenario.TrackAsync(learner, TimeSpan.FromDays(20));

        await dispatcher.DeliverDueAsync();
        foreach (var (wait, attempts) in new[] { (31, 2), (61, 3), (121, 4) })
        {
            await receiver.WaitUntilAsync(r => r.Received.Count == attempts - 1);
            scenario.Clock.Advance(TimeSpan.FromSeconds(wait));
            await dispatcher.DeliverDueAsync();
        }

        await receiver.WaitUntilAsync(r => r.Received.Count == 4);
        var index = scenario.Grains.GetGrain<INoticeIndexGrain>(scenario.Community);
        var dead = Assert.Single((await WaitForDeadLettersAsync(index, 1)).Items);
        var notice = Assert.Single(await scenario.NoticesAsync(learner));
        Assert.Equal((notice.Id, endpoint.Id, "renewal.window_opened", 4), (dead.NoticeId, dead.EndpointId, dead.EventType, dead.Attempts));
        Assert.StartsWith("HTTP 500", dead.LastError);

        receiver.FailNext = 0;
        await dispatcher.RedeliverAsync(dead.NoticeId, dead.EndpointId, Actors.Admin("key_a"));
        await dispatcher.DeliverDueAsync();
        await receiver.WaitUntilAsync(r => r.Accepted.Count() == 1);
        Assert.Empty((await index.ListDeadLettersAsync(new PageRequest(10, null))).Items);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => dispatcher.RedeliverAsync(dead.NoticeId, dead.EndpointId, Actors.System))).Code);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_retried_with_backoff_then_dead_lettered_while_other_endpoints_keep_receiving()
    {
        await using var healthy = await WebhookReceiver.StartAsync();
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var endpoints = Endpoints(scenario);
        var unreachable = (await endpoints.RegisterAsync(new RegisterWebhookEndpoint($"http://127.0.0.1:{FreePort.Next()}/hooks", null, null), Actors.Admin("key_a"))).Endpoint;
        await endpoints.RegisterAsync(new RegisterWebhookEndpoint(healthy.Url, null, null), Actors.Admin("key_a"));
        var dispatcher = Dispatcher(scenario);
        var learner = EntityId.New(IdPrefixes.Learner);
        await scenario.TrackAsync(learner, TimeSpan.FromDays(20));

        // Each pass (ours, or the one the publish kicked) tries once; the refused connection is re-queued 30 s, 60 s, 120 s later.
        var started = scenario.Clock.GetUtcNow();
        Assert.Equal(started.AddSeconds(30), (await dispatcher.DeliverDueAsync()).NextAttemptAt);
        await healthy.WaitUntilAsync(r => r.Accepted.Count() == 1);
        Assert.Equal(started.AddSeconds(30), (await dispatcher.DeliverDueAsync()).NextAttemptAt);
        foreach (var (wait, next) in new[] { (30, 90), (60, 210) })
        {
            scenario.Clock.Advance(TimeSpan.FromSeconds(wait));
            Assert.Equal(started.AddSeconds(next), (await dispatcher.DeliverDueAsync()).NextAttemptAt);
        }

        scenario.Clock.Advance(TimeSpan.FromSeconds(120));
        var last = await dispatcher.DeliverDueAsync();
        Assert.Null(last.NextAttemptAt);

        var index = scenario.Grains.GetGrain<INoticeIndexGrain>(scenario.Community);
        var dead = Assert.Single((await WaitForDeadLettersAsync(index, 1)).Items);
        var notice = Assert.Single(await scenario.NoticesAsync(learner));
        Assert.Equal((notice.Id, unreachable.Id, 4), (dead.NoticeId, dead.EndpointId, dead.Attempts));
        Assert.Contains("refused", dead.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\n", dead.LastError);
        Assert.DoesNotContain(" at ", dead.LastError);

        // The dispatcher carries on: the next notice reaches the healthy receiver and starts afresh for the unreachable one.
        await scenario.TrackAsync(learner, TimeSpan.FromDays(20));
        var after = await dispatcher.DeliverDueAsync();
        await healthy.WaitUntilAsync(r => r.Accepted.Count() == 2);
        Assert.Equal(scenario.Clock.GetUtcNow().AddSeconds(30), after.NextAttemptAt);
        Assert.Single(healthy.Received.Select(d => d.IdempotencyKey), notice.Id);
        Assert.Single((await index.ListDeadLettersAsync(new PageRequest(10, null))).Items);
    }

    [Fact]
    public async Task Endpoints_must_be_valid_and_removed_ones_get_nothing_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var endpoints = Endpoints(scenario);
        Assert.Equal("input.url", (await Assert.ThrowsAsync<CertGridException>(() => endpoints.RegisterAsync(new RegisterWebhookEndpoint("not a url", null, null), Actors.System))).Field);
        Assert.Equal("input.secret", (await Assert.ThrowsAsync<CertGridException>(() => endpoints.RegisterAsync(new RegisterWebhookEndpoint(receiver.Url, null, "short"), Actors.System))).Field);

        var endpoint = (await endpoints.RegisterAsync(new RegisterWebhookEndpoint(receiver.Url, null, null), Actors.System)).Endpoint;
        await endpoints.RemoveAsync(endpoint.Id, Actors.Admin("key_a"));
        await scenario.TrackAsync(EntityId.New(IdPrefixes.Learner), TimeSpan.FromDays(20));
        await Dispatcher(scenario).DeliverDueAsync();

        Assert.Empty(receiver.Received);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => endpoints.RemoveAsync(endpoint.Id, Actors.System))).Code);
    }

    [Fact]
    public async Task A_community_without_endpoints_keeps_each_notice_for_the_learner_and_queues_nothing_to_deliver()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var before = EntityId.New(IdPrefixes.Learner);
        await scenario.TrackAsync(before, TimeSpan.FromDays(20));

        Assert.Single(await scenario.NoticesAsync(before));
        Assert.Empty(await OutboxRowsAsync(scenario));

        await using var receiver = await WebhookReceiver.StartAsync();
        await Endpoints(scenario).RegisterAsync(new RegisterWebhookEndpoint(receiver.Url, null, null), Actors.Admin("key_a"));
        var after = EntityId.New(IdPrefixes.Learner);
        await scenario.TrackAsync(after, TimeSpan.FromDays(20));
        await Dispatcher(scenario).DeliverDueAsync();
        await receiver.WaitUntilAsync(r => r.Accepted.Any());

        Assert.Equal(Assert.Single(await scenario.NoticesAsync(after)).Id, Assert.Single(receiver.Received).IdempotencyKey);
    }

    /// <summary>The community's webhook outbox: every row of its notices partition that is not a holder's copy (<c>l|…</c>).</summary>
    private async Task<List<string>> OutboxRowsAsync(RenewalScenario scenario)
    {
        var table = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.NoticesTable);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {scenario.Community}"), select: ["RowKey"]))
        {
            if (!row.RowKey.StartsWith("l|", StringComparison.Ordinal))
            {
                rows.Add(row.RowKey);
            }
        }

        return rows;
    }

    private static IWebhookEndpointsGrain Endpoints(RenewalScenario scenario) => scenario.Grains.GetGrain<IWebhookEndpointsGrain>(scenario.Community);

    private static IWebhookDispatcherGrain Dispatcher(RenewalScenario scenario) => scenario.Grains.GetGrain<IWebhookDispatcherGrain>(scenario.Community);

    private static async Task<Page<DeadLetter>> WaitForDeadLettersAsync(INoticeIndexGrain index, int count)
    {
        for (var i = 0; ; i++)
        {
            var page = await index.ListDeadLettersAsync(new PageRequest(10, null));
            if (page.Items.Count >= count || i > 100)
            {
                return page;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Checks the signature the way a receiver would, independently of CertGrid's code, and with it.</summary>
    private static void AssertSigned(ReceivedDelivery delivery, string secret, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        var parts = delivery.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{delivery.Body}")));
        Assert.Equal(expected, parts["v1"]);
        Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body, now, tolerance ?? TimeSpan.FromMinutes(1)));
    }
}
