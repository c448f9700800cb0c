using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Credentials;
using CertGrid.Api.Languages;
using CertGrid.Domain.Languages;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// Gathers the verification page of one credential: the credential, every check made now (through the same
/// <see cref="VerificationCache"/> as <c>/verify</c>, which never reuses a verdict past a status change), the issuer,
/// the achievement in the reader's language, and only what the holder made public. Independent reads run together.
/// </summary>
public sealed class CredentialPageLoader(IGrainFactory grains, PublicRoutes routes, VerificationCache verification, IServiceProvider services)
{
    private readonly TimeProvider _clock = services.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;

    public async Task<CredentialPageModel?> LoadAsync(string community, string credentialId, string? acceptLanguage)
    {
        if (!CommunityId.IsValid(community) || !EntityId.IsValid(credentialId, IdPrefixes.Credential)
            || await grains.Credential(community, credentialId).FindAsync() is not { } credential)
        {
            return null;
        }

        var learner = grains.Learner(community, credential.LearnerId);
        var checks = verification.VerifyReusableAsync(credential.Url);
        var issuer = grains.GetGrain<ICommunityGrain>(community).GetAsync();
        var definition = FindDefinitionAsync(community, credential.DefinitionId);
        var profile = learner.FindAsync();
        var portfolio = learner.GetPortfolioAsync();
        await Task.WhenAll(checks, issuer, definition, profile, portfolio);

        var language = new LanguageChoice(LanguagePreference.ParseAcceptLanguage(acceptLanguage), (await issuer).DefaultLanguage);
        var original = await definition;
        var localized = original is null ? null : language.Localize(original);
        var publicArtifacts = (await portfolio).Where(a => a.Public).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var cited = credential.Evidence ?? [];
        var holder = await profile is { PublicProfileUrl: { } url } person ? new PublicHolder(person.Name, url) : null;
        var achievementName = localized?.Name ?? credential.AchievementName;
        return new CredentialPageModel(
            credential,
            (await checks).Result,
            _clock.GetUtcNow(),
            await issuer,
            achievementName,
            localized?.Description ?? string.Empty,
            localized?.CriteriaNarrative ?? string.Empty,
            Rubric(credential, original, localized),
            holder,
            [.. cited.Where(e => publicArtifacts.Contains(e.ArtifactId)).Select(e => new PublicEvidence(e.Title, routes.Evidence(community, credential.Id, e.ArtifactId)))],
            cited.Count(e => !publicArtifacts.Contains(e.ArtifactId)),
            language.Served(CredentialPageText.Available),
            new CredentialPageLinks(
                routes.CredentialPage(community, credential.Id),
                $"{credential.Url}?format=jwt",
                $"{credential.Url}?format=json",
                routes.BakedBadge(community, credential.Id, "png"),
                routes.BakedBadge(community, credential.Id, "svg"),
                LinkedInCertification.AddToProfileUrl(achievementName, credential.IssuerName, credential.ValidFrom, credential.ValidUntil, credential.Id, credential.Url)),
            (await checks).ReusableUntil);
    }

    private async Task<CredentialDefinitionInfo?> FindDefinitionAsync(string community, string definitionId)
    {
        try
        {
            return await grains.CredentialDefinition(community, definitionId).GetAsync();
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Each criterion with the level reached, named in the reader's language (the rubric as the definition holds it now).</summary>
    private static List<RubricOutcome> Rubric(IssuedCredential credential, CredentialDefinitionInfo? original, CredentialDefinitionInfo? localized)
    {
        if (original is null || localized is null)
        {
            return [.. (credential.Results ?? []).Select(r => new RubricOutcome(r.CriterionCode, r.Level, []))];
        }

        return [.. original.Rubric.Criteria.Zip(localized.Rubric.Criteria).Select(pair =>
        {
            var reached = credential.Results?.FirstOrDefault(r => r.CriterionCode == pair.First.Code)?.Level;
            var index = pair.First.Levels.ToList().FindIndex(l => l.Name == reached);
            return new RubricOutcome(pair.Second.Name, index < 0 ? reached : pair.Second.Levels[index].Name, [.. pair.Second.Levels.Select(l => l.Name)]);
        })];
    }
}
