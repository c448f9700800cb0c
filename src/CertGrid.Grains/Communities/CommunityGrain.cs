using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.Communities;
using CertGrid.Domain.Access;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Communities;

/// <summary>A community: its profile, and the one-time hand-over of its first admin key.</summary>
public sealed class CommunityGrain(
    [PersistentState("community", StorageNames.GrainStore)] IPersistentState<CommunityState> state,
    StorageClients storage)
    : DurableGrain<CommunityState>(state), ICommunityGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public async Task<CommunityCreated> CreateAsync(CreateCommunity command, string actor)
    {
        var id = CommunityId.Require(Community);
        if (RecordExists && State.InitialAdminKeyIssued)
        {
            throw CertGridException.Conflict($"Community '{id}' already exists.");
        }

        if (RecordExists)
        {
            // A creation interrupted before its admin key was handed over: the operator's retry finishes it.
            // A key that may have been stored without anyone seeing its token is revoked, and a fresh one issued.
            await RevokeIfStoredAsync(State.InitialAdminKeyId, actor);
            State.InitialAdminKeyId = EntityId.New(IdPrefixes.ApiKey);
            await SaveBeforeAnswerAsync();
        }
        else
        {
            State.Name = InputRules.RequireText(command.Name, "input.name");
            State.Description = InputRules.OptionalText(command.Description, "input.description");
            State.Url = InputRules.OptionalHttpsUrl(command.Url, "input.url")?.ToString();
            State.Email = command.Email is null ? null : InputRules.RequireEmail(command.Email, "input.email");
            State.CreatedAt = Now;
            State.InitialAdminKeyId = EntityId.New(IdPrefixes.ApiKey);
            await SaveBeforeAnswerAsync(AuditEvent(actor, "community.created", id, new { State.Name, State.Url }));
        }

        var issued = await GrainFactory.ApiKey(id, State.InitialAdminKeyId)
            .IssueAsync(new IssueApiKey(Role.CommunityAdmin, null, [], "Initial admin key"), actor);
        // This write records the operation with its answer: a run again before it finishes the creation (above).
        State.InitialAdminKeyIssued = true;
        return await SaveAnsweringAsync(new CommunityCreated(ToInfo(), issued.Token));
    }

    public async Task<CommunityInfo> UpdateProfileAsync(UpdateCommunityProfile command, string actor)
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Community", Community);
        }

        State.Name = InputRules.RequireText(command.Name, "input.name");
        State.Description = InputRules.OptionalText(command.Description, "input.description");
        State.Url = InputRules.OptionalHttpsUrl(command.Url, "input.url")?.ToString();
        State.Email = command.Email is null ? null : InputRules.RequireEmail(command.Email, "input.email");
        State.ImageUrl = InputRules.OptionalHttpsUrl(command.ImageUrl, "input.imageUrl")?.ToString();
        await SaveAsync(AuditEvent(actor, "community.profile-updated", Community, new { State.Name, State.Url, State.Email, State.ImageUrl }));
        return ToInfo();
    }

    public Task<CommunityInfo?> FindAsync() => Task.FromResult(RecordExists ? ToInfo() : null);

    public Task<CommunityInfo> GetAsync() =>
        RecordExists ? Task.FromResult(ToInfo()) : throw CertGridException.NotFound("Community", Community);

    public async Task<CommunityInfo> SetDefaultLanguageAsync(string language, string actor)
    {
        var info = await GetAsync();
        var tag = Domain.Languages.LanguageTag.Require(language, "language");
        if (tag != info.DefaultLanguage)
        {
            State.DefaultLanguage = tag;
            await SaveAsync(AuditEvent(actor, "community.default-language-set", Community, new { language = tag, previous = info.DefaultLanguage }));
        }

        return ToInfo();
    }

    protected override Task ProjectAsync() =>
        storage.ReadModel(storage.Names.CommunitiesTable).UpsertAsync(CommunityRow.From(ToInfo()));

    private async Task RevokeIfStoredAsync(string keyId, string actor)
    {
        var key = GrainFactory.ApiKey(Community, keyId);
        if (await key.FindAsync() is not null)
        {
            await key.RevokeAsync(actor);
        }
    }

    private CommunityInfo ToInfo() => new(Community, State.Name, State.Description, State.Url, State.Email, State.CreatedAt, State.ImageUrl,
        State.DefaultLanguage ?? Domain.Languages.LanguageTag.DefaultLanguage);
}
