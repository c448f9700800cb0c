namespace CertGrid.Domain.Notices.Email;

/// <summary>What an email is about, as a person chooses it in their preferences and unsubscribes from it.</summary>
public enum EmailTopic
{
    /// <summary>A credential's renewal milestones: window open, 30 and 7 days left, expired, grace ended, lapsed, renewed.</summary>
    Renewals,
    /// <summary>Reminders before a booked assessment session.</summary>
    SessionReminders,
}
