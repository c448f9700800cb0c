using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Demographics;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Consents;
using CertGrid.Domain.Demographics;
using CertGrid.Grains.Demographics;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Privacy;

namespace CertGrid.Grains.Tests.Learners;

/// <summary>The learner knows whether they declared a talent-search consent or demographics, so issuing reads those grains only then.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class LearnerDeclarationsTests(GrainClusterFixture fixture)
{
    private async Task<bool> IsActiveAsync(IAddressable grain)
    {
        var id = grain.GetGrainId();
        return (await fixture.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(id.Type)).Contains(id);
    }

    [Fact]
    public async Task A_credential_issued_to_a_learner_who_declared_nothing_activates_neither_their_consents_nor_their_demographics()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, attempt) = await program.SubmittedToTwoEvaluatorsAsync();
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Exemplary");
        var decided = await program.ReviewAsync(attempt.Id, attempt.Panel[1].EvaluatorId, "Exemplary");
        Assert.Equal(AttemptStatus.Passed, decided.Status);
        await Settled.EffectsOfAsync(fixture.Grains, program.Attempt(attempt.Id));
        var credential = fixture.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!));
        await Eventually.HoldsAsync(() => credential.FindAsync(), issued => issued is not null, "the credential is issued");
        await Settled.EffectsOfAsync(fixture.Grains, credential);

        // The decision was counted (its analytics effect ran) and the credential projected, without either grain.
        var now = fixture.Cluster.Clock.GetUtcNow();
        await Eventually.HoldsAsync(() => fixture.Grains.GetGrain<IProgramAnalyticsQueryGrain>(program.Community).SummariseAsync(now.AddDays(-1), now.AddDays(1)),
            s => s.FirstAttempts.Passed == 1, "the decision is counted");
        Assert.False(await IsActiveAsync(fixture.Grains.LearnerConsents(program.Community, learnerId)), "the consents grain was not activated");
        Assert.False(await IsActiveAsync(fixture.Grains.DemographicDeclaration(program.Community, learnerId)), "the demographics grain was not activated");
    }

    [Fact]
    public async Task The_learner_knows_from_enrolment_on_whether_they_declared_and_their_erasure_erases_both_declarations()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var learner = program.Learner(learnerId);
        async Task<(bool Discoverable, bool Demographics)> KnownAsync() =>
            (await learner.MayHaveDeclaredAsync(LearnerDeclaration.Discoverable), await learner.MayHaveDeclaredAsync(LearnerDeclaration.Demographics));

        Assert.Equal((false, false), await KnownAsync());

        await fixture.Grains.GetGrain<IFairnessPolicyGrain>(program.Community).DefineAttributeAsync(
            new DemographicAttributeDefinition("age-band", ["age-under-30", "age-30-plus"], [new DemographicLabel("en", "Age band")]), "admin:test");
        var demographics = fixture.Grains.DemographicDeclaration(program.Community, learnerId);
        await demographics.DeclareAsync([new DeclaredValue("age-band", "age-30-plus")]);
        Assert.Equal((false, true), await KnownAsync());
        await demographics.DeclareAsync([]); // declaring nothing withdraws
        Assert.Equal((false, false), await KnownAsync());

        var consents = fixture.Grains.LearnerConsents(program.Community, learnerId);
        var consent = await consents.BecomeDiscoverableAsync(new DiscoverableTerms([], ["INC-1"], ShowName: false, Region: null, Languages: [], AllowContact: false));
        await demographics.DeclareAsync([new DeclaredValue("age-band", "age-under-30")]);
        Assert.Equal((true, true), await KnownAsync());
        await consents.WithdrawAsync(consent.Id);
        Assert.Equal((false, true), await KnownAsync());
        await demographics.WithdrawAsync();
        await demographics.WithdrawAsync(); // again: nothing changes
        Assert.Equal((false, false), await KnownAsync());

        // Erased: the tombstone keeps no trace of it, whoever asks reads the grains, and the erasure emptied both.
        await consents.BecomeDiscoverableAsync(new DiscoverableTerms([], ["INC-1"], ShowName: false, Region: null, Languages: [], AllowContact: false));
        await demographics.DeclareAsync([new DeclaredValue("age-band", "age-30-plus")]);
        await learner.EraseAsync("admin:test");
        Assert.Equal((true, true), await KnownAsync());
        await Settled.EffectsOfAsync(fixture.Grains, learner);
        Assert.Empty(await demographics.GetAsync());
        Assert.Empty(await consents.ListAsync());
    }

    [Fact]
    public async Task Erasing_again_a_learner_erased_before_the_declaration_was_erased_removes_it_once()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var learner = program.Learner(learnerId);
        await fixture.Grains.GetGrain<IFairnessPolicyGrain>(program.Community).DefineAttributeAsync(
            new DemographicAttributeDefinition("age-band", ["age-under-30", "age-30-plus"], [new DemographicLabel("en", "Age band")]), "admin:test");
        var demographics = fixture.Grains.DemographicDeclaration(program.Community, learnerId);
        DeclaredValue declared = new("age-band", "age-30-plus");
        await demographics.DeclareAsync([declared]);
        var receipt = await learner.EraseAsync("admin:test");
        await Settled.EffectsOfAsync(fixture.Grains, learner);

        // What an erasure before 2026-12-06 left: a tombstone of plan 1 (stored without a plan), its effects long done, and the declaration.
        await StoredGrainState.ChangeAsync<LearnerState>(fixture.Cluster, "learner", learner.GetGrainId(), state =>
        {
            state.ErasurePlanVersion = 0;
            state.Effects.Clear();
        });
        await StoredGrainState.ChangeAsync<DemographicDeclarationState>(fixture.Cluster, "demographics", demographics.GetGrainId(), state => state.Values = [declared]);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal([declared], await demographics.GetAsync());

        Assert.Equal(receipt.ErasedAt, (await learner.EraseAsync("admin:again")).ErasedAt);
        await Settled.EffectsOfAsync(fixture.Grains, learner);
        Assert.Empty(await demographics.GetAsync());
        await learner.EraseAsync("admin:again"); // the plan is complete now: nothing more
        var audit = await AuditTrail.AllAsync(fixture.Grains, program.Community);
        Assert.Single(audit, e => e.Action == ErasurePlan.CompletedAction && e.Subject == learnerId);
        Assert.Equal(2, audit.Count(e => e.Action == "demographics.erased" && e.Subject == learnerId));
    }
}
