using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Privacy;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Learners;

namespace CertGrid.Grains.Tests.Learners;

/// <summary>
/// One email, one learner per community, however the enrolments arrive: at once (a hand enrolment while an import applies),
/// after an enrolment that never completed, or through a corrected email.
/// </summary>
public sealed class LearnerEmailUniquenessTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Enrolments_of_one_email_at_once_enrol_exactly_one_learner_and_refuse_the_others_with_a_conflict()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var email = program.Faker.Internet.Email().ToLowerInvariant();
        var ids = Enumerable.Range(0, 6).Select(_ => EntityId.New(IdPrefixes.Learner)).ToList();
        var outcomes = await Task.WhenAll(ids.Select(async (id, i) =>
        {
            try
            {
                await program.Learner(id).EnrolAsync(new EnrolLearner(program.Faker.Name.FullName(), i % 2 == 0 ? email : email.ToUpperInvariant(), null), Actors.System);
                return (id, (ErrorCode?)null);
            }
            catch (CertGridException ex)
            {
                return (id, ex.Code);
            }
        }));

        var enrolled = Assert.Single(outcomes, o => o.Item2 is null).id;
        Assert.All(outcomes.Where(o => o.id != enrolled), o => Assert.Equal(ErrorCode.Conflict, o.Item2));
        var found = await new LearnerEmailIndex(fixture.Cluster.StorageClients).FindAsync(program.Community, [email]);
        Assert.Equal(enrolled, found[email]);
        Assert.Null(await program.Learner(ids.First(id => id != enrolled)).FindAsync());
    }

    [Fact]
    public async Task A_claim_left_by_an_enrolment_that_never_completed_is_taken_over_and_a_corrected_email_frees_the_old_one()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var index = new LearnerEmailIndex(fixture.Cluster.StorageClients);
        var stale = program.Faker.Internet.Email().ToLowerInvariant();
        Assert.Equal("lrn_neverenrolled1", (await index.ClaimAsync(program.Community, stale, "lrn_neverenrolled1")).LearnerId);
        var (first, _) = await program.LearnerAsync(email: stale);
        Assert.Equal(first, (await index.FindAsync(program.Community, [stale]))[stale]);

        var (second, profile) = await program.LearnerAsync();
        var refused = await Assert.ThrowsAsync<CertGridException>(() => program.Learner(second).RectifyAsync(new RectifyLearner(null, stale.ToUpperInvariant(), null), Actors.System));
        Assert.Equal(ErrorCode.Conflict, refused.Code);
        Assert.Equal(profile.Email, (await program.Learner(second).GetAsync()).Email);

        var corrected = "corrected." + stale;
        await program.Learner(first).RectifyAsync(new RectifyLearner(null, corrected, null), Actors.System);
        var (third, _) = await program.LearnerAsync(email: stale);
        var holders = await index.FindAsync(program.Community, [stale, corrected, profile.Email]);
        Assert.Equal((third, first, second), (holders[stale], holders[corrected], holders[profile.Email]));
    }
}
