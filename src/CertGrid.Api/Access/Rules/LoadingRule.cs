using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>
/// Admits a community member by an object the rule loads before the resolver runs: the resource a mutation changes
/// (its curator), the credential definition a policy belongs to (published or not). For mutations, where checking the
/// result would come too late.
/// </summary>
public sealed class LoadingRule<T>(string needs, Func<IResolveFieldContext, Task<T>> load, Func<Caller, T, bool> admits) : AccessRule
{
    public override string Needs => needs;

    public override AccessVerdict Before(Caller caller, IResolveFieldContext? field) =>
        caller.Kind == CallerKind.Member && field is not null ? AccessVerdict.DependsOnObject : AccessVerdict.Denied;

    public override async ValueTask<bool> AdmitsObjectAsync(Caller caller, IResolveFieldContext field) => admits(caller, await load(field));
}
