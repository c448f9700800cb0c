using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// The id a row of an import gives what it creates: derived from a scope (the import) and the row's key (an email, an
/// external id), so an import resumed after a restart creates the same learner or credential under the same id (a second
/// creation meets the first, never a twin). Hashed, so the id does not reveal the key to anyone who guesses it.
/// </summary>
public static class ImportedId
{
    public static string For(string prefix, string scope, string rowKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{rowKey}"));
        var chars = new char[EntityId.RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = EntityId.Alphabet[hash[i] % EntityId.Alphabet.Length];
        }

        return $"{prefix}_{new string(chars)}";
    }
}
