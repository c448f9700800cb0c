using CertGrid.Api.Access;
using CertGrid.Domain.Access;
using GraphQL.Types;

namespace CertGrid.Api.Identity;

public sealed class InviteMemberInput
{
    public string Email { get; set; } = string.Empty;
    public Role Role { get; set; }
    public string SubjectId { get; set; } = string.Empty;
}

public sealed class InviteMemberInputType : InputObjectGraphType<InviteMemberInput>
{
    public InviteMemberInputType()
    {
        Name = "InviteMemberInput";
        Description = "Who will sign in as a learner or evaluator: the email their provider verifies, and the member record they become.";
        Field(x => x.Email, nullable: false).Description("The email the identity provider verifies for the person (email and email_verified claims).");
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleType>)).Description("LEARNER or EVALUATOR.");
        Field(x => x.SubjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner (lrn_…) or evaluator (evl_…) they sign in as.");
    }
}
