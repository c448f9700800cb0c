using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>
/// Admits a caller by the arguments that name a person: a learner reading their own ledger (the argument names them,
/// or is left out and defaults to them).
/// </summary>
public sealed class ArgumentRule(string needs, Func<Caller, IResolveFieldContext, bool> admits) : AccessRule
{
    public override string Needs => needs;

    public override AccessVerdict Before(Caller caller, IResolveFieldContext? field) =>
        field is not null && admits(caller, field) ? AccessVerdict.Allowed : AccessVerdict.Denied;
}
