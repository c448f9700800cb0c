using CertGrid.Domain.Access;
using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>The rules fields declare. Feature folders add their own ownership rules (e.g. <c>AttemptAccess</c>) from these.</summary>
public static class AccessRules
{
    /// <summary>Public: anyone, with or without a key.</summary>
    public static AccessRule Anyone { get; } = new OpenRule("no key");

    /// <summary>
    /// A field of an object the caller was allowed to load: whoever may read the object may read this detail of it.
    /// Declare it for a whole type with <see cref="FieldAccess.AuthorizeOtherFieldsAsParent"/>.
    /// </summary>
    public static AccessRule AsParent { get; } = new OpenRule("access to the object it belongs to");

    public static AccessRule Operator { get; } = new RoleRule("the platform operator key", c => c.Kind == CallerKind.Operator);

    /// <summary>Any key of a community, whatever its role; the caller reaches only their own community's data.</summary>
    public static AccessRule Members { get; } = new RoleRule("a community key", c => c.Kind == CallerKind.Member);

    public static AccessRule Admins { get; } = ForRole(Role.CommunityAdmin, "a community admin key");

    public static AccessRule Learners { get; } = ForRole(Role.Learner, "a learner key");

    public static AccessRule Evaluators { get; } = ForRole(Role.Evaluator, "an evaluator key");

    /// <summary>A learner's or an evaluator's key: a person of the community (committee members, mentors, curators).</summary>
    public static AccessRule People { get; } = new RoleRule("a learner or evaluator key", c => c.Person is not null);

    /// <summary>Admins, learners and evaluators: the community's own people, not partner organisations.</summary>
    public static AccessRule Insiders { get; } = Admins | People;

    /// <summary>Who may propose to the steering committee: an admin, or a person (the committee checks they hold a seat).</summary>
    public static AccessRule Proposers => Insiders;

    /// <summary>
    /// A partner organisation's own key (<c>cgp.…</c>). What it then reaches is decided per community by its grants
    /// (fields fan out only over the communities whose grant holds the scope they need) and by learners' consents.
    /// </summary>
    public static AccessRule PartnerOrganisations { get; } = new RoleRule("a partner organisation key", c => c.Kind == CallerKind.Partner);

    /// <summary>A community key with a partner scope: the deprecated community-scoped PARTNER keys (see docs/api/partners.md).</summary>
    public static AccessRule PartnersWith(string scope) => new RoleRule($"a partner key with the '{scope}' scope", c => c.IsPartnerWith(scope));

    /// <summary>The learner an argument names (or, left out, the calling learner): a learner reads only their own.</summary>
    public static AccessRule LearnerNamedBy(string argument) =>
        new ArgumentRule("the learner's own key", (c, f) => c.Role == Domain.Access.Role.Learner && f.GetArgument<string?>(argument) is var named && (named is null || c.IsLearner(named)));

    /// <summary>The evaluator an argument names (or, left out, the calling evaluator).</summary>
    public static AccessRule EvaluatorNamedBy(string argument) =>
        new ArgumentRule("the evaluator's own key", (c, f) => c.Role == Domain.Access.Role.Evaluator && f.GetArgument<string?>(argument) is var named && (named is null || c.IsEvaluator(named)));

    /// <summary>The person (<c>learner:…</c>, <c>evaluator:…</c>) an argument names (or, left out, the calling person).</summary>
    public static AccessRule PersonNamedBy(string argument) =>
        new ArgumentRule("the person's own learner or evaluator key", (c, f) => c.Person is { } self && f.GetArgument<string?>(argument)?.Trim() is var named && (named is null || named == self));

    /// <summary>The learner a loaded object belongs to (a credential's holder, a session's learner).</summary>
    public static AccessRule LearnerOf<T>(Func<T, string?> learnerId) =>
        new ResultRule<T>("the key of the learner it belongs to", (c, x) => learnerId(x) is { } id && c.IsLearner(id));

    /// <summary>The learner the object a nested field belongs to is about.</summary>
    public static AccessRule LearnerOfParent<T>(Func<T, string?> learnerId) =>
        new SourceRule<T>("the key of the learner it belongs to", (c, x) => learnerId(x) is { } id && c.IsLearner(id));

    private static RoleRule ForRole(Role role, string needs) => new(needs, c => c.Kind == CallerKind.Member && c.Role == role);
}
