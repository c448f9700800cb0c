using CertGrid.Abstractions.Onboarding;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Onboarding;

/// <summary>Bulk onboarding: an admin uploads a roster file, dry-runs it, applies it and follows its progress.</summary>
public sealed class OnboardingSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<RosterImportType>>("rosterImport")
            .Description("An import of your community's: its dry run, progress and results file (admin).")
            .Authorize(AccessRules.Admins)
            .Argument<NonNullGraphType<IdGraphType>>("id", "The import (imp_…).")
            .ResolveAsync(async ctx => await ctx.Grains().RosterImport(ctx.Community(), ctx.Id("id", IdPrefixes.RosterImport)).GetAsync());

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<RosterUploadTicketType>>("startRosterImport")
            .Description("Starts an import of learners, evaluators, cohort memberships or credentials earned before CertGrid from a CSV or JSON Lines file, and returns where to upload it (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StartRosterImportInputType>>("input", "The file's name and size.")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var input = ctx.GetArgument<StartRosterImportInput>("input");
                return await ctx.CreateOnceAsync(IdPrefixes.RosterImport,
                    id => ctx.Grains().RosterImport(community, id).StartAsync(new StartRosterImport(input.FileName, input.SizeBytes, input.Kind), ctx.Caller().Actor),
                    id => ctx.Grains().RosterImport(community, id).UploadTicketAsync());
            });

        mutation.Field<NonNullGraphType<RosterImportType>>("dryRunRosterImport")
            .Description("Reads and checks the uploaded file against the rules and the community: every row's errors (line, column, what is wrong, what is accepted), and how many rows would create something or leave what the community has. Changes nothing else.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The import (imp_…).")
            .ResolveAsync(async ctx => await ctx.Grains().RosterImport(ctx.Community(), ctx.Id("id", IdPrefixes.RosterImport)).DryRunAsync(ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<RosterImportType>>("applyRosterImport")
            .Description("Applies the rows of a clean dry run in the background (follow processedRows): enrols learners, registers evaluators, adds cohort members or issues earned credentials; what the community already has is left as it is, so applying the same file again changes nothing.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The import (imp_…).")
            .ResolveAsync(async ctx => await ctx.Grains().RosterImport(ctx.Community(), ctx.Id("id", IdPrefixes.RosterImport)).ApplyAsync(ctx.Caller().Actor));
    }
}
