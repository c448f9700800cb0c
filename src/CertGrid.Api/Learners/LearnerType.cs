using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.Email, nullable: false);
        Field(x => x.Organisation, nullable: true);
        Field(x => x.EnrolledAt, nullable: false);
        Field(x => x.PublicProfileUrl, nullable: true).Description("When set, credentials name the learner by this URL as well as by a salted email hash.");

        Field<NonNullGraphType<StringGraphType>>("comprehensiveRecord")
            .Description("The learner's CLR 2.0 record: every valid credential in one ClrCredential signed by the community, as a VC-JWT.")
            .ResolveAsync(async ctx =>
            {
                Learner(ctx);
                return (await ctx.Grains().GetGrain<ILearnerRecordExportGrain>(ctx.Caller().Community!).ExportClrAsync(ctx.Source.Id)).Jwt;
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArtifactType>>>>("portfolio")
            .ResolveAsync(async ctx => await Learner(ctx).GetPortfolioAsync());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttemptType>>>>("attempts")
            .ResolveAsync(async ctx =>
            {
                var record = await Learner(ctx).GetRecordAsync();
                var community = ctx.Caller().Community!;
                var attempts = await Task.WhenAll(record.Attempts.Select(a =>
                    ctx.Grains().GetGrain<IAttemptGrain>(new ScopedKey(community, a.AttemptId).ToString()).GetAsync()));
                return attempts.OrderByDescending(a => a.SubmittedAt).ToList();
            });

        Field<NonNullGraphType<PageGraphType<CredentialSummaryType, CredentialSummary>>>("credentials")
            .Paged()
            .ResolveAsync(async ctx =>
            {
                Learner(ctx);
                return await ctx.Grains().GetGrain<ICredentialIndexGrain>(ctx.Caller().Community!).ListForLearnerAsync(ctx.Source.Id, ctx.Page());
            });
    }

    /// <summary>The learner's grain, for the admin or the learner themself only.</summary>
    private static ILearnerGrain Learner(IResolveFieldContext<LearnerProfile> ctx)
    {
        var caller = ctx.Caller();
        if (!caller.IsAdmin && !caller.IsLearner(ctx.Source.Id))
        {
            throw CertGridException.Forbidden("Only the learner and community admins can see a learner's portfolio, attempts and credentials.");
        }

        return ctx.Grains().GetGrain<ILearnerGrain>(new ScopedKey(caller.Community!, ctx.Source.Id).ToString());
    }
}
