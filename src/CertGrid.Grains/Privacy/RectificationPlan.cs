namespace CertGrid.Grains.Privacy;

/// <summary>Where copies of a learner's name, email and organisation live beyond their own grain and read-model rows, as the effects that correct them.</summary>
public sealed record RectificationPlan(string LearnerId, IReadOnlyList<string> AttemptIds, IReadOnlyList<string> CredentialIds)
{
    public IEnumerable<Persistence.Effect> Effects(string name, string email, string? organisation, IReadOnlyCollection<string> changed)
    {
        if (changed.Contains("name"))
        {
            foreach (var credentialId in CredentialIds)
            {
                yield return new RectifyCredentialHolder(LearnerId, credentialId, name);
            }

            yield return new RectifyConsentName(LearnerId, name);
        }

        if (changed.Contains("email") || changed.Contains("organisation"))
        {
            foreach (var attemptId in AttemptIds)
            {
                yield return new RectifyAttemptLearner(LearnerId, attemptId, email, organisation);
            }
        }
    }
}
