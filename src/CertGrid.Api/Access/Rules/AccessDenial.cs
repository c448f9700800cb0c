namespace CertGrid.Api.Access.Rules;

/// <summary>What a refused caller gets from a field.</summary>
public enum AccessDenial
{
    /// <summary>A coded error: UNAUTHENTICATED without a key, FORBIDDEN otherwise.</summary>
    Refuse,

    /// <summary>Null, as if the field had no value (a nested detail only some readers of its object may see).</summary>
    Hide,

    /// <summary>NOT_FOUND for the community's own keys, as if the object did not exist (drafts before they are published); callers without a community key are refused.</summary>
    NotFound,
}
