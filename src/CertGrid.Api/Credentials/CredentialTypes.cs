using CertGrid.Abstractions.Credentials;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Programs;
using CertGrid.Domain.Credentials;
using GraphQL.Types;

namespace CertGrid.Api.Credentials;

public sealed class CredentialStatusType : EnumerationGraphType<CredentialStatus>
{
    public CredentialStatusType()
    {
        Name = "CredentialStatus";
        Description = "Whether an issued credential is valid: ACTIVE, SUSPENDED (may be reinstated) or REVOKED (for good); ISSUING while a credential just earned is signed and stored.";
    }
}

public sealed class CheckOutcomeType : EnumerationGraphType<CheckOutcome>
{
    public CheckOutcomeType()
    {
        Name = "CheckOutcome";
        Description = "PASSED, FAILED, INDETERMINATE (could not be checked: never valid) or NOT_CHECKED (an earlier check failed).";
    }
}

public sealed class IssuedCredentialType : ObjectGraphType<IssuedCredential>
{
    public IssuedCredentialType()
    {
        Name = "IssuedCredential";
        Description = "An Open Badges 3.0 AchievementCredential issued by the community, signed as a VC-JWT.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential's id (vc_…).");
        Field(x => x.Url, nullable: false).Description("The credential's id: a public URL anyone can verify.");
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner the credential was issued to.");
        Field(x => x.HolderName, nullable: false).Description("The holder's name as it appears in the credential.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) this credential awards.");
        Field(x => x.AchievementName, nullable: false).Description("The name of the achievement, as the definition was named at issue.");
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>)).Description("The definition's tier at issue.");
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The attempt whose passing decision earned it (att_…); for automatic awards, see awardedThrough.");
        Field(x => x.AppealId, type: typeof(IdGraphType)).Description("The appeal whose panel overturned the failed decision, when the credential was issued on appeal.");
        Field(x => x.ValidFrom, nullable: false).Description("When the credential becomes valid (UTC instant).");
        Field(x => x.ValidUntil, nullable: true).Description("When the credential expires (UTC instant); null when it never expires.");
        Field(x => x.Status, type: typeof(NonNullGraphType<CredentialStatusType>)).Description("Whether the credential is valid today: ACTIVE, SUSPENDED or REVOKED.");
        Field(x => x.StatusReason, nullable: true).Description("Why the admin suspended or revoked it, as they wrote it; null while it is active.");
        Field(x => x.IssuerName, nullable: false).Description("The issuing community's name as the signed credential carries it.");
        Field(x => x.SigningKeyId, nullable: false).Description("The 'kid' of the key that signed it.");
        Field<NonNullGraphType<BooleanGraphType>>("needsReissue")
            .Description("True when the key that signed it was withdrawn as compromised.")
            .ResolveAsync(async ctx =>
            {
                var community = new Uri(ctx.Source.Url).Segments[2].TrimEnd('/');
                var keys = await ctx.Grains().GetGrain<IIssuerGrain>(community).GetPublicKeysAsync();
                return keys.Any(k => k.KeyId == ctx.Source.SigningKeyId && k.Status == SigningKeyStatus.Compromised);
            });
        Field(x => x.ReplacesCredentialId, type: typeof(IdGraphType)).Description("The credential this one renews or re-issues.");
        Field(x => x.ReplacedByCredentialId, type: typeof(IdGraphType)).Description("The credential that renews or re-issues this one.");
        Field(x => x.Jwt, nullable: false).Description("The signed VC-JWT (compact JWS).");
        Field("document", x => x.DocumentJson, nullable: false).Description("The credential as JSON (the VC-JWT's payload without JWT claims).");
        Field("dataIntegrity", x => x.DataIntegrityJson, nullable: true)
            .Description("The credential secured with an eddsa-rdfc-2022 Data Integrity proof (JSON-LD); null when the community offered only VC-JWT at issue.");
        Field(x => x.ProofFormat, type: typeof(NonNullGraphType<CredentialProofFormatType>)).Description("The forms the credential was issued in.");
        Field(x => x.FrameworkVersion, nullable: true).Description("The framework version it was assessed against; later versions never change it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionResultType>>>>("results").Description("The panel's level per criterion (empty for automatic awards).")
            .Resolve(ctx => ctx.Source.Results ?? []);
        Field(x => x.AwardedThrough, nullable: true).Description("For automatic awards: 'pathway:<id>' (a completed pathway) or 'recognition:<kind>' (a contributor badge), attemptId then names that basis; for a credential earned before CertGrid and imported: 'import:<importId>' (attemptId 'import', validFrom the day it was earned); for a credential awarded by one of the community's systems (awardCredential, the award webhook): 'automatic:<source>' (attemptId 'automatic').");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CredentialSummaryType : ObjectGraphType<CredentialSummary>
{
    public CredentialSummaryType()
    {
        Name = "CredentialSummary";
        Description = "An issued credential as lists show it, without its signed document.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential's id (vc_…).");
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner the credential was issued to.");
        Field(x => x.HolderName, nullable: false).Description("The holder's name as it appears in the credential.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) this credential awards.");
        Field(x => x.AchievementName, nullable: false).Description("The name of the achievement, as the definition was named at issue.");
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>)).Description("The definition's tier at issue.");
        Field(x => x.ValidFrom, nullable: false).Description("When the credential becomes valid (UTC instant).");
        Field(x => x.ValidUntil, nullable: true).Description("When the credential expires (UTC instant); null when it never expires.");
        Field(x => x.Status, type: typeof(NonNullGraphType<CredentialStatusType>)).Description("Whether the credential is valid today: ACTIVE, SUSPENDED or REVOKED.");
        Field(x => x.SigningKeyId, nullable: false).Description("The 'kid' of the key that signed it; filter on it to find what a compromised key signed.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class VerificationCheckType : ObjectGraphType<VerificationCheck>
{
    public VerificationCheckType()
    {
        Name = "VerificationCheck";
        Description = "One check of a verification and its outcome.";
        Field(x => x.Name, nullable: false).Description("format, issuer, signature, notBefore, expiry, revocation, suspension or schema.");
        Field(x => x.Outcome, type: typeof(NonNullGraphType<CheckOutcomeType>)).Description("Whether this check passed, failed, could not be made, or was skipped after an earlier failure.");
        Field(x => x.Detail, nullable: false).Description("What was checked and found, in a sentence for a person.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class VerificationResultType : ObjectGraphType<VerificationResult>
{
    public VerificationResultType()
    {
        Name = "VerificationResult";
        Description = "The verdict and every check behind it. 'valid' is true only when every check passed.";
        Field(x => x.Valid, nullable: false).Description("True only when every check passed.");
        Field<NonNullGraphType<StringGraphType>>("verdict").Description("VALID or INVALID, the same answer as 'valid' as a word for display.").Resolve(ctx => ctx.Source.Valid ? "VALID" : "INVALID");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VerificationCheckType>>>>("checks").Description("Every check made, in order: format, issuer, signature, dates, status and schema.").Resolve(ctx => ctx.Source.Checks);
        Field(x => x.CredentialId, nullable: true).Description("The credential's id URL.");
        Field(x => x.IssuerName, nullable: true).Description("The issuer's name from the credential; null when the document could not be read.");
        Field(x => x.HolderName, nullable: true).Description("The holder's name from the credential; null when the document could not be read.");
        Field(x => x.AchievementName, nullable: true).Description("The achievement's name from the credential; null when the document could not be read.");
        Field(x => x.ValidFrom, nullable: true).Description("When the credential became valid (UTC instant); null when the document could not be read.");
        Field(x => x.ValidUntil, nullable: true).Description("When the credential expires (UTC instant); null when it never expires or could not be read.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CriterionResultType : ObjectGraphType<CriterionResult>
{
    public CriterionResultType()
    {
        Name = "CriterionResult";
        Description = "The level reached on one rubric criterion.";
        Field(x => x.CriterionCode, nullable: false).Description("The rubric criterion's code.");
        Field(x => x.Level, nullable: false).Description("The name of the level the panel decided on this criterion.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
