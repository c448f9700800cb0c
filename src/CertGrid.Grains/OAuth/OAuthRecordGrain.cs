using CertGrid.Abstractions.OAuth;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.OAuth;

/// <summary>
/// Keeps one record of the OAuth 2.0 authorization server. Optimistic versions make a concurrent second
/// redemption of one authorization code fail instead of overwriting the first; every change is stored before
/// the call returns.
/// </summary>
public sealed class OAuthRecordGrain(
    [PersistentState("oauth", StorageNames.GrainStore)] IPersistentState<OAuthRecordState> state) : Grain, IOAuthRecordGrain
{
    /// <summary>Tokens linked to one authorization at most; an authorization is one consent, refreshed a bounded number of times.</summary>
    private const int MaxLinks = 1000;

    public Task<OAuthRecord?> FindAsync() =>
        Task.FromResult(state.RecordExists ? new OAuthRecord(state.State.Json, state.State.Version, [.. state.State.Links]) : null);

    public async Task<string> PutAsync(string json, string? expectedVersion)
    {
        if (expectedVersion is null ? state.RecordExists : !state.RecordExists || state.State.Version != expectedVersion)
        {
            throw CertGridException.Conflict("The authorization server's record changed concurrently; retry the request.");
        }

        state.State.Json = json;
        state.State.Version = Guid.NewGuid().ToString("N");
        await WriteAsync();
        return state.State.Version;
    }

    public async Task DeleteAsync(string expectedVersion)
    {
        if (!state.RecordExists)
        {
            return;
        }

        if (state.State.Version != expectedVersion)
        {
            throw CertGridException.Conflict("The authorization server's record changed concurrently; retry the request.");
        }

        await state.ClearStateAsync();
    }

    public async Task LinkAsync(string id)
    {
        if (!state.RecordExists)
        {
            throw CertGridException.NotFound("OAuth record", this.GetPrimaryKeyString());
        }

        if (state.State.Links.Contains(id))
        {
            return;
        }

        if (state.State.Links.Count >= MaxLinks)
        {
            throw CertGridException.Policy($"An authorization holds at most {MaxLinks} tokens; ask the learner to authorise the client again.");
        }

        state.State.Links.Add(id);
        await WriteAsync();
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not CertGridException)
        {
            DeactivateOnIdle();
            throw new CertGridException(ErrorCode.Unavailable, "Storage did not confirm the change; try again.");
        }
    }
}
