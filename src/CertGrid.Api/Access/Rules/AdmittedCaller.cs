using CertGrid.Api.GraphQl;
using CertGrid.Domain.Access;
using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>
/// What a resolver reads of the caller the checkpoint admitted: their community and the person their key acts for.
/// The field's rule already guarantees them; if a rule were declared too loosely these still refuse with a coded error.
/// </summary>
public static class AdmittedCaller
{
    /// <summary>The caller's community: every grain key a resolver builds takes the community from here, never from the request.</summary>
    public static string Community(this IResolveFieldContext context) =>
        context.Caller().Community ?? throw AccessDenied.For(context.Caller(), "a community key");

    /// <summary>The learner a learner key is bound to.</summary>
    public static string OwnLearnerId(this IResolveFieldContext context) => context.Caller() is { Role: Role.Learner, SubjectId: { } id }
        ? id
        : throw AccessDenied.For(context.Caller(), "a learner key");

    /// <summary>The evaluator an evaluator key is bound to.</summary>
    public static string OwnEvaluatorId(this IResolveFieldContext context) => context.Caller() is { Role: Role.Evaluator, SubjectId: { } id }
        ? id
        : throw AccessDenied.For(context.Caller(), "an evaluator key");

    /// <summary>The person (<c>learner:…</c>, <c>evaluator:…</c>) a learner or evaluator key acts for.</summary>
    public static string OwnPerson(this IResolveFieldContext context) =>
        context.Caller().Person ?? throw AccessDenied.For(context.Caller(), "a learner or evaluator key");
}
