namespace CertGrid.Domain.Notices.Email;

/// <summary>Which email a notice becomes; each has a subject and a body in every language of <see cref="EmailText"/>.</summary>
public enum EmailTemplate
{
    RenewalWindowOpened,
    ExpiresIn30Days,
    ExpiresIn7Days,
    Expired,
    GraceEnded,
    Lapsed,
    Renewed,
    SessionReminder,
    CredentialIssued,
    AttemptPassed,
    AttemptNotPassed,
    AppealFiled,
    AppealOverturned,
    AppealUpheld,
    ReviewAssigned,
    ReviewOverdue,
    ReviewDueSoon,
}

/// <summary>The template of each notice kind and the topic of each template.</summary>
public static class EmailTemplates
{
    public static EmailTemplate For(NoticeKind kind) => kind switch
    {
        NoticeKind.RenewalWindowOpened => EmailTemplate.RenewalWindowOpened,
        NoticeKind.ExpiresIn30Days => EmailTemplate.ExpiresIn30Days,
        NoticeKind.ExpiresIn7Days => EmailTemplate.ExpiresIn7Days,
        NoticeKind.Expired => EmailTemplate.Expired,
        NoticeKind.GraceEnded => EmailTemplate.GraceEnded,
        NoticeKind.Lapsed => EmailTemplate.Lapsed,
        _ => EmailTemplate.Renewed,
    };

    public static EmailTopic Topic(this EmailTemplate template) => template switch
    {
        EmailTemplate.SessionReminder => EmailTopic.SessionReminders,
        EmailTemplate.CredentialIssued => EmailTopic.Credentials,
        EmailTemplate.AttemptPassed or EmailTemplate.AttemptNotPassed => EmailTopic.Decisions,
        EmailTemplate.AppealFiled or EmailTemplate.AppealOverturned or EmailTemplate.AppealUpheld => EmailTopic.Appeals,
        EmailTemplate.ReviewAssigned or EmailTemplate.ReviewDueSoon or EmailTemplate.ReviewOverdue => EmailTopic.Reviews,
        _ => EmailTopic.Renewals,
    };
}
