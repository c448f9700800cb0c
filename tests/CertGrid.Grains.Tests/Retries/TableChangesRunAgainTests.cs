using Azure.Data.Tables;
using Bogus;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Notices;

namespace CertGrid.Grains.Tests.Retries;

/// <summary>
/// Issue 14: the two mutations whose change goes to a table rather than to a durable grain's state — a partner's message
/// to a learner, a dead letter put back in the queue — are safe to run again: under the same operation id a second run
/// (after a lost answer) or two concurrent runs store the change once, and the second run answers as the first did.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class TableChangesRunAgainTests(GrainClusterFixture fixture)
{
    private static readonly Faker Faker = new();

    [Fact]
    public async Task A_partner_message_sent_again_or_twice_at_once_under_one_operation_is_stored_once()
    {
        var community = GrainClusterFixture.NewCommunity();
        var log = fixture.Grains.GetGrain<IPartnerAccessLogGrain>(community);
        var learnerId = EntityId.New(IdPrefixes.Learner);
        var message = new PartnerAccessEntry(learnerId, "key_partner", Faker.Company.CompanyName(), PartnerAccessKind.SentMessage, Faker.Lorem.Sentence(12), Now);

        var operation = NewOperation();
        await RetriedCalls.UnderAsync(operation, () => log.RecordMessageAsync(message));
        await RetriedCalls.UnderAsync(operation, () => log.RecordMessageAsync(message));
        var concurrent = NewOperation();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RetriedCalls.UnderAsync(concurrent, () => log.RecordMessageAsync(message with { Detail = "once" }))));
        await log.RecordMessageAsync(message with { Detail = "without an operation: a new message each time" });

        var stored = await log.ListAsync(learnerId, messages: true, new PageRequest(50, null));
        Assert.Equal(3, stored.Items.Count);
        Assert.Single(stored.Items, m => m.Detail == message.Detail);
        Assert.Single(stored.Items, m => m.Detail == "once");
    }

    [Fact]
    public async Task A_dead_letter_redelivered_again_under_one_operation_is_queued_once_and_answers_as_the_first_run()
    {
        var community = GrainClusterFixture.NewCommunity();
        var dispatcher = fixture.Grains.GetGrain<IWebhookDispatcherGrain>(community);
        var notices = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.NoticesTable);
        var (first, second) = (await DeadLetterAsync(notices, community), await DeadLetterAsync(notices, community));

        var operation = NewOperation();
        await RetriedCalls.UnderAsync(operation, () => dispatcher.RedeliverAsync(first.NoticeId, first.EndpointId, "admin:key_1"));
        await RetriedCalls.UnderAsync(operation, () => dispatcher.RedeliverAsync(first.NoticeId, first.EndpointId, "admin:key_1"));
        var concurrent = NewOperation();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RetriedCalls.UnderAsync(concurrent, () => dispatcher.RedeliverAsync(second.NoticeId, second.EndpointId, "admin:key_1"))));

        // One re-queue (and its audit entry) per dead letter, however often and however concurrently it was run.
        var redelivered = (await AuditTrail.WithAsync(fixture.Grains, community, "webhook.redelivered")).Select(e => e.Subject).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { first.NoticeId, second.NoticeId }.Order(StringComparer.Ordinal), redelivered);
        Assert.False((await notices.GetEntityIfExistsAsync<OutboxRow>(community, OutboxRow.DeadKey(first.NoticeId, first.EndpointId))).HasValue);

        // A new operation, or none, finds no dead letter any more.
        var again = await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(NewOperation(), () => dispatcher.RedeliverAsync(first.NoticeId, first.EndpointId, "admin:key_1")));
        Assert.Equal(ErrorCode.NotFound, again.Code);
    }

    private DateTimeOffset Now => fixture.Cluster.Clock.GetUtcNow();

    private RetriedOperation NewOperation() => new("op_" + Guid.NewGuid().ToString("N"), Now.AddHours(1));

    private async Task<OutboxRow> DeadLetterAsync(TableClient notices, string community)
    {
        var dead = new OutboxRow
        {
            PartitionKey = community, NoticeId = EntityId.New(IdPrefixes.Notice), EndpointId = EntityId.New(IdPrefixes.WebhookEndpoint),
            EventType = "credential.issued", Payload = "{}", Attempts = 5, LastError = "HTTP 500 Internal Server Error",
        }.Dead(Now);
        await notices.AddEntityAsync(dead);
        return dead;
    }
}
