using System.Text.Json;
using CertGrid.Abstractions.OAuth;
using OpenIddict.Abstractions;

namespace CertGrid.Api.OAuth;

/// <summary>
/// Reads and writes the authorization server's records through their grains, as JSON, translating a version
/// conflict into OpenIddict's concurrency exception so a second redemption of a code fails cleanly.
/// </summary>
public static class OAuthRecordStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async ValueTask<T?> FindAsync<T>(IOAuthRecordGrain grain)
        where T : OAuthEntity
    {
        if (await grain.FindAsync() is not { } record)
        {
            return null;
        }

        var entity = JsonSerializer.Deserialize<T>(record.Json, Json)!;
        entity.Version = record.Version;
        return entity;
    }

    public static async ValueTask<IReadOnlyList<string>> LinksAsync(IOAuthRecordGrain grain) =>
        await grain.FindAsync() is { } record ? record.Links : [];

    /// <summary>Stores the entity; an authorization or token is pruned after <paramref name="prunableAfter"/> (its expiry).</summary>
    public static async ValueTask SaveAsync<T>(IOAuthRecordGrain grain, T entity, DateTimeOffset? prunableAfter = null)
        where T : OAuthEntity
    {
        try
        {
            entity.Version = await grain.PutAsync(JsonSerializer.Serialize(entity, Json), entity.Version, prunableAfter);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
        {
            throw new OpenIddictExceptions.ConcurrencyException(ex.Message, ex);
        }
    }

    public static async ValueTask DeleteAsync<T>(IOAuthRecordGrain grain, T entity)
        where T : OAuthEntity
    {
        try
        {
            await grain.DeleteAsync(entity.Version ?? string.Empty);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
        {
            throw new OpenIddictExceptions.ConcurrencyException(ex.Message, ex);
        }
    }
}
