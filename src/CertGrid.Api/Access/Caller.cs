using CertGrid.Domain.Access;
using CertGrid.Domain.Audit;

namespace CertGrid.Api.Access;

/// <summary>
/// The authenticated caller of a request. What a caller may do is declared per field and decided by
/// <see cref="Rules.AuthorizationCheckpoint"/>; this type only says who they are. A member always belongs to exactly one community, and every grain
/// key a resolver builds takes the community from here, never from the request, so ids copied from another
/// community simply do not exist for the caller.
/// </summary>
public sealed record Caller(CallerKind Kind, string? Community, Role? Role, string? SubjectId, string? KeyId, IReadOnlySet<string> Scopes)
{
    public static Caller Anonymous { get; } = new(CallerKind.Anonymous, null, null, null, null, new HashSet<string>());

    public static Caller Operator { get; } = new(CallerKind.Operator, null, null, null, null, new HashSet<string>());

    public static Caller Member(string community, Role role, string? subjectId, string keyId, IEnumerable<string> scopes) =>
        new(CallerKind.Member, community, role, subjectId, keyId, new HashSet<string>(scopes, StringComparer.Ordinal));

    /// <summary>How this caller is named in the audit log.</summary>
    public string Actor => Kind switch
    {
        CallerKind.Operator => Actors.Operator,
        CallerKind.Member => Role switch
        {
            Domain.Access.Role.CommunityAdmin => Actors.Admin(KeyId!),
            Domain.Access.Role.Learner => Actors.Learner(SubjectId!),
            Domain.Access.Role.Evaluator => Actors.Evaluator(SubjectId!),
            _ => Actors.Partner(KeyId!),
        },
        _ => "anonymous",
    };

    /// <summary>The key the rate limiter counts against: the API key, or the client address for anonymous calls.</summary>
    public string RateLimitPartition(string? remoteAddress) => Kind switch
    {
        CallerKind.Operator => "operator",
        CallerKind.Member => $"key:{Community}/{KeyId}",
        _ => $"ip:{remoteAddress ?? "unknown"}",
    };

    /// <summary>The person a learner or evaluator key acts for (<c>learner:…</c>, <c>evaluator:…</c>); null for admin, partner and anonymous keys.</summary>
    public string? Person => Kind != CallerKind.Member ? null : Role switch
    {
        Domain.Access.Role.Learner => Domain.Relationships.PersonRef.Learner(SubjectId!),
        Domain.Access.Role.Evaluator => Domain.Relationships.PersonRef.Evaluator(SubjectId!),
        _ => null,
    };

    public bool IsAdmin => Kind == CallerKind.Member && Role == Domain.Access.Role.CommunityAdmin;

    public bool IsLearner(string learnerId) => Kind == CallerKind.Member && Role == Domain.Access.Role.Learner && SubjectId == learnerId;

    public bool IsEvaluator(string evaluatorId) => Kind == CallerKind.Member && Role == Domain.Access.Role.Evaluator && SubjectId == evaluatorId;

    public bool IsPartnerWith(string scope) => Kind == CallerKind.Member && Role == Domain.Access.Role.Partner && Scopes.Contains(scope);
}
