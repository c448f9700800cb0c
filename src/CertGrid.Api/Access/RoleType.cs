using CertGrid.Domain.Access;
using GraphQL.Types;

namespace CertGrid.Api.Access;

public sealed class RoleType : EnumerationGraphType<Role>
{
    public RoleType()
    {
        Name = "Role";
        Description = "What an API key may do in its community.";
        Values.FindByName("PARTNER")!.DeprecationReason =
            "Community-scoped partner keys are deprecated: register the organisation as a platform-wide partner (registerPartner) and grant it access (grantPartnerAccess); it then sees only what learners consent to. See docs/api/partners.md.";
    }
}
