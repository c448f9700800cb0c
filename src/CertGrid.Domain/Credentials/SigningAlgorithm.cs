namespace CertGrid.Domain.Credentials;

/// <summary>The JWS algorithms CertGrid signs with: ES256 by default, RS256 for the Open Badges interoperability minimum.</summary>
public enum SigningAlgorithm
{
    ES256,
    RS256,
}
