using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.TrustedDocuments;
using CertGrid.Domain.TrustedDocuments;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.TrustedDocuments;

/// <summary>A community's registered GraphQL documents and who must use them; every change audited.</summary>
public sealed class TrustedDocumentsGrain(
    [PersistentState("trusted-documents", StorageNames.GrainStore)] IPersistentState<TrustedDocumentsState> state)
    : DurableGrain<TrustedDocumentsState>(state), ITrustedDocumentsGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public async Task<TrustedDocument> RegisterAsync(string text, string? name, string actor)
    {
        var hash = TrustedDocumentId.HashOf(text);
        if (State.Documents.TryGetValue(hash, out var known))
        {
            return known;
        }

        TrustedDocumentRules.RequireRoom(State.Documents.Values, text);
        var document = new TrustedDocument(hash, InputRules.OptionalText(name, "name"), text, actor, Now);
        State.Documents[hash] = document;
        return await SaveAnsweringAsync(document, AuditEvent(actor, "trusted-document.registered", document.Id, new { document.Name, characters = text.Length }));
    }

    public async Task RemoveAsync(string hash, string actor)
    {
        if (State.Documents.Remove(hash, out var removed))
        {
            await SaveAsync(AuditEvent(actor, "trusted-document.removed", removed.Id, new { removed.Name }));
        }
    }

    public Task<TrustedDocument?> FindAsync(string hash) => Task.FromResult(State.Documents.GetValueOrDefault(hash));

    public Task<IReadOnlyList<TrustedDocument>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TrustedDocument>>(State.Documents.Values.OrderBy(d => d.RegisteredAt).ToList());

    public Task<TrustedDocumentPolicy> GetPolicyAsync() => Task.FromResult(Policy);

    public async Task<TrustedDocumentPolicy> RequireAsync(string? keyId, bool required, string actor)
    {
        if (keyId is not null && await GrainFactory.ApiKey(Community, keyId).FindAsync() is null)
        {
            throw CertGridException.NotFound("API key", keyId);
        }

        if (keyId is null)
        {
            State.RequiredForCommunity = required;
        }
        else if (required && !State.RequiredForKeys.Contains(keyId))
        {
            if (State.RequiredForKeys.Count >= TrustedDocumentRules.MaxKeysRequiringDocuments)
            {
                throw CertGridException.Policy($"At most {TrustedDocumentRules.MaxKeysRequiringDocuments} keys can be listed; require registered documents of the whole community instead.");
            }

            State.RequiredForKeys.Add(keyId);
        }
        else if (!required)
        {
            State.RequiredForKeys.Remove(keyId);
        }

        await SaveAsync(AuditEvent(actor, "trusted-document.policy-set", Community, new { keyId, required }));
        return Policy;
    }

    private TrustedDocumentPolicy Policy => new(State.RequiredForCommunity, State.RequiredForKeys.ToList());
}
