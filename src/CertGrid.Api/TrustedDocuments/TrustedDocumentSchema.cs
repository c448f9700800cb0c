using CertGrid.Abstractions.TrustedDocuments;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Admission;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using CertGrid.Domain.TrustedDocuments;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.TrustedDocuments;

/// <summary>
/// Trusted documents (issue 15.2): partner apps and admins register the GraphQL documents they send, which are then run
/// by id; an admin can set the whole community, or one key, to run registered documents only.
/// </summary>
public sealed class TrustedDocumentSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrustedDocumentType>>>>("trustedDocuments")
            .Description("The documents your community registered, oldest first (admin, partner).")
            .Authorize(Registrars)
            .ResolveAsync(async ctx => await Registry(ctx).ListAsync());

        query.Field<NonNullGraphType<TrustedDocumentPolicyType>>("trustedDocumentPolicy")
            .Description("Who in your community may only send registered documents (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await Registry(ctx).GetPolicyAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<TrustedDocumentType>>("registerTrustedDocument")
            .Description("Registers a GraphQL document so clients send its id ('documentId': 'sha256:…') instead of its text; registering it again changes nothing (admin, partner).")
            .Authorize(Registrars)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("document", "The document's exact text; its id is the SHA-256 of this text as UTF-8.")
            .Argument<StringGraphType>("name", "What your client calls it.")
            .ResolveAsync(async ctx =>
            {
                var text = ctx.GetArgument<string>("document");
                if (ctx.Service<DocumentAdmission>().Check(text) is { } refusal)
                {
                    throw CertGridException.Invalid("document", refusal.Message);
                }

                return await Registry(ctx).RegisterAsync(text, ctx.GetArgument<string?>("name"), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("removeTrustedDocument")
            .Description("Removes a registered document: requests naming it are refused from then on (by other gateways within 5 seconds) (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The document's id ('sha256:…').")
            .ResolveAsync(async ctx =>
            {
                var hash = TrustedDocumentId.RequireHash(ctx.GetArgument<string>("id"), "id");
                await Registry(ctx).RemoveAsync(hash, ctx.Caller().Actor);
                ctx.Service<TrustedDocumentStore>().Forget(ctx.Community(), hash);
                return true;
            });

        mutation.Field<NonNullGraphType<TrustedDocumentPolicyType>>("requireTrustedDocuments")
            .Description("Sets every key of your community but admin keys (no 'keyId'), or one key, to run registered documents only — or lifts it; other gateways apply it within 5 seconds (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<BooleanGraphType>>("required", "True to require registered documents, false to lift it.")
            .Argument<IdGraphType>("keyId", "One key of your community (key_…); omit it for all of them but admin keys.")
            .ResolveAsync(async ctx =>
            {
                var keyId = ctx.GetArgument<string?>("keyId") is { } id ? EntityId.Require(id, IdPrefixes.ApiKey, "keyId") : null;
                var policy = await Registry(ctx).RequireAsync(keyId, ctx.GetArgument<bool>("required"), ctx.Caller().Actor);
                ctx.Service<TrustedDocumentStore>().Forget(ctx.Community());
                return policy;
            });
    }

    /// <summary>Admins and partners register documents: they are the ones writing clients.</summary>
    private static AccessRule Registrars => AccessRules.Admins | new RoleRule("a partner key", c => c.Role == Role.Partner);

    private static ITrustedDocumentsGrain Registry(IResolveFieldContext ctx) => ctx.Grains().GetGrain<ITrustedDocumentsGrain>(ctx.Community());
}
