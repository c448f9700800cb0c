using CertGrid.Abstractions.Credentials;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Credentials;
using CertGrid.Api.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Consents;

/// <summary>
/// A credential as a partner organisation reads it once its holder shared it: the signed credential and its status,
/// nothing of how it was assessed (no attempt, no reviewer's notes, no admin's reasons, no internal ids of people).
/// </summary>
public sealed class SharedCredentialType : ObjectGraphType<IssuedCredential>
{
    public SharedCredentialType()
    {
        Name = "SharedCredential";
        Description = "A credential its holder shared with you: the signed credential and whether it is valid today.";
        Field(x => x.Url, nullable: false).Description("The credential's id: a public URL anyone can verify.");
        Field(x => x.HolderName, nullable: false).Description("The holder's name as the credential carries it.");
        Field(x => x.AchievementName, nullable: false).Description("The achievement.");
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>)).Description("The credential's tier.");
        Field(x => x.IssuerName, nullable: false).Description("The issuing community.");
        Field(x => x.ValidFrom, nullable: false).Description("When it became valid (UTC).");
        Field(x => x.ValidUntil, nullable: true).Description("When it expires (UTC); null when it never does.");
        Field(x => x.Status, type: typeof(NonNullGraphType<CredentialStatusType>)).Description("ACTIVE, SUSPENDED or REVOKED.");
        Field(x => x.Jwt, nullable: false).Description("The signed VC-JWT, to verify with any Open Badges 3.0 verifier.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
