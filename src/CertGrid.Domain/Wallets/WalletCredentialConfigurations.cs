using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Wallets;

/// <summary>
/// The credential configurations a community's OpenID4VCI issuer offers wallets (OpenID4VCI 1.0 §12.2.4): the Open
/// Badges credential as <c>jwt_vc_json</c> (VC-JWT) and/or <c>ldp_vc</c> (Data Integrity), as its proof format allows.
/// </summary>
public static class WalletCredentialConfigurations
{
    public const string JwtVcJson = "jwt_vc_json";
    public const string LdpVc = "ldp_vc";
    public const string JwtConfigurationId = "OpenBadgeCredential_jwt_vc_json";
    public const string LdpConfigurationId = "OpenBadgeCredential_ldp_vc";

    /// <summary>The configuration ids offered for credentials issued in a proof format.</summary>
    public static IReadOnlyList<string> Offered(CredentialProofFormat format) =>
    [
        .. format.OffersJwt() ? [JwtConfigurationId] : Array.Empty<string>(),
        .. format.OffersDataIntegrity() ? [LdpConfigurationId] : Array.Empty<string>(),
    ];

    /// <summary>The format of a configuration id, or null when it is not one of ours.</summary>
    public static string? FormatOf(string? configurationId) => configurationId switch
    {
        JwtConfigurationId => JwtVcJson,
        LdpConfigurationId => LdpVc,
        _ => null,
    };

    /// <summary>The configuration id of a format (pre-1.0 wallets name the format instead), or null.</summary>
    public static string? ConfigurationOf(string? format) => format switch
    {
        JwtVcJson => JwtConfigurationId,
        LdpVc => LdpConfigurationId,
        _ => null,
    };
}
