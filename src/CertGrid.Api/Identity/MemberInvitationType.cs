using CertGrid.Abstractions.Identity;
using CertGrid.Api.Access;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Identity;

public sealed class MemberInvitationType : ObjectGraphType<MemberInvitation>
{
    public MemberInvitationType()
    {
        Name = "MemberInvitation";
        Description = "An invitation: the first sign-in with this verified email links to this learner or evaluator.";
        Field(x => x.Email, nullable: false).Description("The invited email (lower case).");
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleType>)).Description("LEARNER or EVALUATOR.");
        Field(x => x.SubjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner or evaluator the person signs in as.");
        Field(x => x.InvitedAt, nullable: false).Description("When the invitation was made (UTC).");
        this.AuthorizeOtherFieldsAsParent();
    }
}
