using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials.Badges;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CertGrid.Api.Publishing;

/// <summary>
/// Badge images: each published achievement's image (SVG or PNG), and each credential baked into its badge
/// (Open Badges 3.0 baking: the VC-JWT inside the SVG or PNG), so the picture alone is verifiable.
/// </summary>
public static class BadgeEndpoints
{
    public static IEndpointRouteBuilder MapBadgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicRoutes.AchievementImageTemplate, async (string community, string definitionId, string format, IGrainFactory grains) =>
        {
            var definition = await PublishedDefinitionAsync(grains, community, definitionId);
            return definition is null || !IsFormat(format)
                ? PublicResults.NotFound("achievement image")
                : Image(format, BadgeSvg.Render(definition.Name, definition.Tier, await IssuerNameAsync(grains, community)), BadgePng.Render(definition.Tier), 86400);
        });

        app.MapGet(PublicRoutes.BakedBadgeTemplate, async (string community, string credentialId, string format, IGrainFactory grains) =>
        {
            if (!IsFormat(format) || !CommunityId.IsValid(community) || !EntityId.IsValid(credentialId, IdPrefixes.Credential)
                || await grains.Credential(community, credentialId).FindAsync() is not { } credential)
            {
                return PublicResults.NotFound("credential");
            }

            var svg = BadgeSvg.Bake(BadgeSvg.Render(credential.AchievementName, credential.Tier, credential.IssuerName), credential.Jwt);
            return Image(format, svg, BadgePng.Bake(BadgePng.Render(credential.Tier), credential.Jwt), 60);
        });

        return app;
    }

    private static bool IsFormat(string format) => format is "svg" or "png";

    private static CacheControlResult Image(string format, string svg, byte[] png, int maxAgeSeconds) => format == "svg"
        ? new CacheControlResult(Results.Text(svg, "image/svg+xml"), $"public, max-age={maxAgeSeconds}")
        : new CacheControlResult(Results.Bytes(png, "image/png"), $"public, max-age={maxAgeSeconds}");

    private static async Task<CredentialDefinitionInfo?> PublishedDefinitionAsync(IGrainFactory grains, string community, string definitionId)
    {
        if (!CommunityId.IsValid(community) || !EntityId.IsValid(definitionId, IdPrefixes.CredentialDefinition))
        {
            return null;
        }

        try
        {
            var definition = await grains.CredentialDefinition(community, definitionId).GetAsync();
            return definition.Status == PublicationStatus.Published ? definition : null;
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<string> IssuerNameAsync(IGrainFactory grains, string community) =>
        (await grains.GetGrain<Abstractions.Communities.ICommunityGrain>(community).FindAsync())?.Name ?? community;
}
