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
        Field<IdGraphType>("community").Resolve(ctx => ctx.Source.Community);
        Field<RoleType>("role").Resolve(ctx => ctx.Source.Role);
        Field<IdGraphType>("subjectId").Description("The learner or evaluator a learner/evaluator key is bound to.").Resolve(ctx => ctx.Source.SubjectId);
        Field<IdGraphType>("keyId").Resolve(ctx => ctx.Source.KeyId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes").Resolve(ctx => ctx.Source.Scopes.Order());
        this.AuthorizeOtherFieldsAsParent();
    }
}
