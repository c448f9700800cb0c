using System.Globalization;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Credentials.StatusLists;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Grains.Tests.Renewals;

/// <summary>
/// A community with a published credential under a lifespan policy, and the ways tests get credentials into it:
/// earned through a real attempt, or tracked directly with made-up ids (for volume). Time moves with the cluster clock.
/// </summary>
public sealed class RenewalScenario(GrainCluster cluster, ProgramBuilder program, string definitionId)
{
    public static LifespanPolicy Policy(int window = 60, decimal credits = 10, decimal ethics = 3, RenewalEvidence evidence = RenewalEvidence.None,
        int grace = 30, int lapseAfter = 30, LapseAction lapse = LapseAction.Revoke) =>
        new(window, new CeRequirement(credits, ethics > 0 ? [new CategoryMinimum("ethics", ethics)] : []), evidence, grace, lapseAfter, lapse);

    public ProgramBuilder Program => program;

    public string Community => program.Community;

    public string DefinitionId => definitionId;

    public FakeTimeProvider Clock => cluster.Clock;

    public IGrainFactory Grains => cluster.Grains;

    public IRenewalSchedulerGrain Scheduler => Grains.GetGrain<IRenewalSchedulerGrain>(Community);

    public static async Task<RenewalScenario> CreateAsync(GrainCluster cluster, LifespanPolicy? policy, int validityDays = 365)
    {
        var program = new ProgramBuilder(cluster.Grains, GrainClusterFixture.NewCommunity());
        await cluster.Grains.GetGrain<ICommunityGrain>(program.Community).CreateAsync(new CreateCommunity("Renewal Guild", null, null, null), Actors.Operator);
        var definitionId = await program.PublishedCredentialAsync(validityDays: validityDays);
        if (policy is not null)
        {
            await cluster.Grains.GetGrain<ICredentialDefinitionGrain>(program.Key(definitionId)).SetLifespanPolicyAsync(policy, Actors.System);
        }

        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        return new RenewalScenario(cluster, program, definitionId);
    }

    /// <summary>A learner earns the credential through a real attempt (upload, submit, two passing reviews).</summary>
    public async Task<IssuedCredential> EarnAsync(string? learnerId = null)
    {
        learnerId ??= (await program.LearnerAsync()).Id;
        var artifact = await Uploads.CommitAsync(Grains.GetGrain<ILearnerGrain>(program.Key(learnerId)));
        var attempt = Grains.GetGrain<IAttemptGrain>(program.Key(EntityId.New(IdPrefixes.Attempt)));
        var view = await attempt.SubmitAsync(new SubmitAttempt(learnerId, definitionId, [artifact]));
        foreach (var seat in view.Panel)
        {
            view = await attempt.SubmitReviewAsync(new SubmitReview(seat.EvaluatorId,
                [new CriterionScore("C1", "Exemplary", null), new CriterionScore("C2", "Proficient", null)], null));
        }

        Assert.Equal(AttemptStatus.Passed, view.Status);
        return (await Credential(view.CredentialId!).FindAsync())!;
    }

    /// <summary>Tracks a credential id that was never issued (no credential grain), valid from now for <paramref name="validFor"/>.</summary>
    public async Task<string> TrackAsync(string learnerId, TimeSpan validFor)
    {
        var id = EntityId.New(IdPrefixes.Credential);
        var now = Clock.GetUtcNow();
        await Renewal(id).TrackAsync(new TrackCredential(learnerId, definitionId, "Foundations", EntityId.New(IdPrefixes.Attempt), now, now + validFor, null));
        return id;
    }

    public IRenewalGrain Renewal(string credentialId) => Grains.GetGrain<IRenewalGrain>(program.Key(credentialId));

    public ICredentialGrain Credential(string credentialId) => Grains.GetGrain<ICredentialGrain>(program.Key(credentialId));

    public IRenewalBucketGrain Bucket(DateOnly day, int page = 0) => Grains.GetGrain<IRenewalBucketGrain>(program.Key(DeadlineDay.BucketId(day, page)));

    /// <summary>Moves the clock to just after the start of the day whose bucket holds <paramref name="at"/>, and runs the community's sweep.</summary>
    public async Task<SweepReport> SweepOnDayOfAsync(DateTimeOffset at)
    {
        var target = DeadlineDay.StartOf(DeadlineDay.BucketFor(at)).AddMinutes(5);
        if (target > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(target);
        }

        return await Scheduler.SweepAsync();
    }

    /// <summary>
    /// The credential's status as a verifier sees it: the entry its document's <c>credentialStatus</c> names, read
    /// from the published list's <c>encodedList</c> (a 2-bit code in a message list).
    /// </summary>
    public async Task<(bool Revoked, bool Suspended)> PublishedStatusAsync(IssuedCredential credential)
    {
        var (listUrl, purpose, index) = Assert.Single(CredentialStatusEntries.Read(JsonNode.Parse(credential.DocumentJson)!["credentialStatus"]));
        Assert.Equal(StatusPurpose.Message, purpose);
        var listNumber = int.Parse(listUrl[(listUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var published = await Grains.StatusList(Community, purpose, listNumber).PublishAsync();
        var encodedList = JsonNode.Parse(published.DocumentJson)!["credentialSubject"]!["encodedList"]!.GetValue<string>();
        var code = Bitstring.Decode(encodedList).GetEntry(index, purpose.EntryBits());
        return (CredentialStatusCode.IsRevoked(code), CredentialStatusCode.IsSuspended(code));
    }

    public async Task<IReadOnlyList<Notice>> NoticesAsync(string learnerId) =>
        (await Grains.GetGrain<INoticeIndexGrain>(Community).ListForLearnerAsync(learnerId, new PageRequest(100, null))).Items;
}
