using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Retries;

/// <summary>
/// A mutation request that carries an idempotency key, as the resolvers see it: the record of the key (community, API
/// key id, idempotency key) and the seed its created ids are derived from — the key and the request's fingerprint, so
/// the same key reused for another request after its record expired never lands on the first request's entities.
/// Kept in <see cref="HttpContext.Items"/> while it runs.
/// </summary>
public sealed record IdempotentRequest(string Community, string RecordId, byte[] Seed)
{
    public static IdempotentRequest For(string community, string principal, string key, string fingerprint)
    {
        var scope = SHA256.HashData(Encoding.UTF8.GetBytes($"{community}\n{principal}\n{key}"));
        var recordId = "idk_" + Convert.ToHexStringLower(SHA256.HashData(scope))[..40];
        var seed = SHA256.HashData([.. scope, .. Encoding.UTF8.GetBytes(fingerprint)]);
        return new IdempotentRequest(community, recordId, seed);
    }

    public static IdempotentRequest? Of(HttpContext? http) =>
        http?.Items.TryGetValue(typeof(IdempotentRequest), out var value) == true ? value as IdempotentRequest : null;

    public void AttachTo(HttpContext http) => http.Items[typeof(IdempotentRequest)] = this;
}
