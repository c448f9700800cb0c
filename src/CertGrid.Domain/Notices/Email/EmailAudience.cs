using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Notices.Email;

/// <summary>Who an email is written to: a learner or an evaluator, each with the topics that concern them.</summary>
public enum EmailAudience
{
    Learners,
    Evaluators,
}

/// <summary>The audience of a recipient (told by their id's prefix) and the topics each audience chooses from.</summary>
public static class EmailAudiences
{
    private static readonly IReadOnlyList<EmailTopic> LearnerTopics =
        [EmailTopic.Renewals, EmailTopic.SessionReminders, EmailTopic.Credentials, EmailTopic.Decisions, EmailTopic.Appeals];

    private static readonly IReadOnlyList<EmailTopic> EvaluatorTopics = [EmailTopic.Reviews];

    /// <summary>Evaluators for an evaluator id (<c>evl_…</c>); learners otherwise.</summary>
    public static EmailAudience Of(string recipientId) =>
        recipientId.StartsWith(IdPrefixes.Evaluator + "_", StringComparison.Ordinal) ? EmailAudience.Evaluators : EmailAudience.Learners;

    public static IReadOnlyList<EmailTopic> Topics(this EmailAudience audience) =>
        audience == EmailAudience.Evaluators ? EvaluatorTopics : LearnerTopics;

    /// <summary>The topic as GraphQL and messages spell it: <c>SESSION_REMINDERS</c>.</summary>
    public static string WireName(this EmailTopic topic) =>
        string.Concat(topic.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : char.ToUpperInvariant(c).ToString()));
}
