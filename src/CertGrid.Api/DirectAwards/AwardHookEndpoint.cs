using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.DirectAwards;
using CertGrid.Api.Errors;
using CertGrid.Domain.DirectAwards;
using CertGrid.Domain.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CertGrid.Api.DirectAwards;

/// <summary>
/// <c>POST /c/{community}/hooks/award</c>: a community's system awards a credential, authenticated by an HMAC-SHA256
/// signature with the community's award hook secret (<see cref="AwardHookRequest"/>), not an API key. The answer is the
/// credential as JSON, or an RFC 9457 problem (<c>application/problem+json</c>) with a stable <c>code</c>.
/// </summary>
public static class AwardHookEndpoint
{
    public static IEndpointRouteBuilder MapAwardHook(this IEndpointRouteBuilder app)
    {
        app.MapPost(AwardHookRoute.Template, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string community, HttpRequest request, IGrainFactory grains)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        try
        {
            return await AwardAsync(community, request, grains);
        }
        catch (Exception ex) when (ClusterUnavailability.Explains(ex))
        {
            // A silo failing or storage not answering in time: the delivery can be sent again as it is (the award is idempotent).
            request.HttpContext.Response.Headers.RetryAfter = ClusterUnavailability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(AwardHookRefusal.Unavailable);
        }
    }

    private static async Task<IResult> AwardAsync(string community, HttpRequest request, IGrainFactory grains)
    {
        if (!CommunityId.IsValid(community) || await grains.GetGrain<ICommunityGrain>(community).FindAsync() is null)
        {
            return Problem(AwardHookRefusal.UnknownCommunity(community));
        }

        if (request.ContentLength > AwardHookRequest.MaxBodyBytes || await ReadBodyAsync(request) is not { } body)
        {
            return Problem(AwardHookRefusal.TooLarge);
        }

        var outcome = await grains.AwardHookReceiver(community).ReceiveAsync(
            request.Headers[WebhookSignature.SignatureHeader].FirstOrDefault(), request.Headers[AwardHookRequest.DeliveryIdHeader].FirstOrDefault(), body);
        return outcome.Credential is { } credential
            ? Results.Json(new
            {
                credentialId = credential.Id,
                url = credential.Url,
                learnerId = credential.LearnerId,
                credentialDefinitionId = credential.DefinitionId,
                status = credential.Status.ToString().ToUpperInvariant(),
                awardedThrough = credential.AwardedThrough,
                validFrom = credential.ValidFrom,
                validUntil = credential.ValidUntil,
            })
            : Problem(outcome.Refusal!);
    }

    /// <summary>The raw body, or null when it is larger than the hook accepts (a body without Content-Length is read up to the limit).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > AwardHookRequest.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Problem(AwardHookRefusal refusal) => Results.Problem(
        detail: refusal.Message,
        statusCode: refusal.Status,
        title: refusal.Code,
        type: $"urn:certgrid:problem:{refusal.Code.ToLowerInvariant().Replace('_', '-')}",
        extensions: new Dictionary<string, object?> { ["code"] = refusal.Code });
}
