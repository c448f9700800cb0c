using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Paging;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Progress;
using CertGrid.Domain.Cohorts;
using GraphQL.Types;

namespace CertGrid.Api.Cohorts;

public sealed class AssessmentWindowType : ObjectGraphType<AssessmentWindow>
{
    public AssessmentWindowType()
    {
        Name = "AssessmentWindow";
        Description = "A period in which a cohort's members may submit attempts.";
        Field(x => x.Name, nullable: false).Description("The window's name, e.g. 'Spring sitting'.");
        Field(x => x.Opens, nullable: false).Description("When members may start submitting (UTC instant, inclusive).");
        Field(x => x.Closes, nullable: false).Description("When submissions close (UTC instant, exclusive).");
        Field("credentialIds", x => x.DefinitionIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("The credentials it is for; empty means all of the cohort's.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class MemberCredentialType : ObjectGraphType<MemberCredential>
{
    public MemberCredentialType()
    {
        Name = "MemberCredential";
        Description = "A credential a cohort member holds.";
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A credential definition (def_…) of the cohort.");
        Field(x => x.Attempts, nullable: false).Description("How many attempts the member submitted for it.");
        Field(x => x.EarnedAt, nullable: true).Description("When the member's credential was issued (UTC instant); null until earned.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CohortMemberProgressType : ObjectGraphType<CohortMemberProgress>
{
    public CohortMemberProgressType()
    {
        Name = "CohortMemberProgress";
        Description = "One cohort member's progress on one credential, from the cohort progress read model.";
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member (lrn_…).");
        Field(x => x.Name, nullable: false).Description("The member's name.");
        Field(x => x.JoinedAt, nullable: false).Description("When the member joined the cohort (UTC instant).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberCredentialType>>>>("credentials").Expect(3).Description("Per credential of the cohort.").Resolve(ctx => ctx.Source.Credentials);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DemonstratedCompetencyType>>>>("competencies").Expect(5).Description("Best level demonstrated per competency.").Resolve(ctx => ctx.Source.Competencies);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CredentialStatisticsType : ObjectGraphType<CredentialStatistics>
{
    public CredentialStatisticsType()
    {
        Name = "CredentialStatistics";
        Description = "A cohort's completion of one credential.";
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A credential definition (def_…) of the cohort.");
        Field(x => x.Earned, nullable: false).Description("How many members earned it.");
        Field(x => x.Attempted, nullable: false).Description("How many members submitted at least one attempt for it.");
        Field(x => x.MedianDaysToCertification, nullable: true).Description("Median days from a member's start to its issue, over members who earned it; null when nobody has.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CohortStatisticsType : ObjectGraphType<CohortStatistics>
{
    public CohortStatisticsType()
    {
        Name = "CohortStatistics";
        Description = "How a cohort is doing: members, completions per credential and the median time to certification.";
        Field(x => x.Members, nullable: false).Description("How many learners the cohort has.");
        Field(x => x.Completed, nullable: false).Description("Members who earned every credential of the cohort.");
        Field(x => x.CompletionRate, nullable: false).Description("Completed members over all members, as a fraction from 0 to 1 (4 decimals); 0 for an empty cohort.");
        Field(x => x.MedianDaysToCertification, nullable: true).Description("From starting (cohort start or joining) to the last cohort credential, for completed members.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CredentialStatisticsType>>>>("credentials").Description("Completion of each of the cohort's credentials.").Expect(3).Resolve(ctx => ctx.Source.Credentials);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CohortType : ObjectGraphType<CohortInfo>
{
    public CohortType()
    {
        Name = "Cohort";
        Description = "A group of learners who prepare together, with the credentials they pursue, their assessment windows and mentors.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The cohort's id (coh_…).");
        Field(x => x.Name, nullable: false).Description("The cohort's name.");
        Field(x => x.StartsOn, nullable: false).Description("The cohort's first day (calendar date).");
        Field(x => x.EndsOn, nullable: false).Description("The cohort's last day (calendar date).");
        Field("credentialDefinitionIds", x => x.DefinitionIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The credential definitions (def_…) the cohort pursues.");
        Field("learnerIds", x => x.MemberIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The cohort's members (lrn_…).");
        Field(x => x.CreatedAt, nullable: false).Description("When the admin created the cohort (UTC instant).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentWindowType>>>>("assessmentWindows").Description("Periods in which members may submit attempts; empty when submissions are not restricted.").Expect(2).Resolve(ctx => ctx.Source.Windows ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("mentors").Description("Mentors as 'learner:…' or 'evaluator:…'.").Resolve(ctx => ctx.Source.Mentors ?? []);
        Field<NonNullGraphType<PageGraphType<CohortMemberProgressType, CohortMemberProgress>>>("progress")
            .Description("Each member's progress per credential and competency, from the cohort progress read model.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().Cohort(ctx.Community(), ctx.Source.Id).GetProgressAsync(ctx.Page()));
        Field<NonNullGraphType<CohortStatisticsType>>("statistics")
            .Description("Completion and median time to certification (one scan of at most 5000 read-model rows).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().Cohort(ctx.Community(), ctx.Source.Id).GetStatisticsAsync());
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class AssessmentWindowInput
{
    public string Name { get; set; } = string.Empty;
    public DateTimeOffset Opens { get; set; }
    public DateTimeOffset Closes { get; set; }
    public List<string>? CredentialIds { get; set; }

    public AssessmentWindow ToWindow() => new(Name, Opens, Closes, CredentialIds ?? []);
}

public sealed class AssessmentWindowInputType : InputObjectGraphType<AssessmentWindowInput>
{
    public AssessmentWindowInputType()
    {
        Name = "AssessmentWindowInput";
        Description = "A named period (first and last day) in which a cohort's members may submit attempts.";
        Field(x => x.Name, nullable: false).Description("The window's name: 1-200 characters.");
        Field(x => x.Opens, nullable: false).Description("When members may start submitting (instant with offset, inclusive; within the cohort's dates).");
        Field(x => x.Closes, nullable: false).Description("When submissions close (instant with offset, exclusive; after opens, within the cohort's dates).");
        Field(x => x.CredentialIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Omit for all of the cohort's credentials.");
    }
}

public sealed class CreateCohortInput
{
    public string Name { get; set; } = string.Empty;
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public List<string>? CredentialDefinitionIds { get; set; }
    public List<AssessmentWindowInput>? AssessmentWindows { get; set; }
}

public sealed class CreateCohortInputType : InputObjectGraphType<CreateCohortInput>
{
    public CreateCohortInputType()
    {
        Name = "CreateCohortInput";
        Description = "A new cohort: its name, dates, the credentials it pursues and its first members.";
        Field(x => x.Name, nullable: false).Description("The cohort's name: 1-200 characters.");
        Field(x => x.StartsOn, nullable: false).Description("The cohort's first day (calendar date).");
        Field(x => x.EndsOn, nullable: false).Description("The cohort's last day (calendar date), not before startsOn.");
        Field(x => x.CredentialDefinitionIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("The credential definitions (def_…) the cohort pursues; left out, none.");
        Field(x => x.AssessmentWindows, type: typeof(ListGraphType<NonNullGraphType<AssessmentWindowInputType>>)).Description("Periods when members may submit attempts.");
    }
}
