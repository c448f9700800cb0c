using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Retries;

/// <summary>
/// A mutation request that carries an idempotency key, as the resolvers see it: the seed its created ids are derived
/// from (community, API key id, idempotency key), kept in <see cref="HttpContext.Items"/> while it runs.
/// </summary>
public sealed record IdempotentRequest(string Community, string RecordId, byte[] Seed)
{
    public static IdempotentRequest For(string community, string principal, string key)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{community}\n{principal}\n{key}"));
        var recordId = "idk_" + Convert.ToHexStringLower(SHA256.HashData(seed))[..40];
        return new IdempotentRequest(community, recordId, seed);
    }

    public static IdempotentRequest? Of(HttpContext? http) =>
        http?.Items.TryGetValue(typeof(IdempotentRequest), out var value) == true ? value as IdempotentRequest : null;

    public void AttachTo(HttpContext http) => http.Items[typeof(IdempotentRequest)] = this;
}
