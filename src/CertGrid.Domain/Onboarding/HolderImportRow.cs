namespace CertGrid.Domain.Onboarding;

/// <summary>
/// One credential earned before CertGrid, checked: the holder's (lower-case) email, the credential definition, the day it
/// was earned and the id it had in the system it comes from (optional). <see cref="RowKey"/> identifies the row across
/// imports: the external id when there is one, else holder, credential and day.
/// </summary>
public sealed record HolderImportRow(long Line, string Email, string DefinitionId, DateOnly EarnedOn, string? ExternalId)
{
    public string RowKey => ExternalId is { } id ? $"external:{id}" : $"{Email}|{DefinitionId}|{EarnedOn:yyyy-MM-dd}";
}
