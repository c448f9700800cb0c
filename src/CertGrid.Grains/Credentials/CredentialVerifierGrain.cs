using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Grains.Credentials.StatusLists;
using CertGrid.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static CertGrid.Domain.Credentials.CheckOutcome;
using static CertGrid.Domain.Credentials.VerificationChecks;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// Verifies a credential given as a VC-JWT, as a Data Integrity credential (JSON with an <c>eddsa-rdfc-2022</c> proof,
/// as wallets hold it) or as its id URL, and reports every check. A stateless worker on
/// whichever silo received the request. A token's unchanging facts (parse, schema, signature, the issuer's
/// record) are learnt once per silo; key trust, dates and the status-list bits are checked on every call.
/// </summary>
[StatelessWorker]
public sealed partial class CredentialVerifierGrain(
    PublicRoutes routes, VerificationMemo memo, PublishedKeysCache publishedKeys,
    [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock, ILogger<CredentialVerifierGrain> logger)
    : Grain, ICredentialVerifierGrain
{
    public async Task<VerificationResult> VerifyAsync(string credential)
    {
        var input = credential?.Trim() ?? string.Empty;
        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!routes.TryParseCredential(input, out var key))
            {
                return Fail(Format, "the id is not a credential URL of this issuer");
            }

            var stored = await GrainFactory.GetGrain<ICredentialGrain>(key.Value.ToString()).FindAsync();
            if (stored is null)
            {
                return Fail(Format, "no credential with this id was issued");
            }

            input = stored.Jwt;
        }

        var token = memo.GetOrAdd(input, text => text.StartsWith('{') ? AnalyseDataIntegrity(text) : Analyse(text));
        return token.Jwt is not null ? await VerifyJwtAsync(token)
            : token.DataIntegrity is not null ? await VerifyDataIntegrityAsync(token)
            : Fail(Format, token.FormatProblem!);
    }

    private TokenFacts Analyse(string compact)
    {
        var jwt = ParsedVcJwt.TryParse(compact, out var problem);
        if (jwt is null)
        {
            return new TokenFacts { FormatProblem = problem };
        }

        var ours = routes.TryParseIssuer(jwt.Issuer, out var community) && routes.TryParseCredential(jwt.CredentialId, out var key) && key.Value.Community == community;
        // The kid is the key's URL (credentials issued before carried the bare thumbprint); a key URL of another community names no key of this one.
        var keyId = routes.TryParseSigningKey(jwt.KeyId, out var signingKey) ? (signingKey.Value.Community == community ? signingKey.Value.Id : jwt.KeyId) : jwt.KeyId;
        return new TokenFacts
        {
            Jwt = jwt with { KeyId = keyId },
            IssuerId = jwt.Issuer,
            ValidFrom = jwt.NotBefore,
            ValidUntil = jwt.Expires,
            Credential = ours && routes.TryParseCredential(jwt.CredentialId, out var credential) ? credential : null,
            StatusEntries = CredentialStatusEntries.Read(jwt.Payload["credentialStatus"]),
            SchemaProblems = OpenBadgeShape.FindProblems(jwt.Payload),
        };
    }

    private async Task<VerificationResult> VerifyJwtAsync(TokenFacts token)
    {
        var jwt = token.Jwt!;
        var checks = new List<VerificationCheck> { new(Format, Passed, $"a VC-JWT signed with {jwt.Algorithm}") };
        if (token.Credential is not { } key)
        {
            checks.Add(new(Issuer, Failed, $"'{token.IssuerId}' is not an issuer of this CertGrid deployment"));
            return VerificationResult.From(WithSkipped(checks), null);
        }

        return await CompleteAsync(checks, token, key, await CheckSignatureAsync(token, key.Community));
    }

    /// <summary>The checks after the format's: issuer's record, signature, dates, status and schema.</summary>
    private async Task<VerificationResult> CompleteAsync(List<VerificationCheck> checks, TokenFacts token, Domain.Tenancy.ScopedKey key, SignatureOutcome signature)
    {
        var record = await FindRecordAsync(token, key);
        checks.Add(record.Facts is not null
            ? new(Issuer, Passed, $"issued by {record.Facts.IssuerName}")
            : new(Issuer, record.Failure is null ? Failed : Indeterminate, record.Failure ?? "the issuer has no record of this credential"));
        checks.Add(new(Signature, signature.Valid ? Passed : Failed, signature.Detail));
        checks.AddRange(DateChecks(token));
        var readings = new Dictionary<(string, int), int?>();
        foreach (var purpose in new[] { StatusPurpose.Revocation, StatusPurpose.Suspension })
        {
            checks.Add(await StatusCheckAsync(token, key, purpose, readings));
        }

        checks.Add(token.SchemaProblems.Count == 0
            ? new(Schema, Passed, "has every field an Open Badges 3.0 AchievementCredential requires")
            : new(Schema, Failed, string.Join("; ", token.SchemaProblems)));
        return VerificationResult.From(checks, signature.Valid ? record.Facts : null);
    }

    /// <summary>
    /// The cryptography runs once per token; whether its key is still trusted is read from the published keys
    /// every time, so a key withdrawn as compromised fails credentials already verified.
    /// </summary>
    private async Task<SignatureOutcome> CheckSignatureAsync(TokenFacts token, string community)
    {
        var jwt = token.Jwt!;
        var keys = await publishedKeys.GetAsync(GrainFactory, community);
        if (keys.FirstOrDefault(k => k.KeyId == jwt.KeyId) is { Status: SigningKeyStatus.Compromised } compromised)
        {
            return new SignatureOutcome(false, $"key '{compromised.KeyId}' was withdrawn as compromised ({compromised.RetirementReason}); the credential must be re-issued");
        }

        return token.Signature ??= await SignatureCheck.VerifyAsync(jwt, keys);
    }

    /// <summary>The issuer's record of the credential: whom and what it is about (it never changes once issued).</summary>
    private async Task<(CredentialFacts? Facts, string? Failure)> FindRecordAsync(TokenFacts token, Domain.Tenancy.ScopedKey key)
    {
        if (token.Facts is { } known)
        {
            return (known, null);
        }

        try
        {
            var stored = await GrainFactory.GetGrain<ICredentialGrain>(key.ToString()).FindAsync();
            token.Facts = stored is null ? null : new CredentialFacts(stored.Url, stored.IssuerName, stored.HolderName, stored.AchievementName, stored.ValidFrom, stored.ValidUntil);
            return (token.Facts, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "The record of credential {Credential} could not be read", key);
            return (null, "the issuer's record of the credential could not be read just now, so it cannot be confirmed valid");
        }
    }

    private IEnumerable<VerificationCheck> DateChecks(TokenFacts token)
    {
        var now = clock.GetUtcNow();
        yield return token.ValidFrom switch
        {
            null => new(NotBefore, Failed, token.Jwt is null ? "the credential has no 'validFrom'" : "the token has no 'nbf' claim"),
            { } nbf when nbf > now => new(NotBefore, Failed, $"not valid before {OpenBadgeDocument.Timestamp(nbf)}"),
            { } nbf => new(NotBefore, Passed, $"valid from {OpenBadgeDocument.Timestamp(nbf)}"),
        };
        yield return token.ValidUntil switch
        {
            null => new(Expiry, Passed, "does not expire"),
            { } exp when exp <= now => new(Expiry, Failed, $"expired at {OpenBadgeDocument.Timestamp(exp)}"),
            { } exp => new(Expiry, Passed, $"valid until {OpenBadgeDocument.Timestamp(exp)}"),
        };
    }

    /// <summary>
    /// Reads the credential's entry in the status list its <c>credentialStatus</c> names (the list this deployment
    /// publishes): the 2-bit code of a message list answers both revocation and suspension, and is read once
    /// (<paramref name="readings"/>); credentials issued before name a 1-bit list per purpose. A list that cannot be
    /// read makes the check indeterminate, never passed.
    /// </summary>
    private async Task<VerificationCheck> StatusCheckAsync(
        TokenFacts token, Domain.Tenancy.ScopedKey credential, StatusPurpose purpose, Dictionary<(string, int), int?> readings)
    {
        var name = purpose == StatusPurpose.Revocation ? Revocation : Suspension;
        var entry = token.StatusEntries.FirstOrDefault(e => e.Purpose == StatusPurpose.Message);
        if (entry.ListUrl is null)
        {
            entry = token.StatusEntries.FirstOrDefault(e => e.Purpose == purpose);
        }

        if (entry.ListUrl is null)
        {
            return new(name, Indeterminate, $"the credential declares no {purpose.ToWireName()} status");
        }

        if (!routes.TryParseStatusList(entry.ListUrl, out var list))
        {
            return new(name, Indeterminate, $"the status list {entry.ListUrl} is not one this verifier can fetch");
        }

        if (!readings.TryGetValue((entry.ListUrl, entry.Index), out var value))
        {
            readings[(entry.ListUrl, entry.Index)] = value = await ReadEntryAsync(list.Value, entry.Index, entry.ListUrl);
        }

        if (value is not { } code)
        {
            return new(name, Indeterminate, $"the status list could not be fetched, so the credential cannot be confirmed {(purpose == StatusPurpose.Revocation ? "not revoked" : "not suspended")}");
        }

        var set = entry.Purpose != StatusPurpose.Message ? code == 1
            : purpose == StatusPurpose.Revocation ? CredentialStatusCode.IsRevoked(code) : CredentialStatusCode.IsSuspended(code);
        if (!set)
        {
            return new(name, Passed, purpose == StatusPurpose.Revocation ? "not revoked" : "not suspended");
        }

        // Only a set entry needs the reason, which lives with the credential.
        var reason = (await GrainFactory.GetGrain<ICredentialGrain>(credential.ToString()).FindAsync())?.StatusReason;
        var why = reason is null ? string.Empty : $": {reason}";
        return new(name, Failed, purpose == StatusPurpose.Revocation ? $"revoked{why}" : $"suspended{why}");
    }

    private async Task<int?> ReadEntryAsync((string Community, StatusPurpose Purpose, int ListNumber) list, int index, string url)
    {
        try
        {
            return await GrainFactory.StatusList(list.Community, list.Purpose, list.ListNumber).GetAsync(index);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Status list {List} could not be read", url);
            return null;
        }
    }

    private static VerificationResult Fail(string check, string detail) =>
        VerificationResult.From(WithSkipped([new VerificationCheck(check, Failed, detail)]), null);

    private static List<VerificationCheck> WithSkipped(List<VerificationCheck> checks)
    {
        string[] all = [Format, Issuer, Signature, NotBefore, Expiry, Revocation, Suspension, Schema];
        checks.AddRange(all.Where(name => checks.All(c => c.Name != name))
            .Select(name => new VerificationCheck(name, NotChecked, "not checked: an earlier check failed")));
        return checks;
    }
}
