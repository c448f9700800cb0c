namespace CertGrid.Domain.Notices.Email;

/// <summary>
/// The emails of an assessment: to the learner, their credential issued, the decision on their attempt and their appeal;
/// to an evaluator, a review assigned, its deadline near (a reminder) and its deadline passed. Each id is derived from what it announces (one email per
/// credential, decision, appeal step or seat), so a retried change sends nothing twice. None carries a reviewer's notes
/// or, to an evaluator, who the learner is.
/// </summary>
public static class AssessmentEmails
{
    private const string Prefix = "eml";

    public static NoticeEmail CredentialIssued(string community, string credentialId, string learnerId, string achievement, DateTimeOffset issuedAt, string publicPage) =>
        new(Id(community, EmailTemplate.CredentialIssued, credentialId, learnerId), learnerId, EmailTemplate.CredentialIssued, achievement, issuedAt, null, publicPage);

    /// <summary>The decision on an attempt; an appeal's outcome is <see cref="AppealDecided"/>.</summary>
    public static NoticeEmail Decided(string community, string attemptId, string learnerId, string achievement, bool passed, DateTimeOffset decidedAt)
    {
        var template = passed ? EmailTemplate.AttemptPassed : EmailTemplate.AttemptNotPassed;
        return new(Id(community, template, attemptId, learnerId), learnerId, template, achievement, decidedAt, null, null);
    }

    public static NoticeEmail AppealFiled(string community, string appealId, string learnerId, string achievement, DateTimeOffset filedAt) =>
        new(Id(community, EmailTemplate.AppealFiled, appealId, learnerId), learnerId, EmailTemplate.AppealFiled, achievement, filedAt, null, null);

    public static NoticeEmail AppealDecided(string community, string appealId, string learnerId, string achievement, bool overturned, DateTimeOffset decidedAt)
    {
        var template = overturned ? EmailTemplate.AppealOverturned : EmailTemplate.AppealUpheld;
        return new(Id(community, template, appealId, learnerId), learnerId, template, achievement, decidedAt, null, null);
    }

    /// <summary>An evaluator was given a seat on the panel of <paramref name="reviewedId"/> (an attempt or an appeal), due by <paramref name="dueAt"/> if the policy sets a deadline.</summary>
    public static NoticeEmail ReviewAssigned(string community, string reviewedId, string evaluatorId, string achievement, DateTimeOffset assignedAt, DateTimeOffset? dueAt) =>
        new(Id(community, EmailTemplate.ReviewAssigned, reviewedId, evaluatorId, assignedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            evaluatorId, EmailTemplate.ReviewAssigned, achievement, assignedAt, dueAt, reviewedId);

    /// <summary>
    /// The evaluator's review is still not submitted as its deadline (<paramref name="dueAt"/>) nears; one reminder per seat
    /// (the evaluator and when they were assigned), so a redelivery sends it once and a later seat gets its own.
    /// </summary>
    public static NoticeEmail ReviewDueSoon(string community, string reviewedId, string evaluatorId, string achievement, DateTimeOffset assignedAt, DateTimeOffset dueAt) =>
        new(Id(community, EmailTemplate.ReviewDueSoon, reviewedId, evaluatorId, assignedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            evaluatorId, EmailTemplate.ReviewDueSoon, achievement, dueAt, null, reviewedId);

    /// <summary>The evaluator's deadline passed without their review: the seat went to someone else.</summary>
    public static NoticeEmail ReviewOverdue(string community, string reviewedId, string evaluatorId, string achievement, DateTimeOffset dueAt) =>
        new(Id(community, EmailTemplate.ReviewOverdue, reviewedId, evaluatorId), evaluatorId, EmailTemplate.ReviewOverdue, achievement, dueAt, null, reviewedId);

    private static string Id(string community, EmailTemplate template, params string[] parts) => NoticeEmail.DerivedId(Prefix, [community, template.ToString(), .. parts]);
}
