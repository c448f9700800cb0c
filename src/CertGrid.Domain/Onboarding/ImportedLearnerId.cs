using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// The id a learner gets from an import: derived from the import and the learner's email, so an import resumed after a
/// restart enrols the same learner under the same id (a second enrolment is a conflict, never a twin). Keyed by the
/// import, so the id does not reveal the email to anyone who guesses it.
/// </summary>
public static class ImportedLearnerId
{
    public static string For(string importId, string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{importId}\n{email}"));
        var chars = new char[EntityId.RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = EntityId.Alphabet[hash[i] % EntityId.Alphabet.Length];
        }

        return $"{IdPrefixes.Learner}_{new string(chars)}";
    }
}
