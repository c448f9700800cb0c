using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Persistence;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// Zero loss of acknowledged work: what a call acknowledged is stored, and what it causes completes without anyone
/// calling again — the credential of a pass whose issuing failed at first, the status list and read model of a
/// revocation made while they were out — while a write that storage refused (a conflict) is never served afterwards.
/// </summary>
public sealed class AcknowledgedWorkTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task The_credential_of_an_acknowledged_pass_is_issued_by_the_retry_after_issuing_failed_with_nobody_calling_again()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, attempt) = await program.SubmittedToTwoEvaluatorsAsync();
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Exemplary");

        fixture.Cluster.BeginOutage("ICredentialGrain.IssueAsync");
        AttemptView decided;
        try
        {
            decided = await program.Attempt(attempt.Id).SubmitReviewAsync(program.Review(attempt.Panel[1].EvaluatorId, "Exemplary"));
            Assert.Equal(AttemptStatus.Passed, decided.Status);
            var credentialId = Assert.IsType<string>(decided.CredentialId);
            Assert.Null(await fixture.Grains.GetGrain<ICredentialGrain>(program.Key(credentialId)).FindAsync());
            var pending = await fixture.Grains.GetGrain<IEffectOutbox>(program.Attempt(attempt.Id).GetGrainId()).GetEffectsAsync();
            Assert.True(Assert.Single(pending.Pending, e => e.Kind == "IssueEarnedCredential").Attempts >= 1);
        }
        finally
        {
            fixture.Cluster.EndOutage();
        }

        // Nobody calls the attempt again: its retry timer issues the credential, once.
        var credential = await Eventually.HoldsAsync(() => fixture.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!)).FindAsync(),
            c => c is not null, "the acknowledged pass's credential is issued", timeoutMs: 30_000);
        Assert.Equal((learnerId, attempt.Id, CredentialStatus.Active), (credential!.LearnerId, credential.AttemptId, credential.Status));
        await Settled.EffectsOfAsync(fixture.Grains, fixture.Grains.GetGrain<ICredentialGrain>(program.Key(credential.Id)));
        var audit = await AuditTrail.AllAsync(fixture.Grains, program.Community);
        Assert.Single(audit, e => e.Action == "credential.issued" && e.Subject == credential.Id);
        Assert.Equal([credential.Id], (await program.Learner(learnerId).GetRecordAsync()).CredentialIds);
    }

    [Fact]
    public async Task A_revocation_made_while_the_status_list_is_out_reaches_the_list_and_the_read_model_with_nobody_calling_again()
    {
        var issuer = new CredentialIssuer(fixture);
        var credential = await issuer.IssueAsync();
        var grain = fixture.Grains.Credential(issuer.Community, credential.Id);
        await Settled.EffectsOfAsync(fixture.Grains, grain);
        var (list, index) = Entry(credential);
        var statusList = fixture.Grains.StatusList(issuer.Community, StatusPurpose.Message, list);

        fixture.Cluster.BeginOutage("IStatusListGrain.SetAsync");
        try
        {
            Assert.Equal(CredentialStatus.Revoked, (await grain.RevokeAsync("Plagiarised evidence", Actors.System)).Status);
            Assert.Equal(CredentialStatusCode.Valid, await statusList.GetAsync(index));
        }
        finally
        {
            fixture.Cluster.EndOutage();
        }

        await Eventually.HoldsAsync(() => statusList.GetAsync(index), code => code == CredentialStatusCode.Revoked, "the status list shows the revocation", timeoutMs: 30_000);
        await Eventually.HoldsAsync(
            async () => (await fixture.Grains.GetGrain<ICredentialIndexGrain>(issuer.Community).ListForLearnerAsync(credential.LearnerId, new PageRequest(10, null))).Items.Single().Status,
            status => status == CredentialStatus.Revoked, "the credentials read model shows the revocation", timeoutMs: 30_000);
    }

    [Fact]
    public async Task A_write_refused_for_a_conflict_is_never_served_the_grain_reloads_what_storage_holds()
    {
        var issuer = new CredentialIssuer(fixture);
        var credential = await issuer.IssueAsync();
        var grain = fixture.Grains.Credential(issuer.Community, credential.Id);
        await Settled.EffectsOfAsync(fixture.Grains, grain);

        // Another writer changed the grain's stored row (as a second activation would): this activation's ETag is stale.
        var table = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.GrainStateTable);
        var rowKey = SpreadRowKeyGrainStorage.RowKey("credential", grain.GetGrainId());
        var rows = new List<TableEntity>();
        await foreach (var stored in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {rowKey}")))
        {
            rows.Add(stored);
        }

        await table.UpdateEntityAsync(Assert.Single(rows, r => r.PartitionKey.EndsWith(credential.Id, StringComparison.Ordinal)), ETag.All, TableUpdateMode.Merge);

        var refused = await Assert.ThrowsAsync<CertGridException>(() => grain.RevokeAsync("Plagiarised evidence", Actors.System));
        Assert.Equal(ErrorCode.Unavailable, refused.Code);
        Assert.Equal(CredentialStatus.Active, (await grain.FindAsync())!.Status);

        Assert.Equal(CredentialStatus.Revoked, (await grain.RevokeAsync("Plagiarised evidence, confirmed", Actors.System)).Status);
        await Settled.EffectsOfAsync(fixture.Grains, grain);
        var audit = await AuditTrail.AllAsync(fixture.Grains, issuer.Community);
        Assert.Contains("confirmed", Assert.Single(audit, e => e.Action == "credential.revoked" && e.Subject == credential.Id).Details, StringComparison.Ordinal);
    }

    private static (int List, int Index) Entry(IssuedCredential credential)
    {
        var status = System.Text.Json.JsonDocument.Parse(credential.DocumentJson).RootElement.GetProperty("credentialStatus");
        return (int.Parse(status.GetProperty("statusListCredential").GetString()!.Split('/')[^1], CultureInfo.InvariantCulture),
            int.Parse(status.GetProperty("statusListIndex").GetString()!, CultureInfo.InvariantCulture));
    }
}
