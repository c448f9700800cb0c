using System.Globalization;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Audit;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// Issue 14: acknowledged work survives a storage account that fails. While every third of the community's grain-state
/// writes fails (every other one after the row was stored, so the grain cannot tell) and every fifth read fails, panels
/// decide attempts and an admin revokes credentials, each retried as a client retries until answered. Once storage
/// recovers, with nobody calling again, every acknowledged pass has its one credential, listed and recorded on its
/// holder, every acknowledged revocation is on the status list and in the list, and the audit chain holds each once.
/// </summary>
public sealed class StorageFailureTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Work_acknowledged_while_storage_fails_a_share_of_reads_and_writes_is_all_there_once_storage_recovers()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var definitionId = await program.PublishedCredentialAsync();
        var evaluators = new[] { await program.EvaluatorAsync(), await program.EvaluatorAsync() };
        var undecided = new List<(string LearnerId, string AttemptId)>();
        var issued = new List<IssuedCredential>();
        for (var i = 0; i < 9; i++)
        {
            var (learnerId, _) = await program.LearnerAsync();
            var attempt = await program.SubmitAsync(learnerId, definitionId);
            await program.ReviewAsync(attempt.Id, evaluators[0], "Proficient");
            if (i < 6)
            {
                undecided.Add((learnerId, attempt.Id));
                continue;
            }

            var decided = await program.ReviewAsync(attempt.Id, evaluators[1], "Exemplary");
            issued.Add((await fixture.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!)).FindAsync())!);
        }

        // Storage fails; every call is retried as a client would until it is answered (acknowledged).
        var faults = fixture.Cluster.BeginStorageFaults(program.Community, everyNthWrite: 3, everyNthRead: 5);
        var retries = 0;
        var passes = new List<(string LearnerId, string AttemptId, string CredentialId)>();
        var revoked = new List<IssuedCredential>();
        try
        {
            foreach (var (learnerId, attemptId) in undecided)
            {
                var decided = await AsClientAsync(() => program.ReviewAsync(attemptId, evaluators[1], "Proficient"), () => retries++,
                    async () => await program.Attempt(attemptId).GetAsync() is { } view && view.Reviews.Any(r => r.EvaluatorId == evaluators[1]) ? view : null);
                Assert.Equal(AttemptStatus.Passed, decided.Status);
                passes.Add((learnerId, attemptId, Assert.IsType<string>(decided.CredentialId)));
            }

            foreach (var credential in issued)
            {
                var grain = fixture.Grains.GetGrain<ICredentialGrain>(program.Key(credential.Id));
                Assert.Equal(CredentialStatus.Revoked, (await AsClientAsync(() => grain.RevokeAsync("Evidence found plagiarised", Actors.System), () => retries++,
                    async () => await grain.FindAsync() is { Status: CredentialStatus.Revoked } now ? now : null)).Status);
                revoked.Add(credential);
            }
        }
        finally
        {
            fixture.Cluster.EndStorageFaults();
        }

        Assert.True(faults is { WritesRefused: > 0, WritesWithLostAnswer: > 0, ReadsRefused: > 0 },
            $"the faults did not happen: {faults.WritesRefused} writes refused, {faults.WritesWithLostAnswer} lost answers, {faults.ReadsRefused} reads refused, {retries} retries");

        // Nobody calls the attempts or credentials again: what they acknowledged completes by itself.
        var index = fixture.Grains.GetGrain<ICredentialIndexGrain>(program.Community);
        foreach (var (learnerId, attemptId, credentialId) in passes)
        {
            var credential = await Eventually.HoldsAsync(() => fixture.Grains.GetGrain<ICredentialGrain>(program.Key(credentialId)).FindAsync(),
                c => c is not null, $"the credential of acknowledged pass {attemptId}", timeoutMs: 90_000);
            Assert.Equal((learnerId, attemptId, CredentialStatus.Active), (credential!.LearnerId, credential.AttemptId, credential.Status));
            await Eventually.HoldsAsync(async () => (await program.Learner(learnerId).GetRecordAsync()).CredentialIds, ids => ids.SequenceEqual([credentialId]),
                $"{credentialId} recorded on its holder", timeoutMs: 90_000);
            await Eventually.HoldsAsync(async () => (await index.ListForLearnerAsync(learnerId, new PageRequest(10, null))).Items.Select(c => (c.Id, c.Status)).ToList(),
                listed => listed.SequenceEqual([(credentialId, CredentialStatus.Active)]), $"{credentialId} listed once, active", timeoutMs: 90_000);
        }

        foreach (var credential in revoked)
        {
            var (list, position) = StatusEntry(credential);
            await Eventually.HoldsAsync(() => fixture.Grains.StatusList(program.Community, StatusPurpose.Message, list).GetAsync(position),
                code => code == CredentialStatusCode.Revoked, $"the status list shows {credential.Id} revoked", timeoutMs: 90_000);
            await Eventually.HoldsAsync(async () => (await index.ListForLearnerAsync(credential.LearnerId, new PageRequest(10, null))).Items.Single().Status,
                status => status == CredentialStatus.Revoked, $"the list shows {credential.Id} revoked", timeoutMs: 90_000);
        }

        var audit = await Eventually.HoldsAsync(() => AuditTrail.AllAsync(fixture.Grains, program.Community),
            all => all.Count(e => e.Action == "credential.issued") == 9 && all.Count(e => e.Action == "credential.revoked") == 3, "every issuance and revocation audited", timeoutMs: 90_000);
        Assert.All(passes, p => Assert.Single(audit, e => e.Action == "credential.issued" && e.Subject == p.CredentialId));
        Assert.All(revoked, c => Assert.Single(audit, e => e.Action == "credential.revoked" && e.Subject == c.Id));
        Assert.All(undecided, a => Assert.Equal(2, audit.Count(e => e.Action == "review.submitted" && e.Subject == a.AttemptId)));
        Assert.True((await fixture.Grains.GetGrain<IAuditLogReaderGrain>(program.Community).VerifyAsync()).Intact);
    }

    /// <summary>
    /// Calls until answered, as the API does for a retried request: a failure the caller may retry (UNAVAILABLE, or
    /// storage's own error while a grain loads) is retried; a retry refused as a conflict finds what the first call made.
    /// </summary>
    private static async Task<T> AsClientAsync<T>(Func<Task<T>> call, Action retried, Func<Task<T?>> alreadyMade)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (CertGridException conflict) when (conflict.Code == ErrorCode.Conflict && attempt > 1)
            {
                if (await alreadyMade() is not { } made)
                {
                    throw;
                }

                return made;
            }
            catch (Exception ex) when (attempt < 50 && ex is not CertGridException { Code: not ErrorCode.Unavailable })
            {
                retried();
                await Task.Delay(100);
            }
        }
    }

    private static (int List, int Index) StatusEntry(IssuedCredential credential)
    {
        var status = System.Text.Json.JsonDocument.Parse(credential.DocumentJson).RootElement.GetProperty("credentialStatus");
        return (int.Parse(status.GetProperty("statusListCredential").GetString()!.Split('/')[^1], CultureInfo.InvariantCulture),
            int.Parse(status.GetProperty("statusListIndex").GetString()!, CultureInfo.InvariantCulture));
    }
}
