using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Renewals;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// The credential's hook into renewals: an issued credential registers its own lifespan (and so its first deadline).
/// Idempotent, and called again whenever issuing is retried, so a credential is never left untracked.
/// </summary>
public static class RenewalTracking
{
    public static Task TrackAsync(IGrainFactory grains, string community, IssuedCredential credential) =>
        credential.ValidUntil is null
            ? Task.CompletedTask
            : grains.GetGrain<IRenewalGrain>(new ScopedKey(community, credential.Id).ToString()).TrackAsync(new TrackCredential(
                credential.LearnerId, credential.DefinitionId, credential.AchievementName, credential.AttemptId, credential.ValidFrom, credential.ValidUntil,
                credential.ReplacesCredentialId));
}
