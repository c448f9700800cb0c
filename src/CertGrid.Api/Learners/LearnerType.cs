using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Assessments;
using CertGrid.Api.Credentials;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Learners;

public sealed class LearnerType : ObjectGraphType<LearnerProfile>
{
    public LearnerType()
    {
        Name = "Learner";
        Description = "A learner: profile, portfolio, attempts and credentials. Admins and the learner themself see everything.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner's id (lrn_…).");
        Field(x => x.Name, nullable: false).Description("The learner's name as enrolled; it appears on their credentials.");
        Field(x => x.Email, nullable: false).Description("The learner's email; credentials carry only its salted hash.");
        Field(x => x.Organisation, nullable: true).Description("The organisation the learner belongs to, if any (used for conflicts of interest).");
        Field(x => x.EnrolledAt, nullable: false).Description("When the learner was enrolled (UTC).");
        Field(x => x.PublicProfileUrl, nullable: true).Description("When set, credentials name the learner by this URL as well as by a salted email hash.");

        Field<NonNullGraphType<StringGraphType>>("comprehensiveRecord")
            .Description("The learner's CLR 2.0 record: every valid credential in one ClrCredential signed by the community, as a VC-JWT.")
            .Authorize(Readers)
            .ResolveAsync(async ctx => (await ctx.Grains().GetGrain<ILearnerRecordExportGrain>(ctx.Community()).ExportClrAsync(ctx.Source.Id)).Jwt);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArtifactType>>>>("portfolio")
            .Description("The learner's portfolio artifacts, committed and pending upload.")
            .Authorize(Readers)
            .ResolveAsync(async ctx => await ctx.Grains().Learner(ctx.Community(), ctx.Source.Id).GetPortfolioAsync());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttemptType>>>>("attempts")
            .Description("The learner's attempts, newest first.")
            .Authorize(Readers)
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var record = await ctx.Grains().Learner(community, ctx.Source.Id).GetRecordAsync();
                var attempts = await Task.WhenAll(record.Attempts.Select(a => ctx.Grains().Attempt(community, a.AttemptId).GetAsync()));
                return attempts.OrderByDescending(a => a.SubmittedAt).ToList();
            });

        Field<NonNullGraphType<PageGraphType<CredentialSummaryType, CredentialSummary>>>("credentials")
            .Description("The credentials issued to the learner.")
            .Authorize(Readers)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<ICredentialIndexGrain>(ctx.Community()).ListForLearnerAsync(ctx.Source.Id, ctx.Page()));
        this.AuthorizeOtherFieldsAsParent();
    }

    /// <summary>Who sees a learner's portfolio, attempts and credentials: admins and the learner themself.</summary>
    private static AccessRule Readers { get; } = AccessRules.Admins | AccessRules.LearnerOfParent<LearnerProfile>(l => l.Id);
}
