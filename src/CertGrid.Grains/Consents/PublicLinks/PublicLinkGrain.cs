using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Consents.PublicLinks;

/// <summary>One public link: open to a credential until closed. The public page asks it on every request.</summary>
public sealed class PublicLinkGrain(
    [PersistentState("public-link", StorageNames.GrainStore)] IPersistentState<PublicLinkState> state)
    : DurableGrain<PublicLinkState>(state), IPublicLinkGrain
{
    protected override string Community => ScopedKey.Parse(this.GetPrimaryKeyString()).Community;

    public async Task OpenAsync(PublicLinkTarget target)
    {
        if (State.Target == target && !State.Closed)
        {
            return;
        }

        if (State.Target is not null || State.Closed)
        {
            throw CertGridException.Conflict("This public link was used before; create a new one.");
        }

        State.Target = target;
        await SaveAsync();
    }

    public async Task CloseAsync()
    {
        if (State.Closed)
        {
            return;
        }

        State.Closed = true;
        await SaveAsync();
    }

    public Task<PublicLinkTarget?> ResolveAsync() => Task.FromResult(State.Closed ? null : State.Target);
}
