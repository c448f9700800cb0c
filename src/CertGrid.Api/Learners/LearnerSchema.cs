using CertGrid.Abstractions.Learners;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Learners;

/// <summary>Learners: admins enrol and list them; a learner manages their own portfolio.</summary>
public sealed class LearnerSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<LearnerType, LearnerProfile>>>("learners")
            .Description("Your community's learners (admin).")
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<ILearnerDirectoryGrain>(ctx.Caller().RequireAdmin()).ListAsync(ctx.Page()));

        query.Field<NonNullGraphType<LearnerType>>("learner")
            .Description("A learner (admin), or yourself with a learner key (id may be omitted).")
            .Argument<IdGraphType>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var id = ctx.GetArgument<string?>("id") ?? (caller.Role == Domain.Access.Role.Learner ? caller.SubjectId : null);
                var key = ctx.Scoped(caller.RequireMember(), id, IdPrefixes.Learner, "id");
                if (!caller.IsAdmin && !caller.IsLearner(id!))
                {
                    throw CertGridException.Forbidden("Only community admins and the learner themself can read a learner.");
                }

                return await ctx.Grains().GetGrain<ILearnerGrain>(key).GetAsync();
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<LearnerType>>("enrolLearner")
            .Description("Enrols a learner in your community (admin).")
            .Argument<NonNullGraphType<EnrolLearnerInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<EnrolLearnerInput>("input");
                return await ctx.Grains().GetGrain<ILearnerGrain>(new ScopedKey(community, EntityId.New(IdPrefixes.Learner)).ToString())
                    .EnrolAsync(new EnrolLearner(input.Name, input.Email, input.Organisation), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ArtifactUploadTicketType>>("requestArtifactUpload")
            .Description("Returns a short-lived URL to PUT a portfolio file to (learner).")
            .Argument<NonNullGraphType<RequestArtifactUploadInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = caller.RequireLearner();
                var input = ctx.GetArgument<RequestArtifactUploadInput>("input");
                return await ctx.Grains().GetGrain<ILearnerGrain>(new ScopedKey(caller.Community!, learnerId).ToString())
                    .RequestArtifactUploadAsync(new RequestArtifactUpload(input.ArtifactId, input.Title, input.FileName, input.ContentType, input.SizeBytes));
            });

        mutation.Field<NonNullGraphType<LearnerType>>("setPublicProfileUrl")
            .Description("Publishes a URL (for example your portfolio site) as your identity in credentials issued from now on; null withdraws it (learner).")
            .Argument<StringGraphType>("url")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = caller.RequireLearner();
                return await ctx.Grains().GetGrain<ILearnerGrain>(new ScopedKey(caller.Community!, learnerId).ToString())
                    .SetPublicProfileUrlAsync(ctx.GetArgument<string?>("url"));
            });

        mutation.Field<NonNullGraphType<ArtifactType>>("setArtifactVisibility")
            .Description("Lets anyone open this artifact's evidence links in your credentials, or only you and admins (learner).")
            .Argument<NonNullGraphType<IdGraphType>>("artifactId")
            .Argument<NonNullGraphType<BooleanGraphType>>("public")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = caller.RequireLearner();
                var artifactId = EntityId.Require(ctx.GetArgument<string>("artifactId"), IdPrefixes.Artifact, "artifactId");
                return await ctx.Grains().GetGrain<ILearnerGrain>(new ScopedKey(caller.Community!, learnerId).ToString())
                    .SetArtifactVisibilityAsync(artifactId, ctx.GetArgument<bool>("public"));
            });

        mutation.Field<NonNullGraphType<ArtifactType>>("commitArtifact")
            .Description("Verifies the uploaded file (size, type, SHA-256) and adds it as a new version (learner).")
            .Argument<NonNullGraphType<IdGraphType>>("artifactId")
            .Argument<NonNullGraphType<IntGraphType>>("version")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = caller.RequireLearner();
                var artifactId = EntityId.Require(ctx.GetArgument<string>("artifactId"), IdPrefixes.Artifact, "artifactId");
                return await ctx.Grains().GetGrain<ILearnerGrain>(new ScopedKey(caller.Community!, learnerId).ToString())
                    .CommitArtifactAsync(artifactId, ctx.GetArgument<int>("version"));
            });
    }
}
