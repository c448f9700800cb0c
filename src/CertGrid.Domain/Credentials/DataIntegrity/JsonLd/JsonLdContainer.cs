namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>The container mappings CertGrid's JSON-LD processor supports (others are refused).</summary>
[Flags]
public enum JsonLdContainer
{
    None = 0,
    Set = 1,
    List = 2,
    Graph = 4,
}
