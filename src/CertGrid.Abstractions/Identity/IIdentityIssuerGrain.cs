namespace CertGrid.Abstractions.Identity;

/// <summary>
/// Which community accepts the access tokens of one issuer, per audience: the gateway reads a token's issuer and
/// audience and asks here whose provider it is, before validating it against that community's settings. Platform-wide:
/// the issuer is the key (an issuer is not a community's, several communities may share one), and each
/// (issuer, audience) pair belongs to one community. Key: the issuer URL.
/// </summary>
public interface IIdentityIssuerGrain : IGrainWithStringKey
{
    /// <summary>Reserves <paramref name="audience"/> of this issuer for <paramref name="community"/>; CONFLICT when another community holds it.</summary>
    Task ClaimAsync(string audience, string community);

    /// <summary>Releases <paramref name="audience"/> if <paramref name="community"/> holds it. Idempotent.</summary>
    Task ReleaseAsync(string audience, string community);

    /// <summary>The community that accepts tokens of this issuer for one of <paramref name="audiences"/>, or null.</summary>
    [ReadOnly]
    Task<string?> FindCommunityAsync(IReadOnlyList<string> audiences);
}
