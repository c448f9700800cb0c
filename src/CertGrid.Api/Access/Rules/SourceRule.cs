using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>Admits a caller by the object the field belongs to (a nested field: the attempt whose reviews are read).</summary>
public sealed class SourceRule<TSource>(string needs, Func<Caller, TSource, bool> admits) : AccessRule
{
    public override string Needs => needs;

    public override AccessVerdict Before(Caller caller, IResolveFieldContext? field) =>
        field?.Source is TSource source && admits(caller, source) ? AccessVerdict.Allowed : AccessVerdict.Denied;
}
