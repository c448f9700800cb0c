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
/// Verifies a credential given as a VC-JWT or as its id URL, and reports every check. A stateless worker:
/// it runs on whichever silo received the request, in parallel, and keeps no state of its own.
/// </summary>
[StatelessWorker]
public sealed class CredentialVerifierGrain(
    PublicRoutes routes, SignatureMemo memo, PublishedKeysCache publishedKeys, [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock, ILogger<CredentialVerifierGrain> logger)
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

        var jwt = ParsedVcJwt.TryParse(input, out var problem);
        return jwt is null ? Fail(Format, problem) : await VerifyJwtAsync(jwt);
    }

    private async Task<VerificationResult> VerifyJwtAsync(ParsedVcJwt jwt)
    {
        var checks = new List<VerificationCheck> { new(Format, Passed, $"a VC-JWT signed with {jwt.Algorithm}") };
        if (!routes.TryParseIssuer(jwt.Issuer, out var community) || !routes.TryParseCredential(jwt.CredentialId, out var key) || key.Value.Community != community)
        {
            checks.Add(new(Issuer, Failed, $"'{jwt.Issuer}' is not an issuer of this CertGrid deployment"));
            return VerificationResult.From(WithSkipped(checks), null);
        }

        var signature = await CheckSignatureAsync(jwt, community);
        var stored = await FindStoredAsync(key.Value);
        checks.Add(stored.Credential is not null
            ? new(Issuer, Passed, $"issued by {stored.Credential.IssuerName}")
            : new(Issuer, stored.Failure is null ? Failed : Indeterminate, stored.Failure ?? "the issuer has no record of this credential"));
        checks.Add(new(Signature, signature.Valid ? Passed : Failed, signature.Detail));
        checks.AddRange(DateChecks(jwt));
        foreach (var purpose in new[] { StatusPurpose.Revocation, StatusPurpose.Suspension })
        {
            checks.Add(await StatusCheckAsync(jwt, purpose, stored.Credential));
        }

        var shape = OpenBadgeShape.FindProblems(jwt.Payload);
        checks.Add(shape.Count == 0
            ? new(Schema, Passed, "has every field an Open Badges 3.0 AchievementCredential requires")
            : new(Schema, Failed, string.Join("; ", shape)));

        var facts = stored.Credential is { } c && signature.Valid
            ? new CredentialFacts(c.Url, c.IssuerName, c.HolderName, c.AchievementName, c.ValidFrom, c.ValidUntil)
            : null;
        return VerificationResult.From(checks, facts);
    }

    /// <summary>
    /// The cryptography runs once per token (remembered); whether its key is still trusted is re-read from the
    /// published keys every time, so a key withdrawn as compromised fails credentials already verified.
    /// </summary>
    private async Task<SignatureOutcome> CheckSignatureAsync(ParsedVcJwt jwt, string community)
    {
        var keys = await publishedKeys.GetAsync(GrainFactory, community);
        if (keys.FirstOrDefault(k => k.KeyId == jwt.KeyId) is { Status: Domain.Credentials.SigningKeyStatus.Compromised } compromised)
        {
            return new SignatureOutcome(false, $"key '{compromised.KeyId}' was withdrawn as compromised ({compromised.RetirementReason}); the credential must be re-issued");
        }

        var memoKey = SignatureMemo.KeyOf(jwt.Compact);
        if (memo.TryGet(memoKey, out var remembered))
        {
            return remembered;
        }

        var outcome = await SignatureCheck.VerifyAsync(jwt, keys);
        memo.Remember(memoKey, outcome);
        return outcome;
    }

    private async Task<(IssuedCredential? Credential, string? Failure)> FindStoredAsync(Domain.Tenancy.ScopedKey key)
    {
        try
        {
            return (await GrainFactory.GetGrain<ICredentialGrain>(key.ToString()).FindAsync(), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Status of credential {Credential} could not be read", key);
            return (null, "the credential's status could not be read just now, so it cannot be confirmed valid");
        }
    }

    private IEnumerable<VerificationCheck> DateChecks(ParsedVcJwt jwt)
    {
        var now = clock.GetUtcNow();
        yield return jwt.NotBefore switch
        {
            null => new(NotBefore, Failed, "the token has no 'nbf' claim"),
            { } nbf when nbf > now => new(NotBefore, Failed, $"not valid before {OpenBadgeDocument.Timestamp(nbf)}"),
            { } nbf => new(NotBefore, Passed, $"valid from {OpenBadgeDocument.Timestamp(nbf)}"),
        };
        yield return jwt.Expires switch
        {
            null => new(Expiry, Passed, "does not expire"),
            { } exp when exp <= now => new(Expiry, Failed, $"expired at {OpenBadgeDocument.Timestamp(exp)}"),
            { } exp => new(Expiry, Passed, $"valid until {OpenBadgeDocument.Timestamp(exp)}"),
        };
    }

    /// <summary>
    /// Reads the credential's bit in the status list its <c>credentialStatus</c> names (the list this
    /// deployment publishes). A list that cannot be read makes the check indeterminate, never passed.
    /// </summary>
    private async Task<VerificationCheck> StatusCheckAsync(ParsedVcJwt jwt, StatusPurpose purpose, IssuedCredential? credential)
    {
        var name = purpose == StatusPurpose.Revocation ? Revocation : Suspension;
        var entry = CredentialStatusEntries.Read(jwt.Payload["credentialStatus"]).FirstOrDefault(e => e.Purpose == purpose);
        if (entry.ListUrl is null)
        {
            return new(name, Indeterminate, $"the credential declares no {purpose.ToWireName()} status list");
        }

        if (!routes.TryParseStatusList(entry.ListUrl, out var list))
        {
            return new(name, Indeterminate, $"the {purpose.ToWireName()} status list {entry.ListUrl} is not one this verifier can fetch");
        }

        bool set;
        try
        {
            set = await GrainFactory.GetGrain<IStatusListGrain>(StatusListKeys.Of(list.Value.Community, list.Value.Purpose, list.Value.ListNumber)).GetAsync(entry.Index);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Status list {List} could not be read", entry.ListUrl);
            return new(name, Indeterminate, $"the {purpose.ToWireName()} status list could not be fetched, so the credential cannot be confirmed valid");
        }

        var why = credential?.StatusReason is { } reason ? $": {reason}" : string.Empty;
        return set
            ? new(name, Failed, purpose == StatusPurpose.Revocation ? $"revoked{why}" : $"suspended{why}")
            : new(name, Passed, purpose == StatusPurpose.Revocation ? "not revoked" : "not suspended");
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
