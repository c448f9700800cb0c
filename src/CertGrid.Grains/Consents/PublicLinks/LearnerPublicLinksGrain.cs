using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Consents.PublicLinks;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Consents.PublicLinks;

/// <summary>
/// A learner's public links. Creating one opens the link's own grain before the learner's list is stored (an open link
/// nobody was told about is unreachable); revoking closes it before the revocation is stored and answered, so the URL is
/// dead from the next request on, on every gateway.
/// </summary>
public sealed class LearnerPublicLinksGrain(
    [PersistentState("public-links", StorageNames.GrainStore)] IPersistentState<LearnerPublicLinksState> state)
    : DurableGrain<LearnerPublicLinksState>(state), ILearnerPublicLinksGrain
{
    /// <summary>Active links a learner may hold at once.</summary>
    public const int MaxActiveLinks = 50;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string LearnerId => Key.Id;

    public async Task<PublicLink> CreateAsync(string linkId, string credentialId)
    {
        if (State.Links.FirstOrDefault(l => l.Id == linkId) is { } existing)
        {
            return existing.CredentialId == credentialId
                ? existing
                : throw CertGridException.Conflict($"Link '{linkId}' opens another credential.");
        }

        _ = await GrainFactory.Learner(Community, LearnerId).GetAsync();
        if (await GrainFactory.Credential(Community, credentialId).FindAsync() is not { } credential || credential.LearnerId != LearnerId)
        {
            throw CertGridException.NotFound("Credential", credentialId);
        }

        if (State.Links.Count(l => l.IsActive) >= MaxActiveLinks)
        {
            throw CertGridException.Policy($"A learner may hold at most {MaxActiveLinks} active public links; revoke one first.");
        }

        var link = new PublicLink(linkId, credentialId, PublicLinkToken.New(), Now, null);
        await GrainFactory.PublicLink(Community, PublicLinkToken.Hash(link.Token)).OpenAsync(new PublicLinkTarget(LearnerId, credentialId));
        State.Links.Add(link);
        return await SaveAnsweringAsync(link, AuditEvent(Actors.Learner(LearnerId), "consent.public-link-created", linkId, new { credentialId }));
    }

    public async Task<PublicLink> RevokeAsync(string linkId)
    {
        var index = State.Links.FindIndex(l => l.Id == linkId);
        if (index < 0)
        {
            throw CertGridException.NotFound("Public link", linkId);
        }

        var link = State.Links[index];
        if (!link.IsActive)
        {
            return link;
        }

        await GrainFactory.PublicLink(Community, PublicLinkToken.Hash(link.Token)).CloseAsync();
        State.Links[index] = link with { RevokedAt = Now };
        return await SaveAnsweringAsync(State.Links[index], AuditEvent(Actors.Learner(LearnerId), "consent.public-link-revoked", linkId, new { link.CredentialId }));
    }

    public async Task EraseAsync()
    {
        if (State.Links.Count == 0)
        {
            return;
        }

        // Closed before they are forgotten: a link left open would keep showing the credential to whoever holds the URL.
        foreach (var link in State.Links.Where(l => l.IsActive))
        {
            await GrainFactory.PublicLink(Community, PublicLinkToken.Hash(link.Token)).CloseAsync();
        }

        var erased = State.Links.Count;
        State.Links.Clear();
        ForgetStoredAnswers();
        await SaveAsync(AuditEvent(Actors.System, "consent.public-links-erased", LearnerId, new { links = erased }));
    }

    public Task<IReadOnlyList<PublicLink>> ListAsync() => Task.FromResult<IReadOnlyList<PublicLink>>([.. Enumerable.Reverse(State.Links)]);
}
