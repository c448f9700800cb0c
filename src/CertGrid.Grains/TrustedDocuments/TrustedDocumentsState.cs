using CertGrid.Domain.TrustedDocuments;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.TrustedDocuments;

[GenerateSerializer, Alias("certgrid.state.trusted-documents")]
public sealed class TrustedDocumentsState : DurableState
{
    /// <summary>Registered documents by the hex SHA-256 of their text.</summary>
    [Id(0)] public Dictionary<string, TrustedDocument> Documents { get; set; } = [];

    [Id(1)] public bool RequiredForCommunity { get; set; }

    [Id(2)] public List<string> RequiredForKeys { get; set; } = [];
}
