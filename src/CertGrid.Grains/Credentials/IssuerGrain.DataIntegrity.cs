using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.DataIntegrity;
using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using NSec.Cryptography;

namespace CertGrid.Grains.Credentials;

/// <summary>The community's choice of proof format and its Ed25519 key for Data Integrity (<c>eddsa-rdfc-2022</c>) proofs.</summary>
public sealed partial class IssuerGrain
{
    private (string VerificationMethod, Key Key)? _dataIntegritySigner;

    public Task<CredentialProofFormat> GetProofFormatAsync() => Task.FromResult(State.ProofFormat);

    public async Task<CredentialProofFormat> SetProofFormatAsync(CredentialProofFormat format, string actor)
    {
        if (!Enum.IsDefined(format))
        {
            throw CertGridException.Invalid("format", "'format' must be VC_JWT, DATA_INTEGRITY or VC_JWT_AND_DATA_INTEGRITY.");
        }

        if (State.ProofFormat != format)
        {
            var previous = State.ProofFormat;
            State.ProofFormat = format;
            await SaveAsync(AuditEvent(actor, "issuer.proof-format-changed", Community, new { from = previous.ToString(), to = format.ToString() }));
        }

        return State.ProofFormat;
    }

    public async Task<string> SignDataIntegrityAsync(string unsecuredCredentialJson)
    {
        var document = JsonNode.Parse(unsecuredCredentialJson) as JsonObject
            ?? throw CertGridException.Invalid("credential", "The credential to sign is not a JSON object.");
        var (method, key) = await GetDataIntegritySignerAsync();
        var signed = EddsaRdfc2022.Bundled.Sign(document, new DataIntegrityProofOptions(method, TruncatedNow()), key);
        return signed.ToJsonString();
    }

    public Task<IReadOnlyList<PublicMultikey>> GetMultikeysAsync() =>
        Task.FromResult<IReadOnlyList<PublicMultikey>>(State.Multikeys.Select(k => new PublicMultikey(k.PublicKeyMultibase, k.CreatedAt)).ToList());

    private async Task<(string VerificationMethod, Key Key)> GetDataIntegritySignerAsync()
    {
        if (_dataIntegritySigner is { } cached)
        {
            return cached;
        }

        var record = State.Multikeys.LastOrDefault() ?? await CreateMultikeyAsync();
        var seed = await vault.LoadAsync(Community, record.PublicKeyMultibase, record.PrivateKeyReference);
        var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        Array.Clear(seed);
        _dataIntegritySigner = (routes.DidVerificationMethod(Community, record.PublicKeyMultibase), key);
        return _dataIntegritySigner.Value;
    }

    private async Task<MultikeyRecord> CreateMultikeyAsync()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicKey = Ed25519Multikey.PublicKeyOf(key);
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        var reference = await vault.StoreAsync(Community, publicKey, seed);
        Array.Clear(seed);
        var record = new MultikeyRecord { PublicKeyMultibase = publicKey, PrivateKeyReference = reference, CreatedAt = Now };
        State.Multikeys.Add(record);
        await SaveAsync(AuditEvent(Actors.System, "signingkey.created", publicKey, new { algorithm = "Ed25519", why = "first Data Integrity proof of the community" }));
        return record;
    }

    // xsd:dateTime without fractions, as Data Integrity examples and verifiers expect.
    private DateTimeOffset TruncatedNow() => new(Now.UtcTicks - (Now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
