using CertGrid.Abstractions.Assessments;

namespace CertGrid.Grains.Privacy.Export;

/// <summary>
/// An attempt as its learner may see it (the same rules as the GraphQL <c>Attempt</c> type for a learner key): evidence,
/// reflections with their prompts, the panel, and, once decided, the reviews, verdict and feedback. Panel deliberations
/// (the consensus discussion, seats vacated before reviewing) are the panel's, not the learner's, and are left out.
/// </summary>
public static class LearnerAttemptRecord
{
    public static object Of(AttemptView attempt)
    {
        var decided = attempt.Status != AttemptStatus.UnderReview;
        return new
        {
            attempt.Id,
            credentialDefinitionId = attempt.DefinitionId,
            credentialName = attempt.DefinitionName,
            status = attempt.Status.ToString(),
            attempt.SubmittedAt,
            attempt.DecidedAt,
            attempt.BlindReview,
            evidence = attempt.Evidence.Select(e => new
            {
                e.ArtifactId,
                e.Title,
                e.Version.Version,
                e.Version.FileName,
                e.Version.ContentType,
                e.Version.SizeBytes,
                e.Version.Sha256,
            }),
            reflections = (attempt.Reflections ?? []).Select(r => new
            {
                r.PromptCode,
                prompt = attempt.ReflectivePrompts?.FirstOrDefault(p => p.Code == r.PromptCode)?.Prompt,
                r.Text,
            }),
            panel = attempt.Panel.Select(s => new { s.EvaluatorId, s.AssignedAt, s.DueAt }),
            reviews = decided ? attempt.Reviews : [],
            verdict = decided ? attempt.Verdict : null,
            feedback = decided ? attempt.Feedback : null,
            attempt.CredentialId,
            attempt.AppealId,
            appealOutcome = attempt.AppealOutcome?.ToString(),
        };
    }
}
