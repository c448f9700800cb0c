using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// A community's signing keys. The private key is encrypted with ASP.NET Core Data Protection before it is
/// stored, decrypted only in this activation's memory, and never returned or logged: callers get signatures.
/// </summary>
public sealed class IssuerGrain(
    [PersistentState("issuer", StorageNames.GrainStore)] IPersistentState<IssuerState> state,
    IDataProtectionProvider dataProtection)
    : DurableGrain<IssuerState>(state), IIssuerGrain
{
    /// <summary>The Data Protection purpose of signing keys; changing it makes every stored key unreadable.</summary>
    public const string ProtectionPurpose = "CertGrid.Credentials.SigningKeys.v1";

    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectionPurpose);
    private (string KeyId, SigningCredentials Credentials)? _signer;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<SignedToken> SignJwtAsync(string payloadJson)
    {
        var signer = await GetSignerAsync();
        var jwt = Tokens.CreateToken(payloadJson, signer.Credentials);
        return new SignedToken(jwt, signer.KeyId);
    }

    public Task<IReadOnlyList<PublicSigningKey>> GetPublicKeysAsync()
    {
        IReadOnlyList<PublicSigningKey> keys = State.Keys
            .Select(k => new PublicSigningKey(k.KeyId, k.Algorithm.ToString(), k.PublicJwkJson, k.CreatedAt, k.Active))
            .ToList();
        return Task.FromResult(keys);
    }

    private async Task<(string KeyId, SigningCredentials Credentials)> GetSignerAsync()
    {
        if (_signer is { } cached)
        {
            return cached;
        }

        var active = State.Keys.FirstOrDefault(k => k.Active) ?? await CreateKeyAsync(SigningAlgorithm.ES256);
        var pkcs8 = _protector.Unprotect(Convert.FromBase64String(active.ProtectedPrivateKey));
        var key = SigningKeyMaterial.PrivateSecurityKey(active.Algorithm, pkcs8, active.KeyId);
        Array.Clear(pkcs8);
        _signer = (active.KeyId, new SigningCredentials(key, SigningKeyMaterial.JwsAlgorithm(active.Algorithm)));
        return _signer.Value;
    }

    private async Task<SigningKeyRecord> CreateKeyAsync(SigningAlgorithm algorithm)
    {
        var (keyId, publicJwk, pkcs8) = SigningKeyMaterial.Generate(algorithm);
        var record = new SigningKeyRecord
        {
            KeyId = keyId,
            Algorithm = algorithm,
            PublicJwkJson = publicJwk,
            ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(pkcs8)),
            CreatedAt = Now,
            Active = true,
        };
        Array.Clear(pkcs8);
        State.Keys.Add(record);
        await SaveAsync(AuditEvent(Actors.System, "signingkey.created", keyId, new { algorithm = algorithm.ToString() }));
        return record;
    }
}
