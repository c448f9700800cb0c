using Microsoft.AspNetCore.DataProtection;

namespace CertGrid.Api.Talent;

/// <summary>
/// The opaque handle a partner contacts a holder by: the community and learner, protected with the cluster's Data
/// Protection key ring (every gateway reads it), randomised on each search, so it names nobody and links nothing.
/// </summary>
public sealed class TalentHandles(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CertGrid.Talent.Handle.v1");

    public string For(string community, string learnerId) => _protector.Protect($"{community}/{learnerId}");

    /// <summary>The community and learner a handle names; NOT_FOUND for anything this cluster did not hand out.</summary>
    public (string Community, string LearnerId) Open(string handle)
    {
        try
        {
            var parts = _protector.Unprotect(handle).Split('/');
            return (parts[0], parts[1]);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            throw CertGridException.NotFound("Talent", "handle");
        }
    }
}
