using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.DirectAwards;

namespace CertGrid.Abstractions.DirectAwards;

/// <summary>
/// Receives award webhook deliveries for a community: checks the signature and its timestamp, refuses a delivery id it
/// accepted before, reads the award from the body and awards it as the mutation does. Key: <c>{community}</c>.
/// </summary>
public interface IAwardHookReceiverGrain : IGrainWithStringKey
{
    /// <summary>The credential awarded (or awarded before under the same external id), or why the delivery was refused; a refused delivery changes nothing.</summary>
    Task<AwardHookOutcome> ReceiveAsync(string? signatureHeader, string? deliveryId, byte[] body);
}

/// <summary>What a delivery came to: exactly one of the credential and the refusal.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.award-hook-outcome")]
public sealed record AwardHookOutcome([property: Id(0)] IssuedCredential? Credential, [property: Id(1)] AwardHookRefusal? Refusal);
