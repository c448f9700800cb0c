using CertGrid.Domain.Errors;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Talent;

/// <summary>
/// A partner's talent search: every filter left out matches everything. A holder matches when one of their consented
/// credentials passes the credential filters (definition, tier, competency at a minimum level, valid for N more days)
/// and their shown attributes pass language and region. Holders who did not show a language or region never match a
/// filter on it.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.talent-query")]
public sealed record TalentQuery(
    [property: Id(0)] string? DefinitionId = null,
    [property: Id(1)] string? CompetencyCode = null,
    [property: Id(2)] int MinimumPercent = 0,
    [property: Id(3)] CredentialTier? Tier = null,
    [property: Id(4)] int ValidForDays = 0,
    [property: Id(5)] string? Language = null,
    [property: Id(6)] string? Region = null)
{
    public static TalentQuery Validate(TalentQuery query) => new(
        query.DefinitionId is null ? null : EntityId.Require(query.DefinitionId, IdPrefixes.CredentialDefinition, "filter.credentialDefinitionId"),
        query.CompetencyCode is null ? null : InputRules.RequireText(query.CompetencyCode, "filter.competencyCode", 40),
        InputRules.RequireRange(query.MinimumPercent, "filter.minimumLevelPercent", 0, 100),
        query.Tier,
        InputRules.RequireRange(query.ValidForDays, "filter.validForDays", 0, 3650),
        query.Language is null ? null : InputRules.RequireText(query.Language, "filter.language", 20).ToLowerInvariant(),
        query.Region is null ? null : InputRules.RequireText(query.Region, "filter.region", 100));
}
