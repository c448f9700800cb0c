using CertGrid.Domain.Access;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Partners;

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

    /// <summary>
    /// A partner organisation's key: no community of its own; <see cref="PartnerGrants"/> (active when the request
    /// began, read from the partner's grain at every request) say which communities it reaches with which scopes.
    /// </summary>
    public static Caller PartnerOrganisation(string partnerId, string partnerName, string keyId, IReadOnlyList<PartnerGrant> grants) =>
        new(CallerKind.Partner, null, null, partnerId, keyId, new HashSet<string>()) { PartnerName = partnerName, PartnerGrants = grants };

    /// <summary>A partner organisation's name (partner callers only).</summary>
    public string? PartnerName { get; init; }

    /// <summary>The grants a partner organisation holds (partner callers only; empty for everyone else).</summary>
    public IReadOnlyList<PartnerGrant> PartnerGrants { get; init; } = [];

    /// <summary>The communities whose grant gives this partner <paramref name="scope"/>.</summary>
    public IReadOnlyList<string> CommunitiesGranting(string scope, DateTimeOffset now) =>
        Kind == CallerKind.Partner ? PartnerGrants.Where(g => g.Allows(scope, now)).Select(g => g.Community).ToList() : [];

    public static Caller Member(string community, Role role, string? subjectId, string keyId, IEnumerable<string> scopes) =>
        new(CallerKind.Member, community, role, subjectId, keyId, new HashSet<string>(scopes, StringComparer.Ordinal));

    /// <summary>How this caller is named in the audit log.</summary>
    public string Actor => Kind switch
    {
        CallerKind.Operator => Actors.Operator,
        CallerKind.Partner => Actors.Partner(SubjectId!),
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
        CallerKind.Partner => $"partner:{SubjectId}/{KeyId}",
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
