using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// A learner's hosted credentials, kept in one grain state: at most <see cref="MaxCount"/> credentials and
/// <see cref="MaxTotalChars"/> characters together, which keeps the state inside one table entity.
/// </summary>
public sealed class HostedCredentialsGrain(
    [PersistentState("hostedCredentials", StorageNames.GrainStore)] IPersistentState<HostedCredentialsState> state)
    : DurableGrain<HostedCredentialsState>(state), IHostedCredentialsGrain
{
    public const int MaxCount = 200;
    public const int MaxTotalChars = 400_000;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<bool> UpsertAsync(string content, bool isCompactJws, string credentialId)
    {
        var existing = State.Credentials.FindIndex(c => c.Id == credentialId);
        var total = State.Credentials.Sum(c => c.Content.Length) - (existing >= 0 ? State.Credentials[existing].Content.Length : 0) + content.Length;
        if (existing < 0 && State.Credentials.Count >= MaxCount)
        {
            throw CertGridException.Policy($"A learner's record holds at most {MaxCount} stored credentials; this one was not stored.");
        }

        if (total > MaxTotalChars)
        {
            throw CertGridException.Policy($"A learner's stored credentials may take at most {MaxTotalChars:N0} characters together; this one was not stored.");
        }

        var stored = new HostedCredential(credentialId, isCompactJws, content, Now);
        if (existing >= 0)
        {
            State.Credentials[existing] = stored;
        }
        else
        {
            State.Credentials.Add(stored);
        }

        await SaveAsync(AuditEvent(Actors.Learner(Key.Id), existing >= 0 ? "credential.hosted-replaced" : "credential.hosted", Key.Id, new { credentialId, isCompactJws }));
        return existing < 0;
    }

    public async Task EraseAsync()
    {
        if (State.Credentials.Count > 0)
        {
            var erased = State.Credentials.Count;
            State.Credentials.Clear();
            ForgetStoredAnswers();
            await SaveAsync(AuditEvent(Actors.System, "credential.hosted-erased", Key.Id, new { credentials = erased }));
        }
    }

    public Task<HostedCredentialPage> ListAsync(int offset, int limit) =>
        Task.FromResult(new HostedCredentialPage([.. State.Credentials.Skip(Math.Max(offset, 0)).Take(Math.Max(limit, 0))], State.Credentials.Count));
}
