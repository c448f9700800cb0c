namespace CertGrid.Domain.Credentials.StatusLists;

/// <summary>Where a credential's status lives: one index in one numbered list of a purpose.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.status-list-entry")]
public sealed record StatusListEntry(
    [property: Id(0)] StatusPurpose Purpose,
    [property: Id(1)] int ListNumber,
    [property: Id(2)] int Index);
