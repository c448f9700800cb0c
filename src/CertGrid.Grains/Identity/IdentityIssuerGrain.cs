using CertGrid.Abstractions.Identity;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Identity;

/// <summary>
/// Which community accepts one issuer's tokens for which audience. A platform-level index with no effects of its own:
/// each change is one storage write, acknowledged once stored; a failed write discards the activation so the next
/// call reloads what is stored.
/// </summary>
public sealed class IdentityIssuerGrain(
    [PersistentState("identityissuer", StorageNames.GrainStore)] IPersistentState<IdentityIssuerState> state)
    : Grain, IIdentityIssuerGrain
{
    public async Task ClaimAsync(string audience, string community)
    {
        if (state.State.Communities.TryGetValue(audience, out var holder))
        {
            if (holder == community)
            {
                return;
            }

            throw CertGridException.Conflict($"Another community already accepts tokens of '{this.GetPrimaryKeyString()}' for the audience '{audience}'; register a separate API resource (audience) for CertGrid at your provider.");
        }

        state.State.Communities[audience] = community;
        await WriteAsync();
    }

    public async Task ReleaseAsync(string audience, string community)
    {
        if (state.State.Communities.TryGetValue(audience, out var holder) && holder == community)
        {
            state.State.Communities.Remove(audience);
            await WriteAsync();
        }
    }

    public Task<string?> FindCommunityAsync(IReadOnlyList<string> audiences) =>
        Task.FromResult(audiences.Select(a => state.State.Communities.GetValueOrDefault(a)).FirstOrDefault(c => c is not null));

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not CertGridException)
        {
            DeactivateOnIdle();
            throw new CertGridException(ErrorCode.Unavailable, "Storage did not take the identity provider's registration; nothing changed. Try again.");
        }
    }
}
