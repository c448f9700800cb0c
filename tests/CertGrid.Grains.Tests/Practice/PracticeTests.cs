using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Practice;
using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Tests.Practice;

/// <summary>Diagnostic self-assessments and mentors' practice reviews: a readiness report, and never an attempt.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class PracticeTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_self_assessment_and_a_declared_mentors_review_make_a_readiness_report_and_never_count_as_attempts()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync();
        var mentor = await program.EvaluatorAsync();
        var stranger = await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var practice = fixture.Grains.GetGrain<ILearnerPracticeGrain>(program.Key(learnerId));

        var incomplete = await Assert.ThrowsAsync<CertGridException>(() => practice.SelfAssessAsync(new SelfAssessment(definitionId, [new CriterionScore("C1", "Exemplary", null)], null)));
        Assert.Equal(ErrorCode.ValidationFailed, incomplete.Code);
        var session = await practice.SelfAssessAsync(new SelfAssessment(definitionId,
            [new CriterionScore("C1", "Exemplary", "Confident here."), new CriterionScore("C2", "Proficient", null)], "First try."));
        var selfOnly = await practice.GetReadinessAsync(definitionId);
        Assert.True(selfOnly.Ready);

        var notMentor = await Assert.ThrowsAsync<CertGridException>(() => practice.RequestMentorReviewAsync(session.Id, mentor, []));
        Assert.Contains("not your declared mentor", notMentor.Message, StringComparison.Ordinal);
        await fixture.Grains.GetGrain<IRelationshipsGrain>(program.Key(PersonRef.Learner(learnerId)))
            .DeclareAsync(PersonRef.Evaluator(mentor), RelationshipKind.Mentor, "Weekly mentoring.", Actors.Learner(learnerId));
        var evidence = await Uploads.CommitAsync(program.Learner(learnerId));
        var requested = await practice.RequestMentorReviewAsync(session.Id, mentor, [evidence]);
        Assert.Equal(mentor, requested.MentorEvaluatorId);
        var inbox = await Eventually.HoldsAsync(() => fixture.Grains.GetGrain<IAssessmentIndexGrain>(program.Community).ListPracticeRequestsAsync(mentor, new PageRequest(10, null)),
            page => page.Items.Count == 1, "the mentor sees the request");
        Assert.Equal((learnerId, session.Id, false), (inbox.Items[0].LearnerId, inbox.Items[0].SessionId, inbox.Items[0].Reviewed));

        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() =>
            practice.SubmitMentorReviewAsync(session.Id, stranger, [new CriterionScore("C1", "Proficient", null), new CriterionScore("C2", "Not yet", null)], null))).Code);
        await practice.SubmitMentorReviewAsync(session.Id, mentor, [new CriterionScore("C1", "Proficient", null), new CriterionScore("C2", "Not yet", "Needs a real incident.")], "Good start.");
        var report = await practice.GetReadinessAsync(definitionId);
        Assert.False(report.Ready);
        Assert.Equal(["C2"], report.WeakCriteria);
        Assert.Equal(("Proficient", "Not yet"), (report.Criteria[1].SelfLevel, report.Criteria[1].MentorLevel));

        // Practice is not an attempt: no attempt on record, no evaluator capacity used, and the mentor is kept off real panels.
        Assert.Empty((await program.Learner(learnerId).GetRecordAsync()).Attempts);
        Assert.All(await program.Pool.ListAsync(), e => Assert.Empty(e.ActiveAttemptIds));
        await program.EvaluatorAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        Assert.DoesNotContain(attempt.Panel, s => s.EvaluatorId == mentor);
        await AuditTrail.WithAsync(fixture.Grains, program.Community, "practice.reviewed", session.Id);
    }
}
