using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Relationships;

using CertGrid.Grains.Tests.Renewals;

namespace CertGrid.Grains.Tests.ContinuingEducation;

/// <summary>The continuing-education ledger: reported, verified and rejected activities, and credits earned by serving.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class CeLedgerTests(RenewalsFixture fixture)
{
    private DateOnly Today => DateOnly.FromDateTime(fixture.Cluster.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_learner_reports_an_activity_with_evidence_and_an_admin_verifies_or_rejects_it()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var artifact = await Uploads.CommitAsync(fixture.Grains.GetGrain<ILearnerGrain>(program.Key(learnerId)), "# Certificate of attendance\n");
        var ledger = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(learnerId));

        var reported = await ledger.RecordAsync(new CeActivityInput(CeActivityKind.Course, "SRE workshop", 6, "Technical", Today.AddDays(-1), artifact), false, Actors.Learner(learnerId));
        Assert.Equal((CreditVerification.SelfReported, "technical", artifact), (reported.Verification, reported.Category, reported.EvidenceArtifactId));
        Assert.Equal(64, reported.EvidenceSha256!.Length);

        var verified = await ledger.VerifyAsync(reported.Id, Actors.Admin("key_a"));
        Assert.Equal((CreditVerification.Verified, "admin:key_a"), (verified.Verification, verified.ReviewedBy));
        var rejected = await ledger.RejectAsync(reported.Id, "The certificate is for someone else.", Actors.Admin("key_a"));
        Assert.Equal((CreditVerification.Rejected, "The certificate is for someone else."), (rejected.Verification, rejected.RejectionReason));
        Assert.Equal(CreditVerification.Rejected, Assert.Single(await ledger.GetActivitiesAsync()).Verification);
    }

    [Fact]
    public async Task Bad_activities_are_refused_with_the_field_at_fault()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var ledger = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(learnerId));

        var future = await Assert.ThrowsAsync<CertGridException>(() => ledger.RecordAsync(new CeActivityInput(CeActivityKind.Event, "Conference", 2, "ethics", Today.AddDays(2), null), false, Actors.System));
        Assert.Equal("input.occurredOn", future.Field);
        var unknownArtifact = await Assert.ThrowsAsync<CertGridException>(() =>
            ledger.RecordAsync(new CeActivityInput(CeActivityKind.Event, "Conference", 2, "ethics", Today, EntityId.New(IdPrefixes.Artifact)), false, Actors.System));
        Assert.Equal(ErrorCode.ValidationFailed, unknownArtifact.Code);
        var nobody = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(EntityId.New(IdPrefixes.Learner)));
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() =>
            nobody.RecordAsync(new CeActivityInput(CeActivityKind.Event, "Conference", 2, "ethics", Today, null), false, Actors.System))).Code);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => ledger.VerifyAsync("cea_missing", Actors.System))).Code);
    }

    [Fact]
    public async Task Reviewing_an_attempt_earns_the_evaluators_linked_learner_record_credits_once_per_review()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await fixture.Grains.GetGrain<ICeRulesGrain>(program.Community).SetAsync(new CeCreditRules(1.5m, "Evaluation", 2, "mentoring"), Actors.Admin("key_a"));
        var definition = await program.PublishedCredentialAsync();
        var (reviewerAsLearner, _) = await program.LearnerAsync();
        var linked = await program.EvaluatorAsync(linkedLearnerId: reviewerAsLearner);
        var unlinked = await program.EvaluatorAsync();
        var (candidate, _) = await program.LearnerAsync();
        var artifact = await Uploads.CommitAsync(fixture.Grains.GetGrain<ILearnerGrain>(program.Key(candidate)));
        var attemptId = EntityId.New(IdPrefixes.Attempt);
        var attempt = fixture.Grains.GetGrain<IAttemptGrain>(program.Key(attemptId));
        var view = await attempt.SubmitAsync(new SubmitAttempt(candidate, definition, [artifact]));
        Assert.Contains(view.Panel, s => s.EvaluatorId == linked);
        foreach (var seat in view.Panel)
        {
            await attempt.SubmitReviewAsync(new SubmitReview(seat.EvaluatorId, [new CriterionScore("C1", "Proficient", null), new CriterionScore("C2", "Proficient", null)], null));
        }

        var ledger = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(reviewerAsLearner));
        var credit = Assert.Single(await ledger.GetActivitiesAsync());
        Assert.Equal((CeActivityKind.Evaluating, 1.5m, "evaluation", CreditVerification.Verified, $"review:{attemptId}:{linked}"),
            (credit.Kind, credit.Credits, credit.Category, credit.Verification, credit.Source));

        // Posting the same review's credit again (a retry) changes nothing; an automatic credit cannot be re-reviewed.
        await ledger.PostAutomaticAsync(new AutomaticCredit(credit.Source!, CeActivityKind.Evaluating, "again", 1.5m, "evaluation", Today));
        Assert.Single(await ledger.GetActivitiesAsync());
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => ledger.RejectAsync(credit.Id, "no", Actors.System))).Code);
        Assert.NotNull(unlinked);
    }

    [Fact]
    public async Task A_confirmed_mentorship_earns_the_mentor_credits_once_unless_the_community_turned_it_off()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (mentor, _) = await program.LearnerAsync();
        var (mentee, _) = await program.LearnerAsync();
        var (stranger, _) = await program.LearnerAsync();
        var relationships = fixture.Grains.GetGrain<IRelationshipsGrain>(program.Key(PersonRef.Learner(mentor)));
        var ledger = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(mentor));

        // Issue 15.4: declaring alone earns nothing (anyone could name every learner), nor does confirming a mentorship
        // that was never declared, or one in the other direction.
        await relationships.DeclareAsync(PersonRef.Learner(mentee), RelationshipKind.Mentor, "Pairing on incidents", Actors.Learner(mentor));
        await relationships.DeclareAsync(PersonRef.Learner(mentee), RelationshipKind.Mentor, "Pairing on incidents", Actors.Learner(mentor));
        Assert.Empty(await ledger.GetActivitiesAsync());
        var never = await Assert.ThrowsAsync<CertGridException>(() => relationships.ConfirmMentorshipAsync(PersonRef.Learner(stranger), Actors.Learner(stranger)));
        Assert.Equal(ErrorCode.NotFound, never.Code);
        var reversed = fixture.Grains.GetGrain<IRelationshipsGrain>(program.Key(PersonRef.Learner(mentee)));
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => reversed.ConfirmMentorshipAsync(PersonRef.Learner(mentor), Actors.Learner(mentor)))).Code);

        await relationships.ConfirmMentorshipAsync(PersonRef.Learner(mentee), Actors.Learner(mentee));
        await relationships.ConfirmMentorshipAsync(PersonRef.Learner(mentee), Actors.Learner(mentee));

        var credit = Assert.Single(await ledger.GetActivitiesAsync());
        Assert.Equal((CeActivityKind.Mentoring, 2m, "mentoring"), (credit.Kind, credit.Credits, credit.Category));
        Assert.Empty(await fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(mentee)).GetActivitiesAsync());
        Assert.Empty(await fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(stranger)).GetActivitiesAsync());

        var other = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await fixture.Grains.GetGrain<ICeRulesGrain>(other.Community).SetAsync(new CeCreditRules(1, "evaluation", 0, "mentoring"), Actors.System);
        var (mentor2, _) = await other.LearnerAsync();
        var (mentee2, _) = await other.LearnerAsync();
        var relationships2 = fixture.Grains.GetGrain<IRelationshipsGrain>(other.Key(PersonRef.Learner(mentor2)));
        await relationships2.DeclareAsync(PersonRef.Learner(mentee2), RelationshipKind.Mentor, null, Actors.System);
        await relationships2.ConfirmMentorshipAsync(PersonRef.Learner(mentee2), Actors.System);
        Assert.Empty(await fixture.Grains.GetGrain<ICeLedgerGrain>(other.Key(mentor2)).GetActivitiesAsync());
    }
}
