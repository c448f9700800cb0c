using CertGrid.Domain.Credentials;

namespace CertGrid.Abstractions.Credentials;

/// <summary>
/// Verifies a credential presented as a VC-JWT or as its id URL, for anyone, without a key. A stateless
/// worker on every silo: signatures are checked once and remembered, status is read fresh every time.
/// Key: 0.
/// </summary>
public interface ICredentialVerifierGrain : IGrainWithIntegerKey
{
    Task<VerificationResult> VerifyAsync(string credential);
}
