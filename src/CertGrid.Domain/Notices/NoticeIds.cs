using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Notices;

/// <summary>
/// Deterministic notice ids: <c>ntc_</c> + 20 base-32 characters of SHA-256 over the community, credential,
/// kind and the expiry it refers to. The same notice produced again (a retry, a bucket processed twice, a
/// restart) has the same id, which is what makes storing and delivering it idempotent.
/// </summary>
public static class NoticeIds
{
    public const string Prefix = Tenancy.IdPrefixes.Notice;

    public static string For(string community, string credentialId, NoticeKind kind, DateTimeOffset expiresAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{community}|{credentialId}|{kind}|{expiresAt.UtcTicks}"));
        Span<char> chars = stackalloc char[EntityId.RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = EntityId.Alphabet[hash[i] & 31];
        }

        return $"{Prefix}_{chars}";
    }
}
