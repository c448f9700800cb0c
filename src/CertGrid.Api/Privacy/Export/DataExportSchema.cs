using CertGrid.Abstractions.Privacy.Export;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Privacy.Export;

/// <summary>Data rights (issue 17.4): a learner's export of all their data (GDPR articles 15 and 20). See docs/privacy.md.</summary>
public sealed class DataExportSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<DataExportType>>("dataExport")
            .Description("An export of a learner's data: its status, progress and, once READY, a download URL (the learner, admins).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerOf<DataExportView>(x => x.LearnerId))
            .Argument<NonNullGraphType<IdGraphType>>("id", "The export (exp_…).")
            .ResolveAsync(async ctx => await ctx.Grains().DataExport(ctx.Community(), ctx.Id("id", IdPrefixes.DataExport)).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<DataExportType>>("requestDataExport")
            .Description("Starts an archive of all the personal data CertGrid holds about a learner, built in the background: a learner asks for their own; "
                + "admins name one. Poll dataExport(id) for progress and the download URL; the archive is deleted after 7 days (and when the learner is erased).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .SafeToRunAgain()
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx =>
            {
                var learnerId = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
                var exportId = ctx.NewEntityId(IdPrefixes.DataExport);
                return await ctx.Grains().DataExport(ctx.Community(), exportId).StartAsync(learnerId, ctx.Caller().Actor);
            });
    }
}
