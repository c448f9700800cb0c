using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Progress;
using CertGrid.Abstractions.Resources;
using CertGrid.Domain.Progress;
using CertGrid.Domain.Resources;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Programs;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Progress;

/// <summary>
/// Computes one learner's progress: for each credential they pursue, requirements met and missing, competency
/// levels demonstrated, attempts with feedback, next eligible date, upcoming deadlines and recommended resources.
/// Reads only what belongs to that learner (their record, at most <see cref="MaxAttempts"/> latest attempts, their
/// credentials from the read model, their cohorts) plus the definitions involved and the resource library.
/// </summary>
[StatelessWorker]
public sealed class LearnerProgressGrain(StorageClients storage, [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock) : Grain, ILearnerProgressGrain
{
    public const int MaxAttempts = 50;
    public const int MaxCredentials = 50;

    private string Community => this.GetPrimaryKeyString();

    public async Task<LearnerProgressInfo> GetAsync(string learnerId, IReadOnlyList<string>? definitionIds)
    {
        var now = clock.GetUtcNow();
        var facts = await LearnerFacts.LoadAsync(GrainFactory, storage, Community, learnerId);
        var attempts = new List<AttemptView>();
        foreach (var attempt in facts.Record.Attempts.OrderByDescending(a => a.SubmittedAt).Take(MaxAttempts))
        {
            attempts.Add(await GrainFactory.Attempt(Community, attempt.AttemptId).GetAsync());
        }

        var pursued = (definitionIds ?? [])
            .Concat(attempts.Select(a => a.DefinitionId))
            .Concat(facts.Held.Select(h => h.DefinitionId))
            .Concat(facts.Cohorts.SelectMany(c => c.DefinitionIds))
            .Distinct(StringComparer.Ordinal).Take(MaxCredentials).ToList();
        var library = await GrainFactory.GetGrain<IResourceLibraryGrain>(Community).ListAsync();
        var attemptFacts = attempts.Select(a => new AttemptFacts(a.Id, a.DefinitionId, a.Status.ToString(), a.SubmittedAt, a.DecidedAt)).ToList();

        var credentials = new List<CredentialProgress>();
        foreach (var id in pursued)
        {
            var definition = await GrainFactory.CredentialDefinition(Community, id).GetAsync();
            if (definition.Status != PublicationStatus.Published)
            {
                continue;
            }

            var eligibility = await facts.EligibilityAsync(GrainFactory, Community, definition, now);
            var plan = ProgressPlanner.Plan(id, definition.Rubric, eligibility, facts.Held, attemptFacts, facts.Cohorts, facts.Demonstrated, now);
            var gaps = plan.Competencies.Where(c => c.Gap).Select(c => c.Code).ToList();
            var holding = facts.Held.Where(h => h.DefinitionId == id && h.IsValidAt(now)).Select(h => h.CredentialId).FirstOrDefault();
            credentials.Add(new CredentialProgress(id, definition.Name, definition.Tier, plan,
                attempts.Where(a => a.DefinitionId == id).Select(Feedback).ToList(),
                plan.Status == PursuitStatus.Certified ? [] : ResourceRecommendation.For(library, id, gaps),
                holding, definition.Translations?.Name));
        }

        return new LearnerProgressInfo(learnerId, facts.Profile.Name, now, credentials, facts.Demonstrated);
    }

    /// <summary>An attempt as feedback: each review's score and notes, without saying which evaluator wrote them.</summary>
    private static AttemptProgress Feedback(AttemptView attempt) => new(attempt.Id, attempt.Status, attempt.SubmittedAt, attempt.DecidedAt,
        attempt.Reviews.Select(r => new ReviewFeedback((int)Math.Round(r.Score.Percent), r.Score.Passed, r.OverallNote,
            r.Scores.Select(s => new ReviewCriterionFeedback(s.CriterionCode, s.Level, s.Note)).ToList())).ToList());
}
