namespace CertGrid.Domain.Credentials;

/// <summary>The names of verification checks, as partners see them.</summary>
public static class VerificationChecks
{
    public const string Format = "format";
    public const string Signature = "signature";
    public const string Issuer = "issuer";
    public const string NotBefore = "notBefore";
    public const string Expiry = "expiry";
    public const string Revocation = "revocation";
    public const string Suspension = "suspension";
    public const string Schema = "schema";
}
