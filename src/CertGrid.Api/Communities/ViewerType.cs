using CertGrid.Api.Access.Rules;
using CertGrid.Api.Access;
using GraphQL.Types;

namespace CertGrid.Api.Communities;

public sealed class ViewerType : ObjectGraphType<Caller>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "Who the presented key says you are.";
        Field<NonNullGraphType<StringGraphType>>("kind").Description("ANONYMOUS, OPERATOR or MEMBER.")
            .Resolve(ctx => ctx.Source.Kind.ToString().ToUpperInvariant());
        Field<IdGraphType>("community").Description("The community the key belongs to; null for anonymous callers and the operator key.").Resolve(ctx => ctx.Source.Community);
        Field<RoleType>("role").Description("The key's role in its community; null for anonymous callers and the operator key.").Resolve(ctx => ctx.Source.Role);
        Field<IdGraphType>("subjectId").Description("The learner or evaluator a learner/evaluator key is bound to.").Resolve(ctx => ctx.Source.SubjectId);
        Field<IdGraphType>("keyId").Description("The id (key_…) of the key presented; null without a key.").Resolve(ctx => ctx.Source.KeyId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes").Description("A partner key's scopes, sorted (credentials:read, talent:search); empty for every other caller.").Resolve(ctx => ctx.Source.Scopes.Order());
        this.AuthorizeOtherFieldsAsParent();
    }
}
