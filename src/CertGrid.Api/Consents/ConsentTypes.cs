using CertGrid.Abstractions.Consents;
using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Consents;
using GraphQL.Types;

namespace CertGrid.Api.Consents;

public sealed class ConsentKindType : EnumerationGraphType<ConsentKind>
{
    public ConsentKindType()
    {
        Name = "ConsentKind";
        Description = "SHARED_WITH_PARTNER (one credential, one partner) or DISCOVERABLE (talent search).";
    }
}

public sealed class DiscoverableTermsType : ObjectGraphType<DiscoverableTerms>
{
    public DiscoverableTermsType()
    {
        Name = "DiscoverableTerms";
        Description = "What a learner can be found for and which attributes partners see.";
        Field(x => x.CredentialIds, nullable: false).Description("Credentials (vc_…) the learner can be found for, shown by name.");
        Field(x => x.CompetencyCodes, nullable: false).Description("Competencies the learner can be found for, without naming the credential that showed them.");
        Field(x => x.ShowName, nullable: false).Description("Whether partners see the learner's name.");
        Field(x => x.Region, nullable: true).Description("The region partners see and filter on; null: not shown.");
        Field(x => x.Languages, nullable: false).Description("Languages partners see and filter on; empty: not shown.");
        Field(x => x.AllowContact, nullable: false).Description("Whether partners may send the learner messages through CertGrid (the email is never shown).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ConsentRecordType : ObjectGraphType<ConsentRecord>
{
    public ConsentRecordType()
    {
        Name = "ConsentRecord";
        Description = "One consent the learner gave, as a versioned record: what, the text agreed to, when, and its withdrawal.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The consent (cns_…).");
        Field(x => x.Version, nullable: false).Description("Its number among the learner's consent records (1, 2, …).");
        Field(x => x.Kind, type: typeof(NonNullGraphType<ConsentKindType>)).Description("What was consented to.");
        Field(x => x.CredentialId, type: typeof(IdGraphType)).Description("The credential shared (sharing consents).");
        Field(x => x.PartnerId, type: typeof(IdGraphType)).Description("The partner it was shared with (SHARED_WITH_PARTNER).");
        Field<DiscoverableTermsType>("terms").Description("The terms of a DISCOVERABLE consent.").Resolve(ctx => ctx.Source.Terms);
        Field(x => x.Text, nullable: false).Description("The text the learner agreed to, exactly.");
        Field(x => x.AgreedAt, nullable: false).Description("When the learner agreed (UTC).");
        Field(x => x.WithdrawnAt, nullable: true).Description("When it was withdrawn or replaced (UTC); null while it stands.");
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("True until withdrawn.").Resolve(ctx => ctx.Source.IsActive);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PartnerAccessKindType : EnumerationGraphType<PartnerAccessKind>
{
    public PartnerAccessKindType()
    {
        Name = "PartnerAccessKind";
        Description = "SAW_IN_TALENT_SEARCH, READ_SHARED_CREDENTIAL or SENT_MESSAGE.";
    }
}

public sealed class PartnerAccessEntryType : ObjectGraphType<PartnerAccessEntry>
{
    public PartnerAccessEntryType()
    {
        Name = "PartnerAccessEntry";
        Description = "A partner organisation's read of your data, or its message to you.";
        Field(x => x.PartnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The partner (ptn_…).");
        Field(x => x.PartnerName, nullable: false).Description("The partner's name.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<PartnerAccessKindType>)).Description("What it did.");
        Field(x => x.Detail, nullable: false).Description("What it saw (the search or the credential), or its message.");
        Field(x => x.At, nullable: false).Description("When (UTC).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class BecomeDiscoverableInput
{
    public List<string>? CredentialIds { get; set; }
    public List<string>? CompetencyCodes { get; set; }
    public bool? ShowName { get; set; }
    public string? Region { get; set; }
    public List<string>? Languages { get; set; }
    public bool? AllowContact { get; set; }

    public DiscoverableTerms ToTerms() => new(CredentialIds ?? [], CompetencyCodes ?? [], ShowName ?? false, Region, Languages ?? [], AllowContact ?? false);
}

public sealed class BecomeDiscoverableInputType : InputObjectGraphType<BecomeDiscoverableInput>
{
    public BecomeDiscoverableInputType()
    {
        Name = "BecomeDiscoverableInput";
        Description = "What you can be found for in partners' talent search, and what they see. Nothing else about you reaches them.";
        Field(x => x.CredentialIds, nullable: true).Description("Your credentials (vc_…) to be found for, shown by name.");
        Field(x => x.CompetencyCodes, nullable: true).Description("Competency codes to be found for, without naming which credential showed them.");
        Field(x => x.ShowName, nullable: true).Description("Show your name to partners (default false: they see you without a name).");
        Field(x => x.Region, nullable: true).Description("A region to show and be filtered on, e.g. 'Bavaria'; left out: not shown.");
        Field(x => x.Languages, nullable: true).Description("Languages to show and be filtered on (e.g. 'en', 'de'); left out: not shown.");
        Field(x => x.AllowContact, nullable: true).Description("Let partners send you messages through CertGrid (default false); your email is never shown.");
    }
}
