using CertGrid.Abstractions.Progress;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Languages;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Progress;

/// <summary>A learner's progress on the credentials they pursue, in one query (the learner themself, or an admin).</summary>
public sealed class ProgressSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<LearnerProgressType>>("learnerProgress")
            .Description("For each credential you pursue (attempted, held, in your cohorts, or named): requirements met and missing, competency levels, attempts and feedback, next eligible date, deadlines and recommended resources.")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .Argument<IdGraphType>("learnerId", "Admins name the learner (lrn_…); a learner key reads its own.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("credentialIds", "More credentials to include (def_…), e.g. ones you are considering.")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var learnerId = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();

                var credentials = ctx.GetArgument<List<string>?>("credentialIds")?.Select((c, i) => EntityId.Require(c, IdPrefixes.CredentialDefinition, $"credentialIds[{i}]")).ToList();
                var progress = await ctx.Grains().GetGrain<ILearnerProgressGrain>(community).GetAsync(learnerId, credentials);
                return (await ctx.LanguageAsync(community)).Localize(progress);
            });

    public void AddMutations(RootMutation mutation)
    {
    }
}
