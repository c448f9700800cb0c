using Azure.Data.Tables;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>
/// Issue 19.3, bounces: a relay that refuses a recipient for good (550) marks the address bouncing, admins see it, nothing
/// more is sent to it, and mail flows again once the address is corrected.
/// </summary>
public sealed class EmailBounceTests(RefusingRelayServerFixture server) : IClassFixture<RefusingRelayServerFixture>
{
    private const string Preferences = "query($l: ID) { emailPreferences(learnerId: $l) { bouncing bouncedAt bounceReason } }";
    private const string Bounces = "{ emailBounces(first: 10) { nodes { learnerId at reason } } }";

    [Fact]
    public async Task A_refused_address_is_marked_bouncing_gets_no_more_mail_and_is_mailed_again_once_corrected()
    {
        var refused = $"bounce-{Guid.NewGuid():N}@example.org";
        var holder = await RenewableCredential.EarnAsync(server.Cluster, refused, emailTopics: ["RENEWALS"]);
        var graphQl = holder.Scenario.GraphQl;
        var admin = holder.Scenario.AdminKey;
        Assert.Empty((await graphQl.DataAsync(Bounces, key: admin)).GetProperty("emailBounces").GetProperty("nodes").EnumerateArray());

        // The relay refuses the address: the learner is marked bouncing, for admins and for themself.
        await holder.ReachAsync(server.Clock, daysBeforeExpiry: 59);
        Assert.Equal([refused], server.Relay.Refused.Where(r => r == refused));
        var bouncing = (await graphQl.DataAsync(Preferences, new { l = holder.LearnerId }, admin)).GetProperty("emailPreferences");
        Assert.True(bouncing.GetProperty("bouncing").GetBoolean());
        Assert.StartsWith("550", bouncing.GetProperty("bounceReason").GetString());
        var listed = Assert.Single((await graphQl.DataAsync(Bounces, key: admin)).GetProperty("emailBounces").GetProperty("nodes").EnumerateArray());
        Assert.Equal(holder.LearnerId, listed.GetProperty("learnerId").GetString());
        Assert.DoesNotContain(refused, listed.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.True((await graphQl.DataAsync(Preferences, key: holder.LearnerKey)).GetProperty("emailPreferences").GetProperty("bouncing").GetBoolean());
        await graphQl.ErrorAsync("FORBIDDEN", Bounces, key: holder.LearnerKey);

        // The next notice is not even offered to the relay.
        await holder.ReachAsync(server.Clock, daysBeforeExpiry: 29);
        Assert.Equal(2, (await holder.NoticeIdsAsync()).Count);
        Assert.Single(server.Relay.Refused, r => r == refused);

        // Corrected, the address gets the next notice, and the bounce is forgotten.
        var corrected = $"fixed-{Guid.NewGuid():N}@example.org";
        await graphQl.DataAsync("mutation($l: ID, $input: RectifyLearnerInput!) { rectifyLearner(learnerId: $l, input: $input) { id } }",
            new { l = holder.LearnerId, input = new { email = corrected } }, admin);
        await holder.ReachAsync(server.Clock, daysBeforeExpiry: 6);
        Assert.Contains(corrected, server.Relay.Accepted);
        Assert.False((await graphQl.DataAsync(Preferences, new { l = holder.LearnerId }, admin)).GetProperty("emailPreferences").GetProperty("bouncing").GetBoolean());
        Assert.Empty((await graphQl.DataAsync(Bounces, key: admin)).GetProperty("emailBounces").GetProperty("nodes").EnumerateArray());

        // Erased, the learner leaves no record of the emails: the delivery rows (which never held the address) go too. They are
        // the three renewal notices' and the decision's and credential's (not sent: the learner kept only renewals).
        var records = new TableClient(TestEnvironment.StorageConnectionString, server.Cluster.StorageNamePrefix + "NoticeEmails");
        Assert.Equal(5, await RecordsAboutAsync(records, holder));
        await graphQl.DataAsync("mutation($id: ID) { eraseLearner(learnerId: $id) { erasedAt } }", new { id = holder.LearnerId }, admin);
        for (var waited = 0; waited < 150 && await RecordsAboutAsync(records, holder) > 0; waited++)
        {
            await Task.Delay(200);
        }

        Assert.Equal(0, await RecordsAboutAsync(records, holder));
    }

    private static async Task<int> RecordsAboutAsync(TableClient records, RenewableCredential holder)
    {
        var count = 0;
        await foreach (var row in records.QueryAsync<TableEntity>(r => r.PartitionKey == holder.Scenario.Community))
        {
            count += row.RowKey.Contains(holder.LearnerId, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
