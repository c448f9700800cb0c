namespace CertGrid.Abstractions.Consents.PublicLinks;

/// <summary>
/// One public link, addressed by the SHA-256 of its token: what the public page asks on every request (nothing caches
/// the answer, so a revocation holds on the next request through any gateway). Key: <c>{community}/{token hash}</c>.
/// </summary>
public interface IPublicLinkGrain : IGrainWithStringKey
{
    /// <summary>Opens the link to the target. Idempotent for the same target; CONFLICT for another or after it was closed.</summary>
    Task OpenAsync(PublicLinkTarget target);

    /// <summary>Closes the link for good. Idempotent.</summary>
    Task CloseAsync();

    /// <summary>The credential the link opens, or null when there is no such link or it was closed.</summary>
    [ReadOnly]
    Task<PublicLinkTarget?> ResolveAsync();
}
