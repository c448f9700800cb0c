using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Consents;

/// <summary>
/// What a learner lets partners find them by and see: the credentials (by id) and competencies (by code) they can be
/// found for, and which attributes a match shows. Nothing else about them reaches a partner.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.discoverable-terms")]
public sealed record DiscoverableTerms(
    [property: Id(0)] IReadOnlyList<string> CredentialIds,
    [property: Id(1)] IReadOnlyList<string> CompetencyCodes,
    [property: Id(2)] bool ShowName,
    [property: Id(3)] string? Region,
    [property: Id(4)] IReadOnlyList<string> Languages,
    [property: Id(5)] bool AllowContact)
{
    public const int MaxItems = 50;

    /// <summary>Checks the terms a learner submitted: ids well formed, at most <see cref="MaxItems"/> of each, something to be found for.</summary>
    public static DiscoverableTerms Validate(DiscoverableTerms terms)
    {
        var credentials = InputRules.RequireCount(terms.CredentialIds ?? [], "input.credentialIds", 0, MaxItems)
            .Select((id, i) => EntityId.Require(id, IdPrefixes.Credential, $"input.credentialIds[{i}]")).Distinct(StringComparer.Ordinal).ToList();
        var competencies = InputRules.RequireCount(terms.CompetencyCodes ?? [], "input.competencyCodes", 0, MaxItems)
            .Select((c, i) => InputRules.RequireText(c, $"input.competencyCodes[{i}]", 40)).Distinct(StringComparer.Ordinal).ToList();
        if (credentials.Count + competencies.Count == 0)
        {
            throw CertGridException.Invalid("input", "Name at least one credential or competency to be found for.");
        }

        var languages = InputRules.RequireCount(terms.Languages ?? [], "input.languages", 0, 10)
            .Select((l, i) => InputRules.RequireText(l, $"input.languages[{i}]", 20).ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var region = InputRules.OptionalText(terms.Region, "input.region", 100);
        return new DiscoverableTerms(credentials, competencies, terms.ShowName, region, languages, terms.AllowContact);
    }
}
