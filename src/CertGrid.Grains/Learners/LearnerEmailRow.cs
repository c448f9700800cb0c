using System.Security.Cryptography;
using System.Text;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Learners;

/// <summary>The claim of one email in a community: which learner holds it. The row key is the email's SHA-256, so no email is stored in it.</summary>
public sealed class LearnerEmailRow : ReadModelRow
{
    public string LearnerId { get; set; } = string.Empty;

    public static string KeyOf(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)));
}
