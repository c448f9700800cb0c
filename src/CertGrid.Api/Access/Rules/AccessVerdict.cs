namespace CertGrid.Api.Access.Rules;

/// <summary>What a rule says about a caller before a field resolves.</summary>
public enum AccessVerdict
{
    Denied,
    Allowed,

    /// <summary>Only the object the field returns can tell (its holder, its panel, whether it is published): checked after the resolver.</summary>
    DependsOnResult,

    /// <summary>Only an object the rule loads can tell (the resource a mutation changes, the credential a policy belongs to): checked before the resolver.</summary>
    DependsOnObject,
}
