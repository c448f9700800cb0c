using System.Text.Json;
using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Access;
using CertGrid.Domain.Audit;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Tests.Assessments;

namespace CertGrid.Grains.Tests.Retries;

/// <summary>
/// Issue 14: changes whose answer no state read gives — an issued or rotated key's one-time secret, a continuing-education
/// activity just recorded — store that answer in the change's own write. When storage loses the answer of that write
/// (stored, then answered 503, as when the silo dies right after it), the same operation run again gets the first answer
/// instead of CONFLICT, and nothing is applied twice.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class AnswerInTheChangesWriteTests(GrainClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.Cluster.Clock.GetUtcNow();

    [Fact]
    public async Task A_key_issued_or_rotated_whose_answer_was_lost_gives_the_same_secret_when_run_again()
    {
        var community = GrainClusterFixture.NewCommunity();
        var keyId = EntityId.New(IdPrefixes.ApiKey);
        var key = fixture.Grains.ApiKey(community, keyId);
        var issue = new IssueApiKey(Role.CommunityAdmin, null, [], "Board secretary");
        var issuing = NewOperation();

        fixture.Cluster.FailOneWrite(ScopedKey(community, keyId), skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(issuing, () => key.IssueAsync(issue, Actors.System)))).Code);
        var issued = await RetriedCalls.UnderAsync(issuing, () => key.IssueAsync(issue, Actors.System));
        Assert.True(SecretMatches(issued.Token, (await key.FindAsync())!.SecretHash));

        var newKeyId = EntityId.New(IdPrefixes.ApiKey);
        var rotating = NewOperation();
        fixture.Cluster.FailOneWrite(ScopedKey(community, keyId), skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(rotating, () => key.RotateAsync(newKeyId, 0, Actors.System)))).Code);
        var rotated = await RetriedCalls.UnderAsync(rotating, () => key.RotateAsync(newKeyId, 0, Actors.System));
        var again = await RetriedCalls.UnderAsync(rotating, () => key.RotateAsync(newKeyId, 0, Actors.System));
        Assert.Equal(JsonSerializer.Serialize(rotated), JsonSerializer.Serialize(again));
        Assert.Equal(newKeyId, rotated.Info.KeyId);
        var replacement = await Eventually.HoldsAsync(() => fixture.Grains.ApiKey(community, newKeyId).FindAsync(), found => found is not null, "the replacement key exists");
        Assert.True(SecretMatches(rotated.Token, replacement!.SecretHash));
        Assert.Equal(newKeyId, (await key.FindAsync())!.Info.RotatedTo);
    }

    [Fact]
    public async Task A_recorded_activity_whose_answer_was_lost_is_answered_and_recorded_once_when_run_again()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var ledger = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(learnerId));
        var input = new CeActivityInput(CeActivityKind.Course, program.Faker.Company.CatchPhrase(), 4, "Technical", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-2), null);
        var operation = NewOperation();

        fixture.Cluster.FailOneWrite(program.Key(learnerId), skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(operation, () => ledger.RecordAsync(input, false, Actors.Learner(learnerId))))).Code);
        var recorded = await RetriedCalls.UnderAsync(operation, () => ledger.RecordAsync(input, false, Actors.Learner(learnerId)));
        Assert.Equal(recorded, Assert.Single(await ledger.GetActivitiesAsync()));
    }

    private RetriedOperation NewOperation() => new("op_" + Guid.NewGuid().ToString("N"), Now.AddHours(1));

    private static string ScopedKey(string community, string id) => new CertGrid.Domain.Tenancy.ScopedKey(community, id).ToString();

    private static bool SecretMatches(string token, string storedHash) =>
        ApiKeyToken.TryParse(token, out var parsed) && ApiKeyToken.SecretMatches(parsed.Secret, storedHash);
}
