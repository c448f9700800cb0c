namespace CertGrid.Api.Access.Rules;

/// <summary>
/// A field's declared access: its rule, what a refused caller gets, and (for lists) which items a caller may see.
/// Stored in the field's metadata; read by <see cref="AuthorizationCheckpoint"/>.
/// </summary>
/// <param name="NotFoundWhat">For <see cref="AccessDenial.NotFound"/>: what the message names ("Credential").</param>
/// <param name="IdArgument">For <see cref="AccessDenial.NotFound"/>: the argument holding the id the message names.</param>
/// <param name="VisibleItem">For list fields: whether the caller may see an item, given the field's object and the item.</param>
public sealed record FieldAccessRule(
    AccessRule Rule,
    AccessDenial Denial = AccessDenial.Refuse,
    string? NotFoundWhat = null,
    string? IdArgument = null,
    Func<Caller, object, object, bool>? VisibleItem = null)
{
    public const string MetadataKey = "certgrid:access";

    /// <summary>True when nothing needs checking: the rule admits everyone and no item is filtered.</summary>
    public bool IsOpen => Rule is OpenRule && VisibleItem is null;
}
