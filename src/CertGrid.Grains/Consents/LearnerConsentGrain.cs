using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Talent;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Consents;
using CertGrid.Domain.Talent;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Consents;

/// <summary>
/// A learner's consents to partners, as versioned records. Their talent-search profile is this grain's read model: it
/// is rewritten (or removed) in the community's talent index with every change, before the change's call returns; so is
/// the row of what they share with partners (<see cref="ConsentSharesRow"/>, which decides the events partners see).
/// </summary>
public sealed class LearnerConsentGrain(
    [PersistentState("consent", StorageNames.GrainStore)] IPersistentState<LearnerConsentState> state,
    StorageClients storage)
    : DurableGrain<LearnerConsentState>(state), ILearnerConsentGrain
{
    private const int MaxActiveShares = 200;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string LearnerId => Key.Id;

    private ConsentRecord? Discoverable => State.Records.LastOrDefault(r => r.Kind == ConsentKind.Discoverable && r.IsActive);

    public async Task<ConsentRecord> BecomeDiscoverableAsync(DiscoverableTerms terms)
    {
        var valid = DiscoverableTerms.Validate(terms);
        var learner = await GrainFactory.Learner(Community, LearnerId).GetAsync();
        foreach (var (id, i) in valid.CredentialIds.Select((id, i) => (id, i)))
        {
            _ = await OwnCredentialAsync(id, $"input.credentialIds[{i}]");
        }

        // The learner notes it before the credentials are read: a credential that asked the learner before this saw
        // "not discoverable" and was already in the credentials index, so it is read here (CredentialChangedAsync).
        await GrainFactory.Learner(Community, LearnerId).NoteDeclaredAsync(LearnerDeclaration.Discoverable, true);
        var held = await HeldCredentialsAsync();
        var replaced = Discoverable;
        var record = NewRecord(ConsentKind.Discoverable, null, null, valid, ConsentTexts.Discoverable(valid));
        if (replaced is not null)
        {
            Replace(replaced, replaced with { WithdrawnAt = Now });
        }

        State.Name = learner.Name;
        State.Credentials = held.ToDictionary(c => c.CredentialId, StringComparer.Ordinal);
        State.Records.Add(record);
        return await SaveAnsweringAsync(record, AuditEvent(Actors.Learner(LearnerId), "consent.given", record.Id, new { kind = record.Kind.ToString(), record.Version, replaces = replaced?.Id }));
    }

    public async Task<ConsentRecord> ShareCredentialAsync(string credentialId, string partnerId, string partnerName)
    {
        var credential = await OwnCredentialAsync(credentialId, "input.credentialId");
        var existing = State.Records.LastOrDefault(r => r.Kind == ConsentKind.SharedWithPartner && r.IsActive && r.CredentialId == credential.CredentialId && r.PartnerId == partnerId);
        if (existing is not null)
        {
            return existing;
        }

        if (State.Records.Count(r => r.IsActive) >= MaxActiveShares)
        {
            throw CertGridException.Policy($"At most {MaxActiveShares} consents can be active at once; withdraw some first.");
        }

        var record = NewRecord(ConsentKind.SharedWithPartner, credential.CredentialId, partnerId, null, ConsentTexts.SharedWithPartner(credential.CredentialId, partnerName));
        State.Records.Add(record);
        return await SaveAnsweringAsync(record, AuditEvent(Actors.Learner(LearnerId), "consent.given", record.Id, new { kind = record.Kind.ToString(), record.Version, credentialId, partnerId }));
    }

    public async Task<ConsentRecord> WithdrawAsync(string consentId)
    {
        var record = State.Records.Find(r => r.Id == consentId) ?? throw CertGridException.NotFound("Consent", consentId);
        if (record.IsActive)
        {
            var withdrawn = record with { WithdrawnAt = Now };
            Replace(record, withdrawn);
            if (Discoverable is null)
            {
                State.Credentials.Clear();
                State.RenewedBy.Clear();
            }

            record = await SaveAnsweringAsync(withdrawn, AuditEvent(Actors.Learner(LearnerId), "consent.withdrawn", record.Id, new { kind = record.Kind.ToString(), record.Version }));
        }

        // After the withdrawal is stored (and again on a retry): no longer discoverable, credentials need not ask.
        if (record.Kind == ConsentKind.Discoverable && Discoverable is null)
        {
            await GrainFactory.Learner(Community, LearnerId).NoteDeclaredAsync(LearnerDeclaration.Discoverable, false);
        }

        return record;
    }

    public async Task EraseAsync()
    {
        if (!RecordExists || (State.Records.Count == 0 && State.Name.Length == 0))
        {
            return;
        }

        State.Records.Clear();
        State.Name = string.Empty;
        State.Credentials.Clear();
        State.RenewedBy.Clear();
        ForgetStoredAnswers();
        await SaveAsync(AuditEvent(Actors.System, "consent.erased", LearnerId, new { }));
    }

    public async Task RectifyNameAsync(string name)
    {
        if (!RecordExists || State.Name.Length == 0 || State.Name == name)
        {
            return;
        }

        State.Name = name;
        await SaveAsync();
    }

    public Task<IReadOnlyList<ConsentRecord>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ConsentRecord>>(State.Records.AsEnumerable().Reverse().ToList());

    public Task<IReadOnlyList<string>> SharedWithAsync(string partnerId) => Task.FromResult<IReadOnlyList<string>>(
        State.Records.Where(r => r.Kind == ConsentKind.SharedWithPartner && r.IsActive && r.PartnerId == partnerId).Select(r => r.CredentialId!).Distinct().ToList());

    public Task<bool> AcceptsContactAsync() => Task.FromResult(Discoverable?.Terms?.AllowContact == true);

    public async Task CredentialChangedAsync(TalentCredential credential, string? replacesCredentialId)
    {
        if (Discoverable is null)
        {
            return; // Not discoverable: consenting later reads the credentials afresh.
        }

        State.Credentials[credential.CredentialId] = credential;
        if (replacesCredentialId is not null)
        {
            State.RenewedBy[replacesCredentialId] = credential.CredentialId;
        }

        await SaveAsync();
    }

    protected override async Task ProjectAsync()
    {
        await GrainFactory.GetGrain<ITalentIndexGrain>(Community).PutAsync(LearnerId, Profile());
        var shares = storage.ReadModel(storage.Names.ConsentSharesTable);
        await (ConsentSharesRow.From(Community, LearnerId, State.Records) is { } row ? shares.UpsertAsync(row) : shares.DeleteAsync(Community, LearnerId));
    }

    /// <summary>What talent search may hold about the learner now: null unless they are discoverable.</summary>
    private TalentProfile? Profile()
    {
        if (Discoverable is not { Terms: { } terms } record)
        {
            return null;
        }

        var named = new HashSet<string>(terms.CredentialIds, StringComparer.Ordinal);
        var frontier = named.ToList();
        while (frontier.Count > 0)
        {
            frontier = frontier.Select(id => State.RenewedBy.GetValueOrDefault(id)).OfType<string>().Where(named.Add).ToList();
        }

        return TalentProfile.Build(LearnerId, State.Name, terms with { CredentialIds = [.. named] }, record.Version, State.Credentials.Values);
    }

    private async Task<TalentCredential> OwnCredentialAsync(string credentialId, string field)
    {
        var id = EntityId.Require(credentialId, IdPrefixes.Credential, field);
        var issued = await GrainFactory.Credential(Community, id).FindAsync();
        return issued is not null && issued.LearnerId == LearnerId
            ? (await GrainFactory.Credential(Community, id).TalentFactsAsync())!
            : throw CertGridException.NotFound("Credential", id);
    }

    /// <summary>Every credential the learner holds, from the credentials read model and each credential's facts.</summary>
    private async Task<List<TalentCredential>> HeldCredentialsAsync()
    {
        var index = GrainFactory.GetGrain<ICredentialIndexGrain>(Community);
        var held = new List<TalentCredential>();
        string? after = null;
        do
        {
            var page = await index.ListForLearnerAsync(LearnerId, PageRequest.Create(100, after));
            foreach (var summary in page.Items)
            {
                if (await GrainFactory.Credential(Community, summary.Id).TalentFactsAsync() is { } facts)
                {
                    held.Add(facts);
                }
            }

            after = page.NextCursor;
        }
        while (after is not null);
        return held;
    }

    private ConsentRecord NewRecord(ConsentKind kind, string? credentialId, string? partnerId, DiscoverableTerms? terms, string text) =>
        new(EntityId.New(IdPrefixes.Consent), State.Records.Count + 1, kind, credentialId, partnerId, terms, text, Now);

    private void Replace(ConsentRecord old, ConsentRecord updated) => State.Records[State.Records.IndexOf(old)] = updated;
}
