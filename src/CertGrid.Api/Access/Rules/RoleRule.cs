using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>Admits callers by what their key is, whatever the field's object: the operator, a role, a scope.</summary>
public sealed class RoleRule(string needs, Func<Caller, bool> admits) : AccessRule
{
    public override string Needs => needs;

    public override AccessVerdict Before(Caller caller, IResolveFieldContext? field) => admits(caller) ? AccessVerdict.Allowed : AccessVerdict.Denied;
}
