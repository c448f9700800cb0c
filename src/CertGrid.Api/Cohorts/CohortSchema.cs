using CertGrid.Abstractions.Cohorts;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Cohorts;

/// <summary>Cohorts of learners going through a program together, with assessment windows, mentors, progress and statistics (admin).</summary>
public sealed class CohortSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<CohortType>>("cohort")
            .Description("A cohort with its members, windows, mentors, progress and statistics (admins); NOT_FOUND when it does not exist.")
            .Authorize(AccessRules.Admins)
            .Argument<NonNullGraphType<IdGraphType>>("id", "The cohort (coh_…).")
            .ResolveAsync(async ctx => await Cohort(ctx, "id").GetAsync());

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CohortType>>("createCohort")
            .Description("Creates a cohort of learners who prepare together for the given credentials (admins).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<CreateCohortInputType>>("input", "The cohort's name, dates, credentials and first members.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                var input = ctx.GetArgument<CreateCohortInput>("input");
                var cohort = new CreateCohort(input.Name, input.StartsOn, input.EndsOn, input.CredentialDefinitionIds ?? [],
                    input.AssessmentWindows?.Select(w => w.ToWindow()).ToList());
                return await ctx.CreateOnceAsync(IdPrefixes.Cohort,
                    id => ctx.Grains().Cohort(community, id).CreateAsync(cohort, caller.Actor),
                    id => ctx.Grains().Cohort(community, id).GetAsync());
            });

        mutation.Field<NonNullGraphType<CohortType>>("addCohortMembers")
            .Description("Adds learners of the community to a cohort and returns it (admins).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("cohortId", "The cohort (coh_…).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("learnerIds", "Learners to add (lrn_…); members already in it are ignored.")
            .ResolveAsync(async ctx => await Cohort(ctx, "cohortId").AddMembersAsync(ctx.GetArgument<List<string>>("learnerIds"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CohortType>>("setCohortAssessmentWindows")
            .Description("Replaces the cohort's assessment windows; while the cohort runs, its members may submit only inside one.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("cohortId", "The cohort (coh_…).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentWindowInputType>>>>("windows", "Every window the cohort has from now on (replaces the current ones).")
            .ResolveAsync(async ctx => await Cohort(ctx, "cohortId")
                .SetWindowsAsync(ctx.GetArgument<List<AssessmentWindowInput>>("windows").Select(w => w.ToWindow()).ToList(), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CohortType>>("addCohortMentors")
            .Description("Adds learners or evaluators of the community as a cohort's mentors, at most 100, and returns it (admins).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("cohortId", "The cohort (coh_…).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("mentors", "'learner:<id>' or 'evaluator:<id>'.")
            .ResolveAsync(async ctx => await Cohort(ctx, "cohortId").AddMentorsAsync(ctx.GetArgument<List<string>>("mentors"), ctx.Caller().Actor));
    }

    private static ICohortGrain Cohort(IResolveFieldContext ctx, string argument) =>
        ctx.Grains().Cohort(ctx.Community(), ctx.Id(argument, IdPrefixes.Cohort));
}
