using System.Text.Json;
using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Access;
using CertGrid.Domain.Audit;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Tests.Assessments;
using CertGrid.Grains.Tests.Infrastructure;

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

    [Fact]
    public async Task Evidence_whose_upload_ticket_and_commit_answers_were_lost_is_answered_and_kept_once_when_run_again()
    {
        // The ticket holds an upload URL signed when it was made and the commit an artifact view: no read of the learner
        // gives either, so both are kept in the change's own write (the commit was CONFLICT here after a silo failure).
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var learner = fixture.Grains.GetGrain<ILearnerGrain>(program.Key(learnerId));
        var bytes = System.Text.Encoding.UTF8.GetBytes($"# Evidence\n\n{program.Faker.Lorem.Paragraph()}\n");
        var request = new RequestArtifactUpload(null, "Incident review", "review.md", "text/markdown", bytes.Length);

        var requesting = NewOperation();
        fixture.Cluster.FailOneWrite(program.Key(learnerId), skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(requesting, () => learner.RequestArtifactUploadAsync(request)))).Code);
        var ticket = await RetriedCalls.UnderAsync(requesting, () => learner.RequestArtifactUploadAsync(request));
        await Uploads.PutAsync(ticket, bytes, "text/markdown");

        var committing = NewOperation();
        fixture.Cluster.FailOneWrite(program.Key(learnerId), skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(committing, () => learner.CommitArtifactAsync(ticket.ArtifactId, ticket.Version)))).Code);
        var committed = await RetriedCalls.UnderAsync(committing, () => learner.CommitArtifactAsync(ticket.ArtifactId, ticket.Version));

        Assert.Equal(ticket.ArtifactId, committed.Id);
        Assert.Equal(JsonSerializer.Serialize(committed), JsonSerializer.Serialize(Assert.Single(await learner.GetPortfolioAsync())));
        Assert.Equal(1, Assert.Single(committed.Versions).Version);
    }

    [Fact]
    public async Task An_enrolment_whose_answer_was_lost_answers_the_profile_when_run_again()
    {
        // The learner has GetAsync and FindAsync (Task<T> and Task<T?>): the answer comes from the read that promises one.
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var learnerId = EntityId.New(IdPrefixes.Learner);
        var learner = fixture.Grains.GetGrain<ILearnerGrain>(program.Key(learnerId));
        var enrol = new EnrolLearner(program.Faker.Name.FullName(), $"{Guid.NewGuid():N}@learners.example", program.Faker.Company.CompanyName());
        var enrolling = NewOperation();

        fixture.Cluster.FailOneWrite(program.Key(learnerId), skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(enrolling, () => learner.EnrolAsync(enrol, Actors.System)))).Code);
        var enrolled = await RetriedCalls.UnderAsync(enrolling, () => learner.EnrolAsync(enrol, Actors.System));
        Assert.Equal(enrol.Email, enrolled.Email);
        Assert.Equal(JsonSerializer.Serialize(await learner.GetAsync()), JsonSerializer.Serialize(enrolled));
    }

    [Fact]
    public async Task An_erasure_whose_answer_was_lost_gives_the_same_receipt_when_run_again()
    {
        // Erasure drops the answers a learner kept (they may copy erased data) but keeps its own receipt: ids and counts.
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var learner = fixture.Grains.GetGrain<ILearnerGrain>(program.Key(learnerId));
        await Uploads.CommitAsync(learner);
        var erasing = NewOperation();

        fixture.Cluster.FailOneWrite(program.Key(learnerId), skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(erasing, () => learner.EraseAsync(Actors.System)))).Code);
        var receipt = await RetriedCalls.UnderAsync(erasing, () => learner.EraseAsync(Actors.System));
        Assert.Equal((learnerId, 1), (receipt.LearnerId, receipt.Artifacts));
        Assert.Equal(receipt, await RetriedCalls.UnderAsync(erasing, () => learner.EraseAsync(Actors.System)));
        Assert.Null(await learner.FindAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_community_whose_creation_answer_was_lost_gives_a_working_admin_key_when_run_again(int writesBeforeTheLostOne)
    {
        // Lost after its first write (the community, before its admin key is issued), the run again finishes the creation;
        // lost after the write recording the key handed over, which stores the token as the answer, it gives that token.
        var community = GrainClusterFixture.NewCommunity();
        var grain = fixture.Grains.GetGrain<CertGrid.Abstractions.Communities.ICommunityGrain>(community);
        var create = new CertGrid.Abstractions.Communities.CreateCommunity("Lost Answers Guild", null, null, null);
        var creating = NewOperation();

        fixture.Cluster.FailOneWrite(community, skip: writesBeforeTheLostOne, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(creating, () => grain.CreateAsync(create, Actors.Operator)))).Code);
        var created = await RetriedCalls.UnderAsync(creating, () => grain.CreateAsync(create, Actors.Operator));

        Assert.True(ApiKeyToken.TryParse(created.AdminKey, out var token));
        var key = await fixture.Grains.ApiKey(community, token.KeyId).FindAsync();
        Assert.True(key is { Info.RevokedAt: null } && ApiKeyToken.SecretMatches(token.Secret, key.SecretHash));
        Assert.Equal(JsonSerializer.Serialize(created), JsonSerializer.Serialize(await RetriedCalls.UnderAsync(creating, () => grain.CreateAsync(create, Actors.Operator))));
    }

    private RetriedOperation NewOperation() => new("op_" + Guid.NewGuid().ToString("N"), Now.AddHours(1));

    private static string ScopedKey(string community, string id) => new CertGrid.Domain.Tenancy.ScopedKey(community, id).ToString();

    private static bool SecretMatches(string token, string storedHash) =>
        ApiKeyToken.TryParse(token, out var parsed) && ApiKeyToken.SecretMatches(parsed.Secret, storedHash);
}
