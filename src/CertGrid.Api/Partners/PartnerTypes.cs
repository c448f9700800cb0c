using CertGrid.Abstractions.Partners;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Partners;
using GraphQL.Types;

namespace CertGrid.Api.Partners;

public sealed class PartnerType : ObjectGraphType<PartnerProfile>
{
    public PartnerType()
    {
        Name = "Partner";
        Description = "A partner organisation, registered platform-wide by the operator; communities grant it access.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The partner's id (ptn_…).");
        Field(x => x.Name, nullable: false).Description("The organisation's name, shown to learners in consents and access logs.");
        Field(x => x.Website, nullable: false).Description("The organisation's website (https).");
        Field(x => x.VerifiedDomain, nullable: false).Description("The domain the operator verified the organisation controls.");
        Field(x => x.ContactEmail, nullable: false).Description("Where the operator and communities reach the organisation (the organisation's own address, not a person's).");
        Field(x => x.Purpose, nullable: false).Description("Why the organisation reads learners' data, as learners see it before consenting.");
        Field(x => x.RegisteredAt, nullable: false).Description("When the operator registered it (UTC).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerKeyType>>>>("keys")
            .Description("The organisation's keys, revoked and expired ones included; never their secrets.")
            .Expect(3)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerGrain>(ctx.Source.Id).ListKeysAsync());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerGrantType>>>>("grants")
            .Description("The grants communities gave the organisation, revoked and expired ones included.")
            .Expect(10)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerGrain>(ctx.Source.Id).ListGrantsAsync());
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PartnerKeyType : ObjectGraphType<PartnerKeyInfo>
{
    public PartnerKeyType()
    {
        Name = "PartnerKey";
        Description = "A partner organisation's key. Its secret is shown once, when issued; CertGrid keeps only a hash.";
        Field("id", x => x.KeyId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The key's id (pky_…), safe to log.");
        Field(x => x.Label, nullable: false).Description("What the key is for.");
        Field(x => x.CreatedAt, nullable: false).Description("When it was issued (UTC).");
        Field(x => x.ExpiresAt, nullable: false).Description("When it stops working (UTC); rotate by issuing a new key before then.");
        Field(x => x.RevokedAt, nullable: true).Description("When it was revoked (UTC); null while it works.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class IssuedPartnerKeyType : ObjectGraphType<IssuedPartnerKey>
{
    public IssuedPartnerKeyType()
    {
        Name = "IssuedPartnerKey";
        Description = "A newly issued partner key: its details and, this once, its secret token.";
        Field<NonNullGraphType<PartnerKeyType>>("key").Description("The key's details.").Resolve(ctx => ctx.Source.Info);
        Field(x => x.Token, nullable: false).Description("The key to send as 'Authorization: Bearer <token>' (cgp.…). Shown once: store it now.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PartnerGrantType : ObjectGraphType<PartnerGrant>
{
    public PartnerGrantType()
    {
        Name = "PartnerGrant";
        Description = "A community's grant to a partner organisation: scopes and expiry.";
        Field(x => x.Community, nullable: false).Description("The community that granted it.");
        Field(x => x.Scopes, nullable: false).Description("What it allows: credentials:read (credentials learners shared), talent:search (learners who consented).");
        Field(x => x.GrantedAt, nullable: false).Description("When it was granted (UTC).");
        Field(x => x.ExpiresAt, nullable: false).Description("When it stops admitting anything (UTC).");
        Field(x => x.RevokedAt, nullable: true).Description("When the community revoked it (UTC); null while it stands.");
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("True while neither revoked nor expired.")
            .Resolve(ctx => ctx.Source.IsActiveAt(ctx.DomainNow()));
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CommunityPartnerGrantType : ObjectGraphType<CommunityPartnerGrant>
{
    public CommunityPartnerGrantType()
    {
        Name = "CommunityPartnerGrant";
        Description = "A grant your community gave a partner organisation.";
        Field(x => x.PartnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The partner (ptn_…).");
        Field(x => x.PartnerName, nullable: false).Description("The partner's name when the grant last changed.");
        Field<NonNullGraphType<PartnerGrantType>>("grant").Description("Scopes, expiry, revocation.").Resolve(ctx => ctx.Source.Grant);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RegisterPartnerInput
{
    public string Name { get; set; } = string.Empty;
    public string Website { get; set; } = string.Empty;
    public string VerifiedDomain { get; set; } = string.Empty;
    public string ContactEmail { get; set; } = string.Empty;
    public string Purpose { get; set; } = string.Empty;

    public RegisterPartner ToCommand() => new(Name, Website, VerifiedDomain, ContactEmail, Purpose);
}

public sealed class RegisterPartnerInputType : InputObjectGraphType<RegisterPartnerInput>
{
    public RegisterPartnerInputType()
    {
        Name = "RegisterPartnerInput";
        Description = "A partner organisation to register.";
        Field(x => x.Name, nullable: false).Description("The organisation's name.");
        Field(x => x.Website, nullable: false).Description("Its website (https).");
        Field(x => x.VerifiedDomain, nullable: false).Description("The domain you verified it controls, e.g. 'example.org'.");
        Field(x => x.ContactEmail, nullable: false).Description("The organisation's contact address.");
        Field(x => x.Purpose, nullable: false).Description("Why it reads learners' data (10 to 1,000 characters); learners see it.");
    }
}
