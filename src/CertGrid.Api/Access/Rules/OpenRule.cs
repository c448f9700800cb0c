using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>Admits every caller: public fields, and the fields of an object whoever loaded it may see in full.</summary>
public sealed class OpenRule(string needs) : AccessRule
{
    public override string Needs => needs;

    public override AccessVerdict Before(Caller caller, IResolveFieldContext? field) => AccessVerdict.Allowed;
}
