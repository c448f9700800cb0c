using CertGrid.Abstractions.Progress;
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
            .Argument<IdGraphType>("learnerId", "Admins name the learner; a learner key reads its own.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("credentialIds", "More credentials to include, e.g. ones you are considering.")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var id = ctx.GetArgument<string?>("learnerId") ?? (caller.Role == Domain.Access.Role.Learner ? caller.SubjectId : null);
                var learnerId = EntityId.Require(id, IdPrefixes.Learner, "learnerId");
                if (!caller.IsAdmin && !caller.IsLearner(learnerId))
                {
                    throw CertGridException.Forbidden("Only community admins and the learner themself can read a learner's progress.");
                }

                var credentials = ctx.GetArgument<List<string>?>("credentialIds")?.Select((c, i) => EntityId.Require(c, IdPrefixes.CredentialDefinition, $"credentialIds[{i}]")).ToList();
                var progress = await ctx.Grains().GetGrain<ILearnerProgressGrain>(community).GetAsync(learnerId, credentials);
                return (await ctx.LanguageAsync(community)).Localize(progress);
            });

    public void AddMutations(RootMutation mutation)
    {
    }
}
