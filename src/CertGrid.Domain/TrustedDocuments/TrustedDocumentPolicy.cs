namespace CertGrid.Domain.TrustedDocuments;

/// <summary>
/// Who may only send registered documents: every key of the community but its admins' (<see cref="Community"/>), so
/// an admin can always change the policy, and the listed keys (admin keys too).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.trusted-document-policy")]
public sealed record TrustedDocumentPolicy(
    [property: Id(0)] bool Community,
    [property: Id(1)] IReadOnlyList<string> KeyIds)
{
    public static TrustedDocumentPolicy Open { get; } = new(false, []);

    /// <summary>Whether a request with this key must name a registered document.</summary>
    public bool Requires(string? keyId, bool isAdminKey) => (Community && !isAdminKey) || (keyId is not null && KeyIds.Contains(keyId));
}
