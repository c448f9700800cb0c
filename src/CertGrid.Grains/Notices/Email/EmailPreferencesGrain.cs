using CertGrid.Abstractions.Notices.Email;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices.Email;

/// <summary>
/// A learner's or evaluator's email preferences and bounce, among the topics of their audience (told by the key's id); admins
/// see bouncing people through the <see cref="EmailBounceRow"/> it projects.
/// </summary>
public sealed class EmailPreferencesGrain(
    [PersistentState("email-preferences", StorageNames.GrainStore)] IPersistentState<EmailPreferencesState> state, StorageClients storage)
    : DurableGrain<EmailPreferencesState>(state), IEmailPreferencesGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public Task<EmailPreferences> GetAsync() => Task.FromResult(View());

    public async Task<EmailPreferences> SetAsync(SetEmailPreferences command, string actor)
    {
        var offered = Audience.Topics();
        var topics = InputRules.RequireCount(command.Topics, "input.topics", 0, offered.Count);
        InputRules.RequireUnique(topics, "input.topics");
        if (topics.Where(t => !offered.Contains(t)).Select(t => t.WireName()).ToList() is [_, ..] foreign)
        {
            throw CertGridException.Invalid("input.topics",
                $"{string.Join(", ", foreign)}: not among the topics emailed to {Audience.ToString().ToLowerInvariant()}; choose among {string.Join(", ", offered.Select(t => t.WireName()))}.");
        }

        var language = command.Language is null ? null : RequireLanguage(command.Language);
        State.OptedOut = offered.Where(t => !topics.Contains(t)).ToHashSet();
        State.Language = language;
        State.UpdatedAt = Now;
        await SaveAsync(AuditEvent(actor, "email.preferences-set", Key.Id, new { topics = topics.Select(t => t.ToString()).Order().ToList(), language }));
        return View();
    }

    public async Task<EmailPreferences> UnsubscribeAsync(EmailTopic topic, string actor)
    {
        if (State.OptedOut.Add(topic))
        {
            State.UpdatedAt = Now;
            await SaveAsync(AuditEvent(actor, "email.unsubscribed", Key.Id, new { topic = topic.ToString() }));
        }

        return View();
    }

    public async Task RecordBounceAsync(string addressFingerprint, string reason)
    {
        if (State.Bounce?.AddressFingerprint == addressFingerprint)
        {
            return;
        }

        State.Bounce = new EmailBounce(Key.Id, Now, reason.Length > 300 ? reason[..300] : reason, addressFingerprint);
        await SaveAsync(AuditEvent(Actors.System, "email.bounced", Key.Id, new { reason = State.Bounce.Reason }));
    }

    public async Task ClearBounceAsync()
    {
        if (State.Bounce is not null)
        {
            State.Bounce = null;
            await SaveAsync(AuditEvent(Actors.System, "email.bounce-cleared", Key.Id, new { }));
        }
    }

    public async Task EraseAsync()
    {
        if (!RecordExists)
        {
            return;
        }

        State.OptedOut.Clear();
        State.Language = null;
        State.Bounce = null;
        State.UpdatedAt = null;
        await SaveAsync();
    }

    protected override Task ProjectAsync()
    {
        var table = storage.ReadModel(storage.Names.NoticeEmailsTable);
        return State.Bounce is { } bounce ? table.UpsertAsync(EmailBounceRow.From(Community, bounce)) : table.DeleteAsync(Community, EmailBounceRow.KeyOf(Key.Id));
    }

    private static string RequireLanguage(string language)
    {
        var tag = language.Trim().ToLowerInvariant();
        return EmailText.Available.Contains(tag)
            ? tag
            : throw CertGridException.Invalid("input.language", $"Emails are written in {string.Join(", ", EmailText.Available.Order())}; '{language}' is not one of them.");
    }

    private EmailAudience Audience => EmailAudiences.Of(Key.Id);

    private EmailPreferences View() =>
        new(Key.Id, Audience.Topics().Where(t => !State.OptedOut.Contains(t)).ToList(), State.Language, State.Bounce, State.UpdatedAt);
}
