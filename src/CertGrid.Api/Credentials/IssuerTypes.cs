using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Credentials;

public sealed class SigningAlgorithmType : EnumerationGraphType
{
    public SigningAlgorithmType()
    {
        Name = "SigningAlgorithm";
        Description = "ES256 (default) or RS256 (the Open Badges 3.0 interoperability minimum).";

        // The JOSE names, not CONSTANT_CASE renderings of them.
        Add("ES256", SigningAlgorithm.ES256, "ECDSA with P-256 and SHA-256.");
        Add("RS256", SigningAlgorithm.RS256, "RSASSA-PKCS1-v1_5 with SHA-256 (2048-bit keys).");
    }
}

public sealed class CredentialProofFormatType : EnumerationGraphType<CredentialProofFormat>
{
    public CredentialProofFormatType()
    {
        Name = "CredentialProofFormat";
        Description = "How credentials are secured: VC_JWT (default), DATA_INTEGRITY (an eddsa-rdfc-2022 proof, what DCC wallets accept) or VC_JWT_AND_DATA_INTEGRITY (both forms of every credential).";
    }
}

public sealed class SigningKeyStatusType : EnumerationGraphType<SigningKeyStatus>
{
    public SigningKeyStatusType()
    {
        Name = "SigningKeyStatus";
        Description = "ACTIVE (signs new credentials), RETIRED (rotated out, still verifies what it signed) or COMPROMISED (withdrawn: what it signed no longer verifies).";
    }
}

public sealed class SigningKeyType : ObjectGraphType<PublicSigningKey>
{
    public SigningKeyType()
    {
        Name = "SigningKey";
        Description = "A public signing key of the community (private keys never leave the issuer).";
        Field(x => x.KeyId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The key's id (its RFC 7638 thumbprint), the 'kid' of what it signed.");
        Field(x => x.Algorithm, nullable: false).Description("The JOSE algorithm the key signs with (ES256 or RS256).");
        Field(x => x.Status, type: typeof(NonNullGraphType<SigningKeyStatusType>)).Description("Whether the key signs new credentials, was rotated out, or was withdrawn as compromised.");
        Field(x => x.CreatedAt, nullable: false).Description("When the key was generated (UTC instant).");
        Field(x => x.RetiredAt, nullable: true).Description("When the key was rotated out or withdrawn (UTC instant); null while it is active.");
        Field(x => x.RetirementReason, nullable: true).Description("Why the admin rotated out or withdrew the key, as they wrote it; null while it is active.");
        Field(x => x.JwkJson, nullable: false).Description("The public JWK.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class UpdateIssuerProfileInput
{
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? ImageUrl { get; set; }

    public UpdateCommunityProfile ToCommand() => new(Name, Description, Url, Email, ImageUrl);
}

public sealed class UpdateIssuerProfileInputType : InputObjectGraphType<UpdateIssuerProfileInput>
{
    public UpdateIssuerProfileInputType()
    {
        Name = "UpdateIssuerProfileInput";
        Description = "The issuer profile credentials carry: name, description, website, email and image.";
        Field(x => x.Name, nullable: false).Description("The issuer name credentials carry: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("A short description of the issuer; null removes it.");
        Field(x => x.Url, nullable: true).Description("The issuer's public web site (http or https); null removes it.");
        Field(x => x.Email, nullable: true).Description("The contact address published in the issuer profile; null removes it.");
        Field(x => x.ImageUrl, nullable: true).Description("An http(s) URL of the issuer's logo.");
    }
}
