using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>
/// Admits a community member by the object the field loads (the holder of a credential, the panel of an attempt):
/// the resolver runs, and the checkpoint hands its result on only if it admits the caller. Read-only fields only.
/// </summary>
public sealed class ResultRule<TResult>(string needs, Func<Caller, TResult, bool> admits) : AccessRule
{
    public override string Needs => needs;

    public override AccessVerdict Before(Caller caller, IResolveFieldContext? field) =>
        caller.Kind == CallerKind.Member ? AccessVerdict.DependsOnResult : AccessVerdict.Denied;

    public override bool Admits(Caller caller, object? result) => result is TResult loaded && admits(caller, loaded);
}
