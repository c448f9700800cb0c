using Azure;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.DirectAwards;
using CertGrid.Domain.Audit;
using CertGrid.Domain.DirectAwards;
using CertGrid.Abstractions.Hosting;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.DirectAwards;

/// <summary>
/// Receives award webhook deliveries for a community, in this order: a delivery id, a signature made with the community's
/// secret, a timestamp within the tolerance, a delivery id not accepted before, a body that is an award, and then the
/// award itself (the same grain call as the <c>awardCredential</c> mutation). Every refusal before the award changes
/// nothing; a refused award changes nothing either (the credential grain checks before it writes). Stateless: many
/// deliveries of one community are received at once.
/// </summary>
[StatelessWorker]
public sealed class AwardHookReceiverGrain(
    [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock, StorageClients storage, ILogger<AwardHookReceiverGrain> logger)
    : Grain, IAwardHookReceiverGrain
{
    public async Task<AwardHookOutcome> ReceiveAsync(string? signatureHeader, string? deliveryId, byte[] body)
    {
        var community = this.GetPrimaryKeyString();
        if (body.Length > AwardHookRequest.MaxBodyBytes)
        {
            return Refused(AwardHookRefusal.TooLarge);
        }

        if (!AwardHookRequest.IsValidDeliveryId(deliveryId))
        {
            return Refused(AwardHookRefusal.BadDeliveryId);
        }

        var check = await GrainFactory.AwardHook(community).VerifyAsync(signatureHeader, AwardHookRequest.SignedContent(deliveryId!, body));
        if (check != AwardHookCheck.Valid)
        {
            return Refused(check switch
            {
                AwardHookCheck.NotEnabled => AwardHookRefusal.NotEnabled,
                AwardHookCheck.Stale => AwardHookRefusal.StaleTimestamp,
                _ => AwardHookRefusal.BadSignature,
            });
        }

        var deliveries = new AwardHookDeliveryLog(storage);
        try
        {
            if (await deliveries.AcceptedAsync(community, deliveryId!, clock.GetUtcNow()))
            {
                return Refused(AwardHookRefusal.Replayed);
            }
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Award hook of {Community}: the delivery log did not answer for {DeliveryId}", community, deliveryId);
            return Refused(AwardHookRefusal.Unavailable);
        }

        if (AwardHookRequest.ReadBody(body, out var problem) is not { } award)
        {
            return Refused(AwardHookRefusal.MalformedPayload(problem!));
        }

        try
        {
            var valid = DirectAwardRules.Validate(award);
            var credential = await GrainFactory.Credential(community, DirectAwardIdentity.CredentialId(community, valid.ExternalId))
                .AwardDirectlyAsync(valid, Actors.AwardHook(deliveryId!));
            await RememberAsync(deliveries, community, deliveryId!, credential.Id);
            return new AwardHookOutcome(credential, null);
        }
        catch (CertGridException ex) when (ex.Code is not ErrorCode.Internal)
        {
            return Refused(new AwardHookRefusal(ex.Code.ToWireCode(), StatusOf(ex.Code), ex.Message));
        }
    }

    /// <summary>
    /// Remembers the accepted delivery. The award is stored by then, so a delivery log that does not answer does not fail it:
    /// a replay of this one delivery would only meet the same award again (answered with the same credential).
    /// </summary>
    private async Task RememberAsync(AwardHookDeliveryLog deliveries, string community, string deliveryId, string credentialId)
    {
        try
        {
            await deliveries.RememberAsync(community, deliveryId, credentialId, clock.GetUtcNow());
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Award hook of {Community}: delivery {DeliveryId} ({CredentialId}) was not remembered", community, deliveryId, credentialId);
        }
    }

    private static AwardHookOutcome Refused(AwardHookRefusal refusal) => new(null, refusal);

    private static int StatusOf(ErrorCode code) => code switch
    {
        ErrorCode.NotFound => 404,
        ErrorCode.Conflict => 409,
        ErrorCode.PolicyViolation => 403,
        ErrorCode.RateLimited => 429,
        ErrorCode.Unavailable => 503,
        ErrorCode.Forbidden => 403,
        _ => 400,
    };
}
