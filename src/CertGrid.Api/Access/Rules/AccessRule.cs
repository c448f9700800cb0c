using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>
/// Who may resolve a field: a role, a scope, ownership of the object the field belongs to or returns. Declared next to
/// the field with <see cref="FieldAccess.Authorize{TSource, TReturn}"/> and enforced for every field by
/// <see cref="AuthorizationCheckpoint"/> before its resolver runs; the keyless HTTP endpoints call <see cref="Demand"/>.
/// Combine rules with <c>|</c>: the caller needs to satisfy one of them.
/// </summary>
public abstract class AccessRule
{
    /// <summary>What a caller needs, as a phrase for error messages and the schema's descriptions ("a community admin key").</summary>
    public abstract string Needs { get; }

    /// <summary>
    /// The verdict before the field resolves. <paramref name="field"/> gives the object the field belongs to
    /// (<c>Source</c>) and the arguments; null outside GraphQL.
    /// </summary>
    public abstract AccessVerdict Before(Caller caller, IResolveFieldContext? field);

    /// <summary>For a rule that answered <see cref="AccessVerdict.DependsOnResult"/>: whether the loaded object admits the caller.</summary>
    public virtual bool Admits(Caller caller, object? result) => false;

    /// <summary>For a rule that answered <see cref="AccessVerdict.DependsOnObject"/>: loads the object it judges and says whether it admits the caller.</summary>
    public virtual ValueTask<bool> AdmitsObjectAsync(Caller caller, IResolveFieldContext field) => ValueTask.FromResult(false);

    public static AccessRule operator |(AccessRule first, AccessRule second) => new AnyOfRule([first, second]);

    /// <summary>Refuses a caller this rule does not admit before anything is loaded, with a coded error.</summary>
    public void Demand(Caller caller)
    {
        if (Before(caller, null) != AccessVerdict.Allowed)
        {
            throw AccessDenied.For(caller, Needs);
        }
    }
}
