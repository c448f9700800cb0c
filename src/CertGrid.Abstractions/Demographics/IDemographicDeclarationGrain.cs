using CertGrid.Domain.Demographics;

namespace CertGrid.Abstractions.Demographics;

/// <summary>
/// What one learner chose to declare about themselves (self-service, withdrawable), kept apart from everything else:
/// not in the learner's profile, read models, audit payloads or partner types. Only the learner reads it (the API
/// admits no other caller); program analytics reads it when counting the learner's decided attempts, and only
/// aggregates leave. Key: <c>{community}/{learnerId}</c>.
/// </summary>
public interface IDemographicDeclarationGrain : IGrainWithStringKey
{
    /// <summary>Replaces the declaration with these values (each checked against the community's attributes). An empty list declares nothing.</summary>
    Task<IReadOnlyList<DeclaredValue>> DeclareAsync(IReadOnlyList<DeclaredValue> values);

    /// <summary>Removes the whole declaration: later decisions are counted without it.</summary>
    Task WithdrawAsync();

    [ReadOnly]
    Task<IReadOnlyList<DeclaredValue>> GetAsync();
}
