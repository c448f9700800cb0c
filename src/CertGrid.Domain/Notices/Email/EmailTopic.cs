namespace CertGrid.Domain.Notices.Email;

/// <summary>What an email is about, as a person chooses it in their preferences and unsubscribes from it.</summary>
public enum EmailTopic
{
    /// <summary>A credential's renewal milestones: window open, 30 and 7 days left, expired, grace ended, lapsed, renewed (learners).</summary>
    Renewals,
    /// <summary>Reminders before a booked assessment session (learners).</summary>
    SessionReminders,
    /// <summary>A credential issued to the learner, with its public page (learners).</summary>
    Credentials,
    /// <summary>The decision on the learner's attempt: passed or not passed (learners).</summary>
    Decisions,
    /// <summary>The learner's appeal: filed, then decided (learners).</summary>
    Appeals,
    /// <summary>A review (of an attempt or an appeal) assigned to the evaluator, and its deadline passing (evaluators).</summary>
    Reviews,
}
