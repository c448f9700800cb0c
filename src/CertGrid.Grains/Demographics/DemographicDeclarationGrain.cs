using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Demographics;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Demographics;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Demographics;

/// <summary>
/// One learner's declaration, in its own grain state (never copied to the learner's profile or read models). Audit
/// events say that the learner declared or withdrew, never what; see <see cref="IDemographicDeclarationGrain"/>.
/// </summary>
public sealed class DemographicDeclarationGrain(
    [PersistentState("demographics", StorageNames.GrainStore)] IPersistentState<DemographicDeclarationState> state)
    : DurableGrain<DemographicDeclarationState>(state), IDemographicDeclarationGrain
{
    private ScopedKey Key => ScopedKey.Parse(this.GetPrimaryKeyString());

    protected override string Community => Key.Community;

    public async Task<IReadOnlyList<DeclaredValue>> DeclareAsync(IReadOnlyList<DeclaredValue> values)
    {
        var attributes = await GrainFactory.GetGrain<IFairnessPolicyGrain>(Community).ListAttributesAsync();
        var valid = DemographicRules.Valid(values, attributes).OrderBy(v => v.Attribute, StringComparer.Ordinal).ToList();
        if (valid.Count == 0)
        {
            await WithdrawAsync();
            return valid;
        }

        // The learner notes it before the declaration is stored: whoever heard "not declared" read it before it existed.
        await GrainFactory.Learner(Community, Key.Id).NoteDeclaredAsync(LearnerDeclaration.Demographics, true);
        if (!valid.SequenceEqual(State.Values))
        {
            State.Values = valid;
            await SaveAsync(AuditEvent(Actors.Learner(Key.Id), "demographics.declared", Key.Id, new { }));
        }

        return valid;
    }

    public async Task WithdrawAsync()
    {
        await ClearAsync(Actors.Learner(Key.Id), "demographics.withdrawn");

        // After the withdrawal is stored (and again on a retry).
        await GrainFactory.Learner(Community, Key.Id).NoteDeclaredAsync(LearnerDeclaration.Demographics, false);
    }

    public Task EraseAsync() => ClearAsync(Actors.System, "demographics.erased");

    /// <summary>Removes the declaration, audited as <paramref name="action"/> without what it was; nothing when there is none.</summary>
    private async Task ClearAsync(string actor, string action)
    {
        if (State.Values.Count > 0)
        {
            State.Values = [];
            await SaveAsync(AuditEvent(actor, action, Key.Id, new { }));
        }
    }

    public Task<IReadOnlyList<DeclaredValue>> GetAsync() => Task.FromResult<IReadOnlyList<DeclaredValue>>(State.Values.ToList());
}
