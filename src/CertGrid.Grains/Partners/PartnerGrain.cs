using CertGrid.Abstractions.Partners;
using CertGrid.Domain.Access;
using CertGrid.Domain.Partners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Partners;

/// <summary>A partner organisation: profile, hashed expiring keys, and the grants communities gave it.</summary>
public sealed class PartnerGrain(
    [PersistentState("partner", StorageNames.GrainStore)] IPersistentState<PartnerState> state,
    StorageClients storage)
    : DurableGrain<PartnerState>(state), IPartnerGrain
{
    /// <summary>Where platform-level records live (the partner list, the partners' own effects and audit).</summary>
    public const string Platform = PlatformScope.Community;

    private const int MaxKeys = 20;

    private string PartnerId => this.GetPrimaryKeyString();

    protected override string Community => Platform;

    public async Task<PartnerProfile> RegisterAsync(RegisterPartner command, string actor)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Partner '{PartnerId}' already exists.");
        }

        State.Name = InputRules.RequireText(command.Name, "input.name");
        State.Website = (InputRules.OptionalHttpsUrl(command.Website, "input.website")
            ?? throw CertGridException.Invalid("input.website", "'website' is required: the organisation's https:// address.")).ToString();
        State.VerifiedDomain = PartnerRules.RequireDomain(command.VerifiedDomain, "input.verifiedDomain");
        State.ContactEmail = InputRules.RequireEmail(command.ContactEmail, "input.contactEmail");
        State.Purpose = InputRules.RequireText(command.Purpose, "input.purpose", 1000, minLength: 10);
        State.RegisteredAt = Now;
        await SaveAsync(AuditEvent(actor, "partner.registered", PartnerId, new { State.Name, State.Website, State.VerifiedDomain, State.Purpose }));
        return ToProfile();
    }

    public Task<PartnerProfile> GetAsync() => Task.FromResult(RequireRegistered());

    public async Task<IssuedPartnerKey> IssueKeyAsync(string label, DateTimeOffset? expiresAt, string actor)
    {
        RequireRegistered();
        var name = InputRules.RequireText(label, "input.label", 100);
        var expiry = expiresAt ?? Now.Add(PartnerKey.MaxLifetime);
        if (expiry <= Now || expiry > Now.Add(PartnerKey.MaxLifetime))
        {
            throw CertGridException.Invalid("input.expiresAt", "'expiresAt' must be in the future and at most 366 days away; rotate keys by issuing a new one before the old one expires.");
        }

        if (State.Keys.Count(k => k.IsUsableAt(Now)) >= MaxKeys)
        {
            throw CertGridException.Policy($"A partner holds at most {MaxKeys} usable keys; revoke one first.");
        }

        var token = PartnerKeyToken.Create(PartnerId, EntityId.New(IdPrefixes.PartnerKey));
        var key = new PartnerKey(token.KeyId, name, ApiKeyToken.HashSecret(token.Secret), Now, expiry);
        State.Keys.Add(key);
        return await SaveAnsweringAsync(new IssuedPartnerKey(ToInfo(key), token.ToString()), AuditEvent(actor, "partner.key-issued", PartnerId, new { key.KeyId, key.Label, key.ExpiresAt }));
    }

    public async Task<PartnerKeyInfo> RevokeKeyAsync(string keyId, string actor)
    {
        RequireRegistered();
        var index = State.Keys.FindIndex(k => k.KeyId == keyId);
        if (index < 0)
        {
            throw CertGridException.NotFound("Partner key", keyId);
        }

        if (State.Keys[index].RevokedAt is null)
        {
            State.Keys[index] = State.Keys[index] with { RevokedAt = Now };
            return await SaveAnsweringAsync(ToInfo(State.Keys[index]), AuditEvent(actor, "partner.key-revoked", PartnerId, new { keyId }));
        }

        return ToInfo(State.Keys[index]);
    }

    public Task<IReadOnlyList<PartnerKeyInfo>> ListKeysAsync() =>
        Task.FromResult<IReadOnlyList<PartnerKeyInfo>>(RecordExists ? State.Keys.Select(ToInfo).ToList() : []);

    public Task<PartnerKeyCheck?> CheckKeyAsync(string keyId)
    {
        var key = RecordExists ? State.Keys.Find(k => k.KeyId == keyId) : null;
        return Task.FromResult(key is null
            ? null
            : new PartnerKeyCheck(PartnerId, State.Name, key.SecretHash, key.IsUsableAt(Now), State.Grants.Values.Where(g => g.IsActiveAt(Now)).ToList()));
    }

    public async Task<PartnerGrant> GrantAsync(string community, IReadOnlyList<string> scopes, DateTimeOffset expiresAt, string actor)
    {
        RequireRegistered();
        var granted = PartnerRules.RequireScopes(scopes, "input.scopes");
        if (expiresAt <= Now || expiresAt > Now.AddYears(3))
        {
            throw CertGridException.Invalid("input.expiresAt", "'expiresAt' must be in the future and at most three years away.");
        }

        var grant = new PartnerGrant(community, granted, Now, expiresAt, actor);
        State.Grants[community] = grant;
        Cause(new AppendCommunityAudit(community, [AuditEvent(actor, "partner.granted", PartnerId, new { partner = State.Name, scopes = granted, expiresAt })]));
        return await SaveAnsweringAsync(grant);
    }

    public async Task<PartnerGrant> RevokeGrantAsync(string community, string actor)
    {
        RequireRegistered();
        if (!State.Grants.TryGetValue(community, out var grant))
        {
            throw CertGridException.NotFound("Partner grant", PartnerId);
        }

        if (grant.RevokedAt is null)
        {
            grant = grant with { RevokedAt = Now };
            State.Grants[community] = grant;
            Cause(new AppendCommunityAudit(community, [AuditEvent(actor, "partner.grant-revoked", PartnerId, new { partner = State.Name })]));
            return await SaveAnsweringAsync(grant);
        }

        return grant;
    }

    public Task<IReadOnlyList<PartnerGrant>> ListGrantsAsync() =>
        Task.FromResult<IReadOnlyList<PartnerGrant>>(RecordExists ? State.Grants.Values.OrderBy(g => g.Community, StringComparer.Ordinal).ToList() : []);

    protected override async Task ProjectAsync()
    {
        var table = storage.ReadModel(storage.Names.PartnersTable);
        await table.UpsertAsync(PartnerRow.From(ToProfile()));
        foreach (var grant in State.Grants.Values)
        {
            await table.UpsertAsync(PartnerGrantRow.From(PartnerId, State.Name, grant));
        }
    }

    private PartnerProfile RequireRegistered() => RecordExists ? ToProfile() : throw CertGridException.NotFound("Partner", PartnerId);

    private PartnerProfile ToProfile() => new(PartnerId, State.Name, State.Website, State.VerifiedDomain, State.ContactEmail, State.Purpose, State.RegisteredAt);

    private static PartnerKeyInfo ToInfo(PartnerKey key) => new(key.KeyId, key.Label, key.CreatedAt, key.ExpiresAt, key.RevokedAt);
}
