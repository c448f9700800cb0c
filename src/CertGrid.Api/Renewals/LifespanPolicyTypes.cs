using CertGrid.Domain.Renewals;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Renewals;

public sealed class LifespanPolicyType : ObjectGraphType<LifespanPolicy>
{
    public LifespanPolicyType()
    {
        Name = "LifespanPolicy";
        Description = "How issued credentials live and are renewed; the validity period is the definition's validityDays.";
        Field(x => x.RenewalWindowDays, nullable: false).Description("The renewal window opens this many days before expiry.");
        Field<NonNullGraphType<CeRequirementType>>("continuingEducation").Description("The continuing-education credits a renewal needs.").Resolve(ctx => ctx.Source.ContinuingEducation);
        Field("evidence", x => x.Evidence, type: typeof(NonNullGraphType<RenewalEvidenceKindType>)).Description("The evidence a renewal needs besides credits: none, a portfolio artifact or a passed reassessment.");
        Field(x => x.GraceDays, nullable: false).Description("Days after expiry the credential is suspended but still renewable.");
        Field(x => x.LapseAfterDays, nullable: false).Description("Further days, after the grace period, before it lapses.");
        Field(x => x.LapseAction, type: typeof(NonNullGraphType<LapseActionType>)).Description("What happens to a credential that lapses.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CeRequirementType : ObjectGraphType<CeRequirement>
{
    public CeRequirementType()
    {
        Name = "CeRequirement";
        Description = "The continuing education a renewal needs: total credits over the validity period and minimums per category.";
        Field(x => x.CreditsPerCycle, nullable: false).Description("Verified credits a renewal needs in total over the credential's cycle; 0 when none.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryMinimumType>>>>("categoryMinimums").Description("Minimums per category within that total; empty when there are none.").Resolve(ctx => ctx.Source.CategoryMinimums);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CategoryMinimumType : ObjectGraphType<CategoryMinimum>
{
    public CategoryMinimumType()
    {
        Name = "CategoryMinimum";
        Description = "The least continuing-education credits a renewal needs in one category.";
        Field(x => x.Category, nullable: false).Description("The lowercase category, e.g. 'ethics'.");
        Field(x => x.Credits, nullable: false).Description("The fewest verified credits needed in it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CategoryMinimumInput
{
    public string Category { get; set; } = string.Empty;
    public decimal Credits { get; set; }
}

public sealed class CategoryMinimumInputType : InputObjectGraphType<CategoryMinimumInput>
{
    public CategoryMinimumInputType()
    {
        Name = "CategoryMinimumInput";
        Description = "The least continuing-education credits a renewal needs in one category.";
        Field(x => x.Category, nullable: false).Description("The category: 2-40 letters, digits, spaces or hyphens; stored lowercase.");
        Field(x => x.Credits, nullable: false).Description("The fewest verified credits needed in it, in steps of 0.25.");
    }
}

public sealed class LifespanPolicyInput
{
    public int RenewalWindowDays { get; set; }
    public decimal? CreditsPerCycle { get; set; }
    public List<CategoryMinimumInput>? CategoryMinimums { get; set; }
    public RenewalEvidence? Evidence { get; set; }
    public int? GraceDays { get; set; }
    public int? LapseAfterDays { get; set; }
    public LapseAction? LapseAction { get; set; }

    public LifespanPolicy ToPolicy() => new(
        RenewalWindowDays,
        new CeRequirement(CreditsPerCycle ?? 0, (CategoryMinimums ?? []).Select(m => new CategoryMinimum(m.Category, m.Credits)).ToList()),
        Evidence ?? RenewalEvidence.None,
        GraceDays ?? 0,
        LapseAfterDays ?? 0,
        LapseAction ?? Domain.Renewals.LapseAction.Expire);
}

public sealed class LifespanPolicyInputType : InputObjectGraphType<LifespanPolicyInput>
{
    public LifespanPolicyInputType()
    {
        Name = "LifespanPolicyInput";
        Description = "How issued credentials live: validity, renewal window, grace and lapse periods, continuing education and evidence required.";
        Field(x => x.RenewalWindowDays, nullable: false).Description("1 to the definition's validityDays.");
        Field(x => x.CreditsPerCycle, nullable: true).Description("Verified continuing-education credits needed per cycle (default 0).");
        Field(x => x.CategoryMinimums, type: typeof(ListGraphType<NonNullGraphType<CategoryMinimumInputType>>)).Description("At least this many of them in a category.");
        Field(x => x.Evidence, type: typeof(RenewalEvidenceKindType)).Description("Renewal evidence needed besides credits (default NONE).");
        Field(x => x.GraceDays, nullable: true).Description("0-365 days after expiry: suspended, still renewable (default 0).");
        Field(x => x.LapseAfterDays, nullable: true).Description("0-3650 further days before it lapses (default 0).");
        Field(x => x.LapseAction, type: typeof(LapseActionType)).Description("What a lapse does (default EXPIRE).");
    }
}
