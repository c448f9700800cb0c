using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Identity;

/// <summary>
/// The id (<c>idn_…</c>) of a person's sign-in identity in a community: derived from the issuer and the provider's
/// subject, so the same person signing in through any gateway reaches the same link, and nothing else can.
/// </summary>
public static class ExternalIdentityId
{
    public static string For(string issuer, string subject)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}\n{subject}"));
        var chars = new char[EntityId.RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = EntityId.Alphabet[hash[i] % EntityId.Alphabet.Length];
        }

        return $"{IdPrefixes.ExternalIdentity}_{new string(chars)}";
    }
}
