using CertGrid.Domain.Demographics;

namespace CertGrid.Abstractions.Demographics;

/// <summary>
/// What one learner chose to declare about themselves (self-service, withdrawable), kept apart from everything else:
/// not in the learner's profile, read models, audit payloads or partner types. Only the learner reads it (the API
/// admits no other caller, and the learner's data export holds it); program analytics reads it when counting the
/// learner's decided attempts, and only aggregates leave. The learner's erasure erases it. Key: <c>{community}/{learnerId}</c>.
/// </summary>
public interface IDemographicDeclarationGrain : IGrainWithStringKey
{
    /// <summary>Replaces the declaration with these values (each checked against the community's attributes). An empty list withdraws it.</summary>
    Task<IReadOnlyList<DeclaredValue>> DeclareAsync(IReadOnlyList<DeclaredValue> values);

    /// <summary>Removes the whole declaration: later decisions are counted without it.</summary>
    Task WithdrawAsync();

    /// <summary>The learner was erased: the declaration goes (audited as erased, never what it was). Idempotent.</summary>
    Task EraseAsync();

    [ReadOnly]
    Task<IReadOnlyList<DeclaredValue>> GetAsync();
}
