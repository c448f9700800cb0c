using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Credentials.Keys;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// A community's signing keys: one active key signs, rotated keys stay published, compromised keys are
/// withdrawn. Private keys are kept in the <see cref="ISigningKeyVault"/>, decrypted only in this
/// activation's memory, and never returned or logged: callers get signatures.
/// </summary>
public sealed partial class IssuerGrain(
    [PersistentState("issuer", StorageNames.GrainStore)] IPersistentState<IssuerState> state,
    ISigningKeyVault vault,
    VerificationEpoch verificationEpoch,
    PublicRoutes routes)
    : DurableGrain<IssuerState>(state), IIssuerGrain
{
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private (string KeyId, SigningCredentials Credentials)? _signer;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<SignedToken> SignJwtAsync(string payloadJson)
    {
        var signer = await GetSignerAsync();
        return new SignedToken(Tokens.CreateToken(payloadJson, signer.Credentials), signer.KeyId);
    }

    public Task<IReadOnlyList<PublicSigningKey>> GetPublicKeysAsync() =>
        Task.FromResult<IReadOnlyList<PublicSigningKey>>(State.Keys.Select(ToPublic).ToList());

    public async Task<PublicSigningKey> RotateAsync(SigningAlgorithm algorithm, string actor)
    {
        if (!Enum.IsDefined(algorithm))
        {
            throw CertGridException.Invalid("algorithm", "'algorithm' must be ES256 or RS256.");
        }

        var key = await AddKeyAsync(algorithm, "rotation");
        return await SaveAnsweringAsync(ToPublic(key), KeyCreated(key, actor, "rotation"));
    }

    public async Task<PublicSigningKey> RetireCompromisedAsync(string keyId, string reason, string actor)
    {
        var why = InputRules.RequireText(reason, "reason", 1000);
        var key = State.Keys.FirstOrDefault(k => k.KeyId == keyId) ?? throw CertGridException.NotFound("Signing key", keyId);
        if (key.Status == SigningKeyStatus.Compromised)
        {
            return ToPublic(key);
        }

        var wasActive = key.Status == SigningKeyStatus.Active;
        key.Status = SigningKeyStatus.Compromised;
        key.RetiredAt = Now;
        key.RetirementReason = why;
        _signer = null;
        await SaveAnsweringAsync(ToPublic(key), AuditEvent(actor, "signingkey.compromised", keyId, new { reason = why, wasActive }));
        verificationEpoch.Advance();
        if (wasActive)
        {
            await CreateKeyAsync(key.Algorithm, actor, $"replaces compromised key {keyId}");
        }

        return ToPublic(key);
    }

    private async Task<(string KeyId, SigningCredentials Credentials)> GetSignerAsync()
    {
        if (_signer is { } cached)
        {
            return cached;
        }

        var active = State.Keys.FirstOrDefault(k => k.Status == SigningKeyStatus.Active)
            ?? await CreateKeyAsync(SigningAlgorithm.ES256, Actors.System, "first credential of the community");
        var pkcs8 = await vault.LoadAsync(Community, active.KeyId, active.PrivateKeyReference);
        // The JOSE header's kid is the URL of the public JWK, so a verifier holding only the token can fetch the key.
        var key = SigningKeyMaterial.PrivateSecurityKey(active.Algorithm, pkcs8, routes.SigningKey(Community, active.KeyId));
        Array.Clear(pkcs8);
        _signer = (active.KeyId, new SigningCredentials(key, SigningKeyMaterial.JwsAlgorithm(active.Algorithm)));
        return _signer.Value;
    }

    private async Task<SigningKeyRecord> CreateKeyAsync(SigningAlgorithm algorithm, string actor, string why)
    {
        var key = await AddKeyAsync(algorithm, why);
        await SaveAsync(KeyCreated(key, actor, why));
        return key;
    }

    /// <summary>A new active key (its private half in the vault) that retires the active one; stored by the caller's save.</summary>
    private async Task<SigningKeyRecord> AddKeyAsync(SigningAlgorithm algorithm, string why)
    {
        var (keyId, publicJwk, pkcs8) = SigningKeyMaterial.Generate(algorithm);
        var reference = await vault.StoreAsync(Community, keyId, pkcs8);
        Array.Clear(pkcs8);
        var record = new SigningKeyRecord
        {
            KeyId = keyId,
            Algorithm = algorithm,
            PublicJwkJson = publicJwk,
            PrivateKeyReference = reference,
            CreatedAt = Now,
            Status = SigningKeyStatus.Active,
        };
        foreach (var previous in State.Keys.Where(k => k.Status == SigningKeyStatus.Active))
        {
            previous.Status = SigningKeyStatus.Retired;
            previous.RetiredAt = Now;
            previous.RetirementReason = $"rotated: {why}";
        }

        State.Keys.Add(record);
        _signer = null;
        return record;
    }

    private AuditEvent KeyCreated(SigningKeyRecord key, string actor, string why) =>
        AuditEvent(actor, "signingkey.created", key.KeyId, new { algorithm = key.Algorithm.ToString(), why });

    private static PublicSigningKey ToPublic(SigningKeyRecord key) =>
        new(key.KeyId, key.Algorithm.ToString(), key.PublicJwkJson, key.CreatedAt, key.Status, key.RetiredAt, key.RetirementReason);
}
