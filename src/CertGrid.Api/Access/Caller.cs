using CertGrid.Domain.Access;
using CertGrid.Domain.Audit;

namespace CertGrid.Api.Access;

/// <summary>
/// The authenticated caller of a request. A member always belongs to exactly one community, and every grain
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

    public void RequireOperator()
    {
        if (Kind != CallerKind.Operator)
        {
            throw Deny("the platform operator key");
        }
    }

    /// <summary>The caller's community if they are one of its admins.</summary>
    public string RequireAdmin() => RequireRole(Domain.Access.Role.CommunityAdmin, "a community admin key");

    /// <summary>The caller's learner id if the key is a learner's.</summary>
    public string RequireLearner()
    {
        RequireRole(Domain.Access.Role.Learner, "a learner key");
        return SubjectId!;
    }

    /// <summary>The caller's evaluator id if the key is an evaluator's.</summary>
    public string RequireEvaluator()
    {
        RequireRole(Domain.Access.Role.Evaluator, "an evaluator key");
        return SubjectId!;
    }

    /// <summary>The caller's community, whatever their role in it.</summary>
    public string RequireMember()
    {
        if (Kind != CallerKind.Member)
        {
            throw Deny("a community key");
        }

        return Community!;
    }

    /// <summary>The person a learner or evaluator key acts for (<c>learner:…</c>, <c>evaluator:…</c>); null for admin, partner and anonymous keys.</summary>
    public string? Person => Kind != CallerKind.Member ? null : Role switch
    {
        Domain.Access.Role.Learner => Domain.Relationships.PersonRef.Learner(SubjectId!),
        Domain.Access.Role.Evaluator => Domain.Relationships.PersonRef.Evaluator(SubjectId!),
        _ => null,
    };

    /// <summary>The caller's community and person, if the key is a learner's or an evaluator's.</summary>
    public (string Community, string Person) RequirePerson()
    {
        var community = RequireMember();
        return Person is { } person ? (community, person) : throw Deny("a learner or evaluator key");
    }

    /// <summary>The community of a caller who may propose a change to the steering committee: an admin, or a learner or evaluator (the committee checks they hold a seat).</summary>
    public string RequireProposer() => IsAdmin ? Community! : RequirePerson().Community;

    public bool IsAdmin => Kind == CallerKind.Member && Role == Domain.Access.Role.CommunityAdmin;

    public bool IsLearner(string learnerId) => Kind == CallerKind.Member && Role == Domain.Access.Role.Learner && SubjectId == learnerId;

    public bool IsEvaluator(string evaluatorId) => Kind == CallerKind.Member && Role == Domain.Access.Role.Evaluator && SubjectId == evaluatorId;

    public bool IsPartnerWith(string scope) => Kind == CallerKind.Member && Role == Domain.Access.Role.Partner && Scopes.Contains(scope);

    private string RequireRole(Role role, string what)
    {
        if (Kind != CallerKind.Member || Role != role)
        {
            throw Deny(what);
        }

        return Community!;
    }

    private CertGridException Deny(string what) => Kind == CallerKind.Anonymous
        ? new CertGridException(ErrorCode.Unauthenticated, $"This operation needs {what}: send it as 'Authorization: Bearer <key>'.")
        : CertGridException.Forbidden($"This operation needs {what}; your key is {Describe()}.");

    private string Describe() => Kind switch
    {
        CallerKind.Operator => "the platform operator key",
        _ => $"a {Role} key of community '{Community}'",
    };
}
