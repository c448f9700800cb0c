namespace CertGrid.Grains.Identity;

[GenerateSerializer, Alias("certgrid.state.identity-issuer")]
public sealed class IdentityIssuerState
{
    /// <summary>Audience → the community that accepts this issuer's tokens for it.</summary>
    [Id(0)] public Dictionary<string, string> Communities { get; set; } = new(StringComparer.Ordinal);
}
