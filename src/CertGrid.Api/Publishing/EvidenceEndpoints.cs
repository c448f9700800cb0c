using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CertGrid.Api.Publishing;

/// <summary>
/// The evidence links inside credentials. A link opens (a redirect to a short-lived read URL of the exact
/// version cited) for anyone when the learner made the artifact public, and otherwise only for the learner
/// and the community's admins, with their key.
/// </summary>
public static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicRoutes.EvidenceTemplate, async (string community, string credentialId, string artifactId, HttpRequest request,
            IGrainFactory grains, ApiKeyAuthenticator authenticator) =>
        {
            try
            {
                if (!CommunityId.IsValid(community) || !EntityId.IsValid(credentialId, IdPrefixes.Credential)
                    || await grains.Credential(community, credentialId).FindAsync() is not { } credential
                    || CitedVersion(credential, artifactId) is not { } version)
                {
                    return PublicResults.NotFound("evidence");
                }

                var caller = await authenticator.AuthenticateAsync(request);
                var privileged = caller.Community == community && (caller.IsAdmin || caller.IsLearner(credential.LearnerId));
                var url = await grains.Learner(community, credential.LearnerId)
                    .OpenEvidenceAsync(artifactId, version, privileged);
                return Results.Redirect(url.ToString());
            }
            catch (CertGridException ex)
            {
                return PublicResults.From(ex);
            }
        });

        return app;
    }

    private static int? CitedVersion(IssuedCredential credential, string artifactId) =>
        credential.Evidence?.FirstOrDefault(e => e.ArtifactId == artifactId)?.Version.Version;
}
