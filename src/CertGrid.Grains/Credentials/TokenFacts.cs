using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Grains.Credentials;

/// <summary>The unchanging facts of one presented VC-JWT (see <see cref="VerificationMemo"/>).</summary>
public sealed class TokenFacts
{
    /// <summary>The parsed token, or null with <see cref="FormatProblem"/> saying why it is not one.</summary>
    public ParsedVcJwt? Jwt { get; init; }

    /// <summary>The credential when it is secured with a Data Integrity proof instead (the JSON a wallet holds).</summary>
    public System.Text.Json.Nodes.JsonObject? DataIntegrity { get; init; }

    /// <summary>Who the credential names as its issuer (the JWT's <c>iss</c>, the document's <c>issuer</c>).</summary>
    public string? IssuerId { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public string? FormatProblem { get; init; }

    /// <summary>The community and credential the token claims, when they are this deployment's.</summary>
    public ScopedKey? Credential { get; init; }

    public IReadOnlyList<(string ListUrl, StatusPurpose Purpose, int Index)> StatusEntries { get; init; } = [];

    public IReadOnlyList<string> SchemaProblems { get; init; } = [];

    /// <summary>Set once the signature was checked against the keys.</summary>
    public SignatureOutcome? Signature { get; set; }

    /// <summary>Set once the issuer's record was found: who and what the credential is about.</summary>
    public CredentialFacts? Facts { get; set; }
}

/// <summary>Whether a signature verified against the issuer's published keys, and why not.</summary>
public sealed record SignatureOutcome(bool Valid, string Detail);
