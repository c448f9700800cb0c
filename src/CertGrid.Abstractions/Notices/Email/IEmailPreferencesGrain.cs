using CertGrid.Domain.Notices.Email;

namespace CertGrid.Abstractions.Notices.Email;

/// <summary>
/// A person's email preferences (which topics they get by email, in which language) and whether their address bounces: a
/// learner's or an evaluator's, each choosing among the topics of their audience. Key: <c>{community}/{learnerId or evaluatorId}</c>.
/// </summary>
public interface IEmailPreferencesGrain : IGrainWithStringKey
{
    /// <summary>The preferences; every topic of their audience by email in the community's language until the person chooses otherwise.</summary>
    [ReadOnly]
    Task<EmailPreferences> GetAsync();

    /// <summary>Replaces the topics the person gets by email and their email language (null: the community's). VALIDATION_FAILED for a language we do not write in or a topic not of their audience.</summary>
    Task<EmailPreferences> SetAsync(SetEmailPreferences command, string actor);

    /// <summary>Stops emails of one topic (an unsubscribe link). Idempotent.</summary>
    Task<EmailPreferences> UnsubscribeAsync(EmailTopic topic, string actor);

    /// <summary>Records that the relay refused the address with the given fingerprint for good: no more emails to it.</summary>
    Task RecordBounceAsync(string addressFingerprint, string reason);

    /// <summary>Forgets a bounce once mail to the (changed) address was accepted again.</summary>
    Task ClearBounceAsync();

    /// <summary>Forgets everything (the person was erased).</summary>
    Task EraseAsync();
}

[GenerateSerializer, Immutable, Alias("certgrid.set-email-preferences")]
public sealed record SetEmailPreferences(
    [property: Id(0)] IReadOnlyList<EmailTopic> Topics,
    [property: Id(1)] string? Language);

/// <summary>What a learner or evaluator gets by email; <see cref="Bounce"/> is set while their address is refused by the relay.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.email-preferences")]
public sealed record EmailPreferences(
    [property: Id(0)] string PersonId,
    [property: Id(1)] IReadOnlyList<EmailTopic> Topics,
    [property: Id(2)] string? Language,
    [property: Id(3)] EmailBounce? Bounce,
    [property: Id(4)] DateTimeOffset? UpdatedAt)
{
    public bool Wants(EmailTopic topic) => Topics.Contains(topic);

    public EmailAudience Audience => EmailAudiences.Of(PersonId);
}

/// <summary>The relay refused an address for good: when, why, and the fingerprint of the address it refused (never the address).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.email-bounce")]
public sealed record EmailBounce(
    [property: Id(0)] string PersonId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Reason,
    [property: Id(3)] string AddressFingerprint);
