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

    public static string ReceiverOf(string learnerId) => $"erasure:{learnerId}";

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
