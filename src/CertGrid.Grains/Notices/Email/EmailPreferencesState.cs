using CertGrid.Abstractions.Notices.Email;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Notices.Email;

[GenerateSerializer, Alias("certgrid.state.email-preferences")]
public sealed class EmailPreferencesState : DurableState
{
    /// <summary>Topics the learner stopped (a topic added later reaches them until they stop it too).</summary>
    [Id(0)] public HashSet<EmailTopic> OptedOut { get; set; } = [];

    /// <summary>The language of their emails; null for the community's default language.</summary>
    [Id(1)] public string? Language { get; set; }

    [Id(2)] public EmailBounce? Bounce { get; set; }

    [Id(3)] public DateTimeOffset? UpdatedAt { get; set; }
}
