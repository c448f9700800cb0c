using CertGrid.Domain.Access;
using GraphQL.Types;

namespace CertGrid.Api.Access;

public sealed class IssueApiKeyInput
{
    public Role Role { get; set; }
    public string? SubjectId { get; set; }
    public List<string>? Scopes { get; set; }
    public string Label { get; set; } = string.Empty;
    public DateTimeOffset? ExpiresAt { get; set; }
}

public sealed class IssueApiKeyInputType : InputObjectGraphType<IssueApiKeyInput>
{
    public IssueApiKeyInputType()
    {
        Name = "IssueApiKeyInput";
        Description = "A key to issue: its role, whom it acts as and, for partners, its scopes.";
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleType>)).Description("What the key may do in the community.");
        Field(x => x.SubjectId, type: typeof(IdGraphType)).Description("Required for LEARNER and EVALUATOR keys: whom the key acts as.");
        Field(x => x.Scopes, nullable: true).Description("PARTNER keys only: credentials:read, talent:search.");
        Field(x => x.Label, nullable: false).Description("What the key is for, e.g. 'Acme hiring team'.");
        Field(x => x.ExpiresAt, type: typeof(DateTimeOffsetGraphType)).Description("When the key stops working (ISO 8601 with offset, at most two years ahead); leave empty for a key that does not expire.");
    }
}
