using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Evaluators;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// One attempt from submission to decision. Every step is stored with its audit events before it is
/// acknowledged; the steps that follow a change (recording on the learner, issuing the credential, freeing
/// the panel, filling an empty panel seat) are idempotent and resumed on activation, so a restart mid-flow
/// loses nothing.
/// </summary>
public sealed class AttemptGrain(
    [PersistentState("attempt", StorageNames.GrainStore)] IPersistentState<AttemptState> state)
    : DurableGrain<AttemptState>(state), IAttemptGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private IEvaluatorPoolGrain Pool => GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community);

    private ILearnerGrain Learner => GrainFactory.GetGrain<ILearnerGrain>(new ScopedKey(Community, State.LearnerId).ToString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (RecordExists)
        {
            await FollowUpAsync();
        }
    }

    public async Task<AttemptView> SubmitAsync(SubmitAttempt command)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Attempt '{Key.Id}' was already submitted.");
        }

        var learnerGrain = GrainFactory.GetGrain<ILearnerGrain>(new ScopedKey(Community, command.LearnerId).ToString());
        var learner = await learnerGrain.GetAsync();
        var definitionId = EntityId.Require(command.DefinitionId, IdPrefixes.CredentialDefinition, "input.credentialId");
        var definition = await GrainFactory.GetGrain<ICredentialDefinitionGrain>(new ScopedKey(Community, definitionId).ToString()).GetAsync();
        if (definition.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"Credential '{definition.Name}' is not published yet, so it cannot be attempted.");
        }

        await GrainFactory.GetGrain<IEligibilityGrain>(Community).RequireEligibleAsync(learner.Id, definitionId);

        var evidence = await learnerGrain.ResolveEvidenceAsync(command.ArtifactIds);
        var party = new AssessedParty(learner.Id, learner.Email, learner.Organisation);
        var assigned = await Pool.EnsurePanelAsync(Key.Id, party, definition.EvaluatorsPerAttempt);

        State.LearnerId = learner.Id;
        State.Learner = party;
        State.DefinitionId = definitionId;
        State.Rubric = definition.Rubric;
        State.PanelSize = definition.EvaluatorsPerAttempt;
        State.RequiredReviews = definition.EvaluatorsPerAttempt;
        State.Evidence = evidence.ToList();
        State.Panel = assigned.Select(a => new PanelSeat(a.EvaluatorId, a.Reason, Now)).ToList();
        State.Status = AttemptStatus.UnderReview;
        State.SubmittedAt = Now;

        AuditEvent[] events =
        [
            AuditEvent(Actors.Learner(learner.Id), "attempt.submitted", Key.Id, new
            {
                learnerId = learner.Id,
                credentialId = definitionId,
                evidence = evidence.Select(e => new { e.ArtifactId, e.Version.Version, e.Version.Sha256 }),
            }),
            .. assigned.Select(a => AssignmentEvent(a, "initial panel")),
        ];
        try
        {
            await SaveAsync(events);
        }
        catch (CertGridException)
        {
            await Pool.ReleasePanelAsync(Key.Id);
            throw;
        }

        await FollowUpAsync();
        return AttemptViews.From(Key.Id, State);
    }

    public Task<AttemptView> GetAsync()
    {
        RequireExists();
        return Task.FromResult(AttemptViews.From(Key.Id, State));
    }

    public async Task<AttemptView> SubmitReviewAsync(SubmitReview command)
    {
        RequireExists();
        if (State.Panel.All(s => s.EvaluatorId != command.EvaluatorId))
        {
            throw CertGridException.Forbidden("You are not on this attempt's panel, so you cannot review it.");
        }

        if (State.Reviews.Any(r => r.EvaluatorId == command.EvaluatorId))
        {
            throw CertGridException.Conflict("You have already reviewed this attempt; a review cannot be submitted twice.");
        }

        if (State.Status != AttemptStatus.UnderReview)
        {
            throw CertGridException.Conflict($"This attempt was already decided ({State.Status}).");
        }

        // Everything that can fail happens before the state changes.
        var score = RubricScoring.Score(State.Rubric, command.Scores, "input.scores");
        var overall = InputRules.OptionalText(command.OverallNote, "input.overallNote", InputRules.NoteMaxLength);
        var review = new Review(command.EvaluatorId, command.Scores.ToList(), overall, score, Now);
        var verdict = ReviewConsensus.Decide([.. State.Reviews.Select(r => r.Score), score], State.RequiredReviews, State.Rubric.PassThresholdPercent);

        State.Reviews.Add(review);
        State.Verdict = verdict;
        var events = new List<AuditEvent>
        {
            AuditEvent(Actors.Evaluator(command.EvaluatorId), "review.submitted", Key.Id, new
            {
                score.Percent, score.Passed, scores = review.Scores, overallNote = overall,
            }),
        };
        if (verdict.Outcome is ConsensusOutcome.Passed or ConsensusOutcome.Failed)
        {
            State.Status = verdict.Outcome == ConsensusOutcome.Passed ? AttemptStatus.Passed : AttemptStatus.Failed;
            State.DecidedAt = Now;
            State.CredentialId = State.Status == AttemptStatus.Passed ? EntityId.New(IdPrefixes.Credential) : null;
            events.Add(AuditEvent(Actors.System, "attempt.decided", Key.Id, new
            {
                outcome = State.Status.ToString(), verdict.MeanPercent, verdict.Reason, State.CredentialId,
                reviews = State.Reviews.Select(r => new { r.EvaluatorId, r.Score.Percent, r.Score.Passed }),
            }));
        }
        else if (verdict.Outcome == ConsensusOutcome.NeedsAnotherReviewer)
        {
            State.PanelSize = State.Panel.Count + 1;
            events.Add(AuditEvent(Actors.System, "attempt.escalated", Key.Id, new { verdict.Reason, verdict.MeanPercent }));
        }

        await SaveAsync([.. events]);
        await Recognition.Contributions.ReviewedAsync(GrainFactory, Community, command.EvaluatorId, Key.Id, Logger);
        await FollowUpAsync();
        return AttemptViews.From(Key.Id, State);
    }

    /// <summary>Completes whatever follows the stored state; each step is idempotent and retried until done.</summary>
    private async Task FollowUpAsync()
    {
        var done = State.Done;
        try
        {
            if (!done.HasFlag(AttemptFollowUps.RecordedOnLearner))
            {
                await Learner.RecordAttemptAsync(new LearnerAttempt(Key.Id, State.DefinitionId, State.SubmittedAt));
                done |= AttemptFollowUps.RecordedOnLearner;
            }

            if (State.Status == AttemptStatus.UnderReview && State.Panel.Count < State.PanelSize)
            {
                await FillPanelAsync();
            }

            if (State.Status == AttemptStatus.Passed && !done.HasFlag(AttemptFollowUps.CredentialIssued))
            {
                await IssueCredentialAsync();
                done |= AttemptFollowUps.CredentialIssued;
            }

            if (State.Status == AttemptStatus.Passed && !done.HasFlag(AttemptFollowUps.CredentialRecordedOnLearner))
            {
                await Learner.RecordCredentialAsync(State.CredentialId!);
                done |= AttemptFollowUps.CredentialRecordedOnLearner;
            }

            if (State.Status != AttemptStatus.UnderReview && !done.HasFlag(AttemptFollowUps.PanelReleased))
            {
                await Pool.ReleasePanelAsync(Key.Id);
                done |= AttemptFollowUps.PanelReleased;
            }
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Follow-up of attempt {Attempt} in {Community} is incomplete ({Done}); it resumes on the next activation",
                Key.Id, Community, done);
        }

        if (done != State.Done)
        {
            State.Done = done;
            await SaveAsync();
        }
    }

    private async Task FillPanelAsync()
    {
        try
        {
            var added = await Pool.EnsurePanelAsync(Key.Id, State.Learner!, State.PanelSize);
            State.Panel.AddRange(added.Select(a => new PanelSeat(a.EvaluatorId, a.Reason, Now)));
            await SaveAsync([.. added.Select(a => AssignmentEvent(a, "the panel disagreed"))]);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.PolicyViolation)
        {
            Logger.LogWarning("Attempt {Attempt} in {Community} waits for an independent evaluator: {Reason}", Key.Id, Community, ex.Message);
        }
    }

    private Task<IssuedCredential> IssueCredentialAsync()
    {
        var results = CriterionConsensus.Levels(State.Rubric, State.Reviews.Select(r => (IReadOnlyList<CriterionScore>)r.Scores).ToList());
        return GrainFactory.GetGrain<ICredentialGrain>(new ScopedKey(Community, State.CredentialId!).ToString())
            .IssueAsync(new IssueCredential(State.LearnerId, State.DefinitionId, Key.Id, results, State.Evidence));
    }

    private AuditEvent AssignmentEvent(EvaluatorAssignment assignment, string why) =>
        AuditEvent(Actors.System, "attempt.assigned", Key.Id, new { assignment.EvaluatorId, assignment.Reason, why });

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Attempt", Key.Id);
        }
    }
}
