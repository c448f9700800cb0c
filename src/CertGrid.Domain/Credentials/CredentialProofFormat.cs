namespace CertGrid.Domain.Credentials;

/// <summary>
/// How a community's credentials are secured: a VC-JWT (the default), a W3C Data Integrity <c>eddsa-rdfc-2022</c>
/// proof (what the Digital Credentials Consortium's wallets and verifiers accept), or both for every credential.
/// </summary>
public enum CredentialProofFormat
{
    /// <summary>A VC-JWT (compact JWS signed with the community's ES256 or RS256 key).</summary>
    VcJwt,
    /// <summary>A JSON-LD credential with an eddsa-rdfc-2022 Data Integrity proof by the community's did:web Ed25519 key.</summary>
    DataIntegrity,
    /// <summary>Both forms of every credential: the VC-JWT and the Data Integrity credential.</summary>
    VcJwtAndDataIntegrity,
}

/// <summary>Which forms a <see cref="CredentialProofFormat"/> offers.</summary>
public static class CredentialProofFormats
{
    /// <summary>Whether the VC-JWT is served to verifiers and wallets.</summary>
    public static bool OffersJwt(this CredentialProofFormat format) => format != CredentialProofFormat.DataIntegrity;

    /// <summary>Whether credentials carry an <c>eddsa-rdfc-2022</c> Data Integrity proof.</summary>
    public static bool OffersDataIntegrity(this CredentialProofFormat format) => format != CredentialProofFormat.VcJwt;
}
