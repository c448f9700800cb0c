namespace CertGrid.Grains.Privacy;

/// <summary>
/// Where a learner's personal data lives beyond their own grain, as the ordered effects that erase it. They share one
/// receiver, so they run in this order: the audit details go last, after every step that could still append about them.
/// </summary>
public sealed record ErasurePlan(
    string LearnerId, string Email, IReadOnlyList<string> AttemptIds, IReadOnlyList<string> CredentialIds, IReadOnlyList<string> ArtifactIds, IReadOnlyList<string> IdentityIds)
{
    /// <summary>The audit action of the erasure itself; its entry keeps its (non-personal) details as the record that it happened.</summary>
    public const string ErasedAction = "learner.erased";

    /// <summary>The audit action of an erasure completed with what a later plan added (details: the plans, nothing erased).</summary>
    public const string CompletedAction = "learner.erasure-completed";

    /// <summary>
    /// Which plan an erasure ran, kept on the learner's tombstone: 1, until 2026-12-05, left the demographic declaration;
    /// 2 erases it too. Erasing an erased learner again runs what later plans added (<see cref="AddedSince"/>).
    /// </summary>
    public const int Version = 2;

    public static string ReceiverOf(string learnerId) => $"erasure:{learnerId}";

    /// <summary>The steps plans after <paramref name="version"/> added, for a learner erased under it (all idempotent).</summary>
    public static IEnumerable<Persistence.Effect> AddedSince(int version, string learnerId)
    {
        if (version < 2)
        {
            yield return new EraseDemographicDeclaration(learnerId);
        }
    }

    public IEnumerable<Persistence.Effect> Effects(string community)
    {
        // First the learner's keys and OAuth clients, so nothing can add to what is being erased.
        yield return new RevokeLearnerAccess(LearnerId);
        yield return new EraseLearnerPublicLinks(LearnerId);
        foreach (var identityId in IdentityIds)
        {
            yield return new UnlinkMemberIdentity(LearnerId, identityId);
        }

        yield return new EraseIdentityInvitation(LearnerId);
        yield return new DeleteBlobs(LearnerId, $"{community}/{LearnerId}/");
        foreach (var attemptId in AttemptIds)
        {
            // The attempt erases its appeal (with the appeal's blind copies) and its consensus discussion in turn.
            yield return new EraseAttemptLearnerData(LearnerId, attemptId);
            yield return new DeleteBlobs(LearnerId, $"{community}/blind/{attemptId}/");
        }

        foreach (var credentialId in CredentialIds)
        {
            yield return new EraseCredentialHolder(LearnerId, credentialId);
            yield return new EraseRenewalHolder(LearnerId, credentialId);
        }

        yield return new EraseLearnerPractice(LearnerId);
        yield return new EraseCeLedger(LearnerId);
        yield return new EraseRelationshipNotes(LearnerId);
        yield return new EraseHostedCredentials(LearnerId);
        yield return new EraseLearnerConsents(LearnerId);
        yield return new EraseDemographicDeclaration(LearnerId);
        yield return new EraseRosterRows(LearnerId, RosterRows.EmailDigest(Email));
        yield return new EraseNoticeEmails(LearnerId);
        yield return new EraseAuditDetails(LearnerId, [LearnerId, .. AttemptIds, .. CredentialIds, .. ArtifactIds]);
    }
}
