using CertGrid.Domain.Access;
using GraphQL.Types;

namespace CertGrid.Api.Access;

public sealed class RoleType : EnumerationGraphType<Role>
{
    public RoleType()
    {
        Name = "Role";
        Description = "What an API key may do in its community.";
    }
}
