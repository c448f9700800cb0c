using Azure.Data.Tables;
using CertGrid.Abstractions.Audit;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Audit;

namespace CertGrid.Grains.Tests.Audit;

/// <summary>The audit chain in Azure Table storage: one writer per community, idempotent, and tampering is detected.</summary>
public sealed class AuditLogGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Concurrent_appends_land_once_each_in_one_unbroken_chain()
    {
        var community = GrainClusterFixture.NewCommunity();
        var events = Enumerable.Range(1, 60).Select(i => Event($"e{i}", $"subject-{i}")).ToList();
        await Task.WhenAll(events.Chunk(3).Select(chunk => fixture.Grains.GetGrain<IAuditLogGrain>(community).AppendAsync(chunk)));

        // The same events again (a retry after a restart) change nothing.
        await fixture.Grains.GetGrain<IAuditLogGrain>(community).AppendAsync(events.Take(10).ToList());
        await fixture.Grains.GetGrain<IAuditLogGrain>(community).AppendAsync([events[5], Event("e61", "subject-61"), events[7]]);

        var entries = await AllAsync(community);
        Assert.Equal(Enumerable.Range(1, 61).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(61, entries.Select(e => e.EventId).Distinct().Count());
        var verification = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(community).VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(61, verification.EntriesChecked);
    }

    [Fact]
    public async Task A_batch_bringing_back_many_recorded_events_appends_only_the_new_ones()
    {
        // After a silo loss, resumed grains bring back many events the chain already holds, in one shared batch: more than
        // the ten attempts a batch has, if each failed attempt dropped one of them.
        var community = GrainClusterFixture.NewCommunity();
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(community);
        var events = Enumerable.Range(1, 40).Select(i => Event($"e{i}", $"subject-{i}")).ToList();
        await log.AppendAsync(events);

        await log.AppendAsync([Event("e41", "subject-41"), .. events.Skip(5).Take(30), Event("e42", "subject-42")]);

        var entries = await AllAsync(community);
        Assert.Equal(Enumerable.Range(1, 42).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 42).Select(i => $"e{i}"), entries.Select(e => e.EventId));
        var verification = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(community).VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Callers_sharing_a_batch_each_land_once_even_when_they_bring_the_same_event_or_more_than_a_batch_holds()
    {
        // 40 callers at once, each with three events of its own and the first event of the next caller: the appends that
        // wait for a batch in flight share the next one, which then holds far more than one table batch (49 events) can.
        var community = GrainClusterFixture.NewCommunity();
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(community);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(caller => log.AppendAsync(
            [Event($"c{caller}a", "s"), Event($"c{caller}b", "s"), Event($"c{caller}c", "s"), Event($"c{caller + 1}a", "s")])));

        var entries = await AllAsync(community);
        Assert.Equal(Enumerable.Range(1, 121).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(
            Enumerable.Range(0, 40).SelectMany(c => new[] { $"c{c}a", $"c{c}b", $"c{c}c" }).Append("c40a").Order(StringComparer.Ordinal),
            entries.Select(e => e.EventId).Order(StringComparer.Ordinal));
        var verification = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(community).VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Altering_an_entry_in_storage_is_detected_at_that_entry()
    {
        var community = await CommunityWithEntriesAsync(8);
        var table = Table();
        var row = (await table.GetEntityAsync<AuditRow>(community, AuditRow.EntryKey(4))).Value;
        row.Details0 = row.Details0!.Replace("approved", "rejected", StringComparison.Ordinal);
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var verification = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(community).VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Contains("altered", verification.Problem);
    }

    [Fact]
    public async Task Removing_or_reordering_entries_in_storage_is_detected()
    {
        var removedMiddle = await CommunityWithEntriesAsync(6);
        await Table().DeleteEntityAsync(removedMiddle, AuditRow.EntryKey(3));
        var middle = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(removedMiddle).VerifyAsync();
        Assert.False(middle.Intact);
        Assert.Equal(4, middle.FirstBrokenSequence);

        var removedLast = await CommunityWithEntriesAsync(6);
        await Table().DeleteEntityAsync(removedLast, AuditRow.EntryKey(6));
        var last = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(removedLast).VerifyAsync();
        Assert.False(last.Intact);
        Assert.Contains("head", last.Problem);

        var reordered = await CommunityWithEntriesAsync(6);
        var table = Table();
        var second = (await table.GetEntityAsync<AuditRow>(reordered, AuditRow.EntryKey(2))).Value;
        var fifth = (await table.GetEntityAsync<AuditRow>(reordered, AuditRow.EntryKey(5))).Value;
        (second.RowKey, fifth.RowKey) = (fifth.RowKey, second.RowKey);
        await table.UpsertEntityAsync(second, TableUpdateMode.Replace);
        await table.UpsertEntityAsync(fifth, TableUpdateMode.Replace);
        var swapped = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(reordered).VerifyAsync();
        Assert.False(swapped.Intact);
        Assert.Equal(5, swapped.FirstBrokenSequence);
    }

    [Fact]
    public async Task The_log_is_read_in_pages_oldest_first()
    {
        var community = await CommunityWithEntriesAsync(7);
        var reader = fixture.Grains.GetGrain<IAuditLogReaderGrain>(community);
        var first = await reader.ListAsync(new PageRequest(3, null));
        var second = await reader.ListAsync(new PageRequest(3, first.NextCursor));
        var third = await reader.ListAsync(new PageRequest(3, second.NextCursor));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.Sequence));
        Assert.Null(third.NextCursor);
    }

    private async Task<string> CommunityWithEntriesAsync(int count)
    {
        var community = GrainClusterFixture.NewCommunity();
        await fixture.Grains.GetGrain<IAuditLogGrain>(community).AppendAsync(Enumerable.Range(1, count).Select(i => Event($"x{i}", $"s{i}")).ToList());
        return community;
    }

    private async Task<List<AuditEntry>> AllAsync(string community)
    {
        var entries = new List<AuditEntry>();
        string? cursor = null;
        do
        {
            var page = await fixture.Grains.GetGrain<IAuditLogReaderGrain>(community).ListAsync(new PageRequest(100, cursor));
            entries.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return entries;
    }

    private TableClient Table() => fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.AuditTable);

    private static AuditEvent Event(string id, string subject) =>
        new(id, DateTimeOffset.UtcNow, Actors.Evaluator("evl_test"), "review.submitted", subject, "{\"decision\":\"approved\"}");
}
