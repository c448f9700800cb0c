using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Practice;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Practice;
using CertGrid.Domain.Relationships;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Practice;

/// <summary>
/// A learner's diagnostic self-assessments and mentors' practice reviews. Deliberately apart from attempts: nothing
/// here assigns a panel, takes evaluator capacity, decides, issues, or counts toward the retake policy — only a
/// completed diagnostic clears the remediation a retake policy may ask for.
/// </summary>
public sealed class LearnerPracticeGrain(
    [PersistentState("practice", StorageNames.GrainStore)] IPersistentState<LearnerPracticeState> state,
    StorageClients storage)
    : DurableGrain<LearnerPracticeState>(state), ILearnerPracticeGrain
{
    public const int MaxSessions = 200;

    private readonly List<(string EvaluatorId, PracticeSession Session)> _rowsToProject = [];

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string LearnerId => Key.Id;

    public async Task<PracticeSession> SelfAssessAsync(SelfAssessment command)
    {
        _ = await GrainFactory.GetGrain<ILearnerGrain>(Key.ToString()).GetAsync();
        var definitionId = EntityId.Require(command.DefinitionId, IdPrefixes.CredentialDefinition, "input.credentialId");
        var definition = await GrainFactory.CredentialDefinition(Community, definitionId).GetAsync();
        if (definition.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"Credential '{definition.Name}' is not published yet, so there is nothing to practise against.");
        }

        var score = RubricScoring.Score(definition.Rubric, command.Scores, "input.scores");
        var note = InputRules.OptionalText(command.Note, "input.note", InputRules.NoteMaxLength);
        if (State.Sessions.Count >= MaxSessions)
        {
            State.Sessions.RemoveAt(0);
        }

        var session = new PracticeSession(EntityId.New(IdPrefixes.PracticeSession), LearnerId, definitionId, command.Scores.ToList(), note, score.Percent, Now,
            null, null, [], null, null, null, null);
        State.Sessions.Add(session);
        return await SaveAnsweringAsync(session, AuditEvent(Actors.Learner(LearnerId), "practice.self-assessed", session.Id, new { credentialId = definitionId, score.Percent, note }));
    }

    public async Task<PracticeSession> RequestMentorReviewAsync(string sessionId, string mentorEvaluatorId, IReadOnlyList<string> artifactIds)
    {
        var session = Require(sessionId);
        if (session.MentorEvaluatorId is not null)
        {
            throw CertGridException.Conflict($"A practice review of this session was already requested from {session.MentorEvaluatorId}.");
        }

        var mentor = await GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community).GetAsync(mentorEvaluatorId);
        var relationships = await GrainFactory.Relationships(Community, PersonRef.Learner(LearnerId)).ListAsync();
        var mentorRefs = new[] { PersonRef.Evaluator(mentor.Id), mentor.LinkedLearnerId is { } linked ? PersonRef.Learner(linked) : null };
        if (!relationships.Any(r => r.Kind == RelationshipKind.Mentor && r.IsActive(Now) && mentorRefs.Contains(r.Other(PersonRef.Learner(LearnerId)))))
        {
            throw CertGridException.Policy($"{mentor.Name} is not your declared mentor. Declare the mentor relationship first (declareRelationship with kind MENTOR).");
        }

        var evidence = artifactIds.Count == 0 ? [] : await GrainFactory.GetGrain<ILearnerGrain>(Key.ToString()).ResolveEvidenceAsync(artifactIds);
        var updated = session with { MentorEvaluatorId = mentor.Id, MentorRequestedAt = Now, Evidence = evidence.ToList() };
        Replace(updated);
        _rowsToProject.Add((mentor.Id, updated));
        return await SaveAnsweringAsync(updated, AuditEvent(Actors.Learner(LearnerId), "practice.review-requested", sessionId, new { mentorEvaluatorId = mentor.Id, artifacts = evidence.Select(e => e.ArtifactId) }));
    }

    public async Task<PracticeSession> SubmitMentorReviewAsync(string sessionId, string evaluatorId, IReadOnlyList<CriterionScore> scores, string? note)
    {
        var session = Require(sessionId);
        if (session.MentorEvaluatorId != evaluatorId)
        {
            throw CertGridException.Forbidden("Only the mentor this practice review was requested from can give it.");
        }

        if (session.MentorReviewedAt is not null)
        {
            throw CertGridException.Conflict("This practice session was already reviewed.");
        }

        var definition = await GrainFactory.CredentialDefinition(Community, session.DefinitionId).GetAsync();
        var score = RubricScoring.Score(definition.Rubric, scores, "input.scores");
        var text = InputRules.OptionalText(note, "input.note", InputRules.NoteMaxLength);
        var updated = session with { MentorScores = scores.ToList(), MentorNote = text, MentorPercent = score.Percent, MentorReviewedAt = Now };
        Replace(updated);
        _rowsToProject.Add((evaluatorId, updated));
        return await SaveAnsweringAsync(updated, AuditEvent(Actors.Evaluator(evaluatorId), "practice.reviewed", sessionId, new { learnerId = LearnerId, score.Percent, scores, note = text }));
    }

    public Task<PracticeSession> GetAsync(string sessionId) => Task.FromResult(Require(sessionId));

    public Task<IReadOnlyList<PracticeSession>> ListAsync(string? definitionId) => Task.FromResult<IReadOnlyList<PracticeSession>>(
        State.Sessions.Where(s => definitionId is null || s.DefinitionId == definitionId).OrderByDescending(s => s.CompletedAt).ToList());

    public async Task<ReadinessReport> GetReadinessAsync(string definitionId)
    {
        var definition = await GrainFactory.CredentialDefinition(Community, definitionId).GetAsync();
        var sessions = State.Sessions.Where(s => s.DefinitionId == definitionId).OrderBy(s => s.CompletedAt).ToList();
        var self = sessions.LastOrDefault()?.SelfScores;
        var mentor = sessions.LastOrDefault(s => s.MentorScores is not null)?.MentorScores;
        return ReadinessRules.Build(definitionId, definition.Rubric, Fit(self, definition.Rubric), Fit(mentor, definition.Rubric));
    }

    public Task<IReadOnlyList<DateTimeOffset>> DiagnosticsCompletedAsync(string definitionId) => Task.FromResult<IReadOnlyList<DateTimeOffset>>(
        State.Sessions.Where(s => s.DefinitionId == definitionId).Select(s => s.CompletedAt).ToList());

    public async Task EraseAsync()
    {
        if (State.Sessions.Count == 0)
        {
            return;
        }

        var mentored = State.Sessions.Where(s => s.MentorEvaluatorId is not null).ToList();
        var erased = State.Sessions.Count;
        State.Sessions.Clear();
        ForgetStoredAnswers();
        await SaveAsync(AuditEvent(Actors.System, "practice.erased", LearnerId, new { sessions = erased }));

        // The mentors' to-do rows name the learner and the session; they go with it (deleting again finds none).
        var table = storage.ReadModel(storage.Names.AssessmentsTable);
        foreach (var session in mentored)
        {
            await table.DeleteAsync(Community, PracticeRequestRow.Prefix(session.MentorEvaluatorId!) + session.Id);
        }
    }

    protected override async Task ProjectAsync()
    {
        var table = storage.ReadModel(storage.Names.AssessmentsTable);
        foreach (var (evaluatorId, session) in _rowsToProject.ToList())
        {
            await table.UpsertAsync(PracticeRequestRow.From(Community, evaluatorId, session));
            _rowsToProject.Remove((evaluatorId, session));
        }
    }

    /// <summary>Scores that still fit the rubric (a draft credential may have been redefined since); anything else is dropped.</summary>
    private static IReadOnlyList<CriterionScore>? Fit(IReadOnlyList<CriterionScore>? scores, Domain.Programs.Rubric rubric)
    {
        try
        {
            return scores is null ? null : RubricScoring.Score(rubric, scores) is not null ? scores : null;
        }
        catch (CertGridException)
        {
            return null;
        }
    }

    private PracticeSession Require(string sessionId) =>
        State.Sessions.FirstOrDefault(s => s.Id == sessionId) ?? throw CertGridException.NotFound("Practice session", sessionId);

    private void Replace(PracticeSession session) => State.Sessions[State.Sessions.FindIndex(s => s.Id == session.Id)] = session;
}
