using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>Earns credentials the real way: a community, a published credential, two evaluators, and a passed attempt per learner.</summary>
public sealed class CredentialIssuer(GrainClusterFixture fixture)
{
    private ProgramBuilder? _program;
    private string? _definitionId;

    public string Community => _program?.Community ?? throw new InvalidOperationException("Issue a credential first.");

    /// <summary>A new learner's credential; the first call sets up a new community (use <see cref="Community"/> to reuse it).</summary>
    public async Task<IssuedCredential> IssueAsync(string? community = null, int? validityDays = 365)
    {
        if (_program is null || community is null)
        {
            _program = new ProgramBuilder(fixture.Grains, community ?? GrainClusterFixture.NewCommunity());
            await fixture.Grains.GetGrain<ICommunityGrain>(_program.Community).CreateAsync(new CreateCommunity("Verification Guild", null, "https://guild.example", null), Actors.Operator);
            _definitionId = await _program.PublishedCredentialAsync(validityDays: validityDays);
            await _program.EvaluatorAsync();
            await _program.EvaluatorAsync();
        }

        var (learnerId, _) = await _program.LearnerAsync();
        var artifact = await Uploads.CommitAsync(fixture.Grains.GetGrain<ILearnerGrain>(_program.Key(learnerId)));
        var attempt = fixture.Grains.GetGrain<IAttemptGrain>(_program.Key(EntityId.New(IdPrefixes.Attempt)));
        var view = await attempt.SubmitAsync(new SubmitAttempt(learnerId, _definitionId!, [artifact]));
        foreach (var seat in view.Panel)
        {
            view = await attempt.SubmitReviewAsync(new SubmitReview(seat.EvaluatorId, [new CriterionScore("C1", "Exemplary", null), new CriterionScore("C2", "Proficient", null)], null));
        }

        Assert.Equal(AttemptStatus.Passed, view.Status);
        return (await fixture.Grains.GetGrain<ICredentialGrain>(_program.Key(view.CredentialId!)).FindAsync())!;
    }
}
