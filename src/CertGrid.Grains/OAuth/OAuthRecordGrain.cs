using System.Text.Json.Nodes;
using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.OAuth;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.OAuth;

/// <summary>
/// Keeps one record of the OAuth 2.0 authorization server. Optimistic versions make a concurrent second
/// redemption of one authorization code fail instead of overwriting the first; every change is stored before
/// the call returns. An authorization or token of a community is pruned once it can serve nothing any more: a deadline
/// in the community's bucket (<see cref="IDeadlineBucketGrain"/>, one reminder per community, never one per record)
/// falls due at its expiry by the domain clock and deletes it.
/// </summary>
public sealed class OAuthRecordGrain(
    [PersistentState("oauth", StorageNames.GrainStore)] IPersistentState<OAuthRecordState> state,
    [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock) : Grain, IOAuthRecordGrain
{
    private const string PruneToken = "prune";

    /// <summary>Tokens linked to one authorization at most; an authorization is one consent, refreshed a bounded number of times.</summary>
    private const int MaxLinks = 1000;

    private const string RevokedStatus = "revoked";

    public Task<OAuthRecord?> FindAsync() =>
        Task.FromResult(state.RecordExists ? new OAuthRecord(state.State.Json, state.State.Version, [.. state.State.Links]) : null);

    public async Task<string> PutAsync(string json, string? expectedVersion, DateTimeOffset? prunableAfter = null)
    {
        if (expectedVersion is null ? state.RecordExists : !state.RecordExists || state.State.Version != expectedVersion)
        {
            throw CertGridException.Conflict("The authorization server's record changed concurrently; retry the request.");
        }

        state.State.Json = json;
        state.State.Version = Guid.NewGuid().ToString("N");
        var prune = ExtendLife(prunableAfter);
        await WriteAsync();
        await ScheduleAsync(prune);
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

    public async Task LinkAsync(string id, DateTimeOffset? prunableAfter = null)
    {
        if (!state.RecordExists)
        {
            throw CertGridException.NotFound("OAuth record", this.GetPrimaryKeyString());
        }

        if (state.State.Links.Contains(id))
        {
            if (ExtendLife(prunableAfter) is { } later)
            {
                await WriteAsync();
                await ScheduleAsync(later);
            }

            return;
        }

        if (state.State.Links.Count >= MaxLinks)
        {
            throw CertGridException.Policy($"An authorization holds at most {MaxLinks} tokens; ask the learner to authorise the client again.");
        }

        state.State.Links.Add(id);
        var prune = ExtendLife(prunableAfter);
        await WriteAsync();
        await ScheduleAsync(prune);
    }

    public async Task PruneAsync()
    {
        if (Community is not { } community)
        {
            return; // clients and reference indexes are not pruned by expiry
        }

        if (state.RecordExists && state.State.PrunableAfter is { } at && clock.GetUtcNow() < at)
        {
            await ScheduleAsync(at); // its life was extended since this deadline was set
            return;
        }

        if (state.RecordExists && JsonNode.Parse(state.State.Json) is JsonObject record)
        {
            // A reference token (an authorization code) is found through an index of its own; an authorization is listed on its learner.
            if (record["referenceId"]?.GetValue<string>() is { } reference && await GrainFactory.OAuthReference(reference).FindAsync() is { } index)
            {
                await GrainFactory.OAuthReference(reference).DeleteAsync(index.Version);
            }

            var key = ScopedKey.Parse(this.GetPrimaryKeyString());
            if (EntityId.IsValid(key.Id, IdPrefixes.OAuthAuthorization) && record["subject"]?.GetValue<string>() is { } subject && subject.StartsWith(key.Community + "/", StringComparison.Ordinal))
            {
                await GrainFactory.LearnerOAuthGrants(key.Community, subject[(key.Community.Length + 1)..]).ForgetAsync($"{key.Community}.{key.Id}");
            }

            await state.ClearStateAsync();
        }

        await GrainFactory.GetGrain<IDeadlineBucketGrain>(community).CancelAsync(DeadlineKind.OAuthRecordExpires, this.GetPrimaryKeyString(), PruneToken);
    }

    /// <summary>The community of an authorization or token; null for a client or a reference index, which are platform-wide.</summary>
    private string? Community => this.GetPrimaryKeyString() is var key && key.Contains('/', StringComparison.Ordinal) ? ScopedKey.Parse(key).Community : null;

    /// <summary>Moves the instant the record may be pruned later (never earlier); returns it when it moved.</summary>
    private DateTimeOffset? ExtendLife(DateTimeOffset? prunableAfter)
    {
        if (prunableAfter is not { } at || Community is null || state.State.PrunableAfter >= at)
        {
            return null;
        }

        state.State.PrunableAfter = at;
        return at;
    }

    private async Task ScheduleAsync(DateTimeOffset? at)
    {
        if (at is { } due && Community is { } community)
        {
            await GrainFactory.GetGrain<IDeadlineBucketGrain>(community)
                .ScheduleAsync(new ScheduledDeadline(DeadlineKind.OAuthRecordExpires, this.GetPrimaryKeyString(), PruneToken, due));
        }
    }

    public async Task<IReadOnlyList<string>> RevokeAsync()
    {
        if (!state.RecordExists)
        {
            return [];
        }

        // The authorization server's stores write records as camel-case JSON; "revoked" is OpenIddict's revoked status.
        var record = JsonNode.Parse(state.State.Json) as JsonObject
            ?? throw new InvalidOperationException($"OAuth record '{this.GetPrimaryKeyString()}' is not a JSON object.");
        if (record["status"]?.GetValue<string>() != RevokedStatus)
        {
            record["status"] = RevokedStatus;
            state.State.Json = record.ToJsonString();
            state.State.Version = Guid.NewGuid().ToString("N");
            await WriteAsync();
        }

        return [.. state.State.Links];
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
