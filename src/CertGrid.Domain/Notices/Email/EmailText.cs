using System.Collections.Frozen;
using System.Globalization;

namespace CertGrid.Domain.Notices.Email;

/// <summary>
/// The words of notice emails in each language they are written in (the languages CertGrid's own pages are written in).
/// Bodies are format strings: <c>{0}</c> the achievement, <c>{1}</c> the day of <see cref="NoticeEmail.At"/>, <c>{2}</c> the
/// day of <see cref="NoticeEmail.Until"/> (or of At), <c>{3}</c> the detail, <c>{4}</c> the time of At (UTC). A review assigned with a
/// deadline adds <see cref="DueBy"/>.
/// </summary>
public sealed class EmailText
{
    public const string DefaultLanguage = "en";

    private static readonly FrozenDictionary<string, EmailText> Languages = new Dictionary<string, EmailText>
    {
        ["en"] = new()
        {
            Greeting = "Hello {0},",
            Templates = new Dictionary<EmailTemplate, (string, string)>
            {
                [EmailTemplate.RenewalWindowOpened] = ("You can now renew '{0}'", "Your '{0}' credential can now be renewed. It expires on {1}."),
                [EmailTemplate.ExpiresIn30Days] = ("'{0}' expires in 30 days", "Your '{0}' credential expires in 30 days, on {1}. Renew it before then."),
                [EmailTemplate.ExpiresIn7Days] = ("'{0}' expires in 7 days", "Your '{0}' credential expires in 7 days, on {1}. Renew it before then."),
                [EmailTemplate.Expired] = ("'{0}' has expired", "Your '{0}' credential expired on {1} and is suspended. You can still renew it until {2}."),
                [EmailTemplate.GraceEnded] = ("The grace period of '{0}' has ended", "The grace period of your '{0}' credential has ended. It lapses on {2} unless you renew it."),
                [EmailTemplate.Lapsed] = ("'{0}' has lapsed", "Your '{0}' credential has lapsed; a full re-certification is required to hold it again."),
                [EmailTemplate.Renewed] = ("'{0}' was renewed", "Your '{0}' credential was renewed; the new credential is {3}."),
                [EmailTemplate.SessionReminder] = ("Your assessment session on {1}", "Your assessment session starts on {1} at {4} UTC and lasts {3} minutes."),
                [EmailTemplate.CredentialIssued] = ("Your credential '{0}' was issued", "Your credential '{0}' was issued on {1}. Its public page, which you can share: {3}"),
                [EmailTemplate.AttemptPassed] = ("You passed '{0}'", "Your attempt at '{0}' passed on {1}. Your credential is being issued; another email brings its public page."),
                [EmailTemplate.AttemptNotPassed] = ("Your attempt at '{0}' did not pass", "Your attempt at '{0}' did not pass ({1}). Sign in to CertGrid to read the panel's feedback; you may try again or appeal as your community's policy allows."),
                [EmailTemplate.AppealFiled] = ("Your appeal about '{0}' was filed", "Your appeal of the decision on your attempt at '{0}' was filed on {1}. A panel that took no part in the decision will review it."),
                [EmailTemplate.AppealOverturned] = ("Your appeal about '{0}' succeeded", "On {1} the appeal panel overturned the decision on your attempt at '{0}': you passed, and your credential is being issued."),
                [EmailTemplate.AppealUpheld] = ("Your appeal about '{0}' was decided", "On {1} the appeal panel upheld the decision on your attempt at '{0}'. Sign in to CertGrid to read its reasons."),
                [EmailTemplate.ReviewAssigned] = ("A review is waiting for you: '{0}'", "You were assigned to review a submission for '{0}' (reference {3}). Sign in to CertGrid to review it."),
                [EmailTemplate.ReviewOverdue] = ("Your review for '{0}' is overdue", "The deadline of your review of a submission for '{0}' (reference {3}) passed on {1}; the review was handed to another evaluator."),
                [EmailTemplate.ReviewDueSoon] = ("Reminder: your review for '{0}' is due on {1}", "Your review of a submission for '{0}' (reference {3}) is due on {1} at {4} UTC and has not been submitted yet. Sign in to CertGrid to review it before then; after the deadline it is handed to another evaluator."),
            }.ToFrozenDictionary(),
            Topics = new Dictionary<EmailTopic, string>
            {
                [EmailTopic.Renewals] = "renewal reminders", [EmailTopic.SessionReminders] = "session reminders", [EmailTopic.Credentials] = "credentials issued to you",
                [EmailTopic.Decisions] = "decisions on your attempts", [EmailTopic.Appeals] = "your appeals", [EmailTopic.Reviews] = "reviews assigned to you",
            }.ToFrozenDictionary(),
            DueBy = "Please submit your review by {2}.",
            SentBy = "{0} sent you this email through CertGrid.",
            Unsubscribe = "Stop emails about {0}",
            Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        },
        ["fr"] = new()
        {
            Greeting = "Bonjour {0},",
            Templates = new Dictionary<EmailTemplate, (string, string)>
            {
                [EmailTemplate.RenewalWindowOpened] = ("Vous pouvez renouveler « {0} »", "Votre titre « {0} » peut maintenant être renouvelé. Il expire le {1}."),
                [EmailTemplate.ExpiresIn30Days] = ("« {0} » expire dans 30 jours", "Votre titre « {0} » expire dans 30 jours, le {1}. Renouvelez-le avant cette date."),
                [EmailTemplate.ExpiresIn7Days] = ("« {0} » expire dans 7 jours", "Votre titre « {0} » expire dans 7 jours, le {1}. Renouvelez-le avant cette date."),
                [EmailTemplate.Expired] = ("« {0} » a expiré", "Votre titre « {0} » a expiré le {1} et est suspendu. Vous pouvez encore le renouveler jusqu'au {2}."),
                [EmailTemplate.GraceEnded] = ("Le délai de grâce de « {0} » est terminé", "Le délai de grâce de votre titre « {0} » est terminé. Il devient caduc le {2} si vous ne le renouvelez pas."),
                [EmailTemplate.Lapsed] = ("« {0} » est caduc", "Votre titre « {0} » est caduc ; une nouvelle certification complète est nécessaire pour le détenir à nouveau."),
                [EmailTemplate.Renewed] = ("« {0} » a été renouvelé", "Votre titre « {0} » a été renouvelé ; le nouveau titre est {3}."),
                [EmailTemplate.SessionReminder] = ("Votre session d'évaluation du {1}", "Votre session d'évaluation commence le {1} à {4} UTC et dure {3} minutes."),
                [EmailTemplate.CredentialIssued] = ("Votre titre « {0} » a été délivré", "Votre titre « {0} » a été délivré le {1}. Sa page publique, que vous pouvez partager : {3}"),
                [EmailTemplate.AttemptPassed] = ("Vous avez réussi « {0} »", "Votre candidature à « {0} » a été acceptée le {1}. Votre titre est en cours de délivrance ; un autre e-mail vous donnera sa page publique."),
                [EmailTemplate.AttemptNotPassed] = ("Votre candidature à « {0} » n'a pas abouti", "Votre candidature à « {0} » n'a pas été acceptée ({1}). Connectez-vous à CertGrid pour lire l'avis du jury ; vous pouvez réessayer ou faire appel selon les règles de votre communauté."),
                [EmailTemplate.AppealFiled] = ("Votre recours sur « {0} » est enregistré", "Votre recours contre la décision sur votre candidature à « {0} » a été enregistré le {1}. Un jury qui n'a pas pris part à la décision l'examinera."),
                [EmailTemplate.AppealOverturned] = ("Votre recours sur « {0} » a abouti", "Le {1}, le jury de recours a infirmé la décision sur votre candidature à « {0} » : vous avez réussi et votre titre est en cours de délivrance."),
                [EmailTemplate.AppealUpheld] = ("Votre recours sur « {0} » a été tranché", "Le {1}, le jury de recours a confirmé la décision sur votre candidature à « {0} ». Connectez-vous à CertGrid pour en lire les motifs."),
                [EmailTemplate.ReviewAssigned] = ("Une évaluation vous attend : « {0} »", "Vous avez été désigné(e) pour évaluer un dossier pour « {0} » (référence {3}). Connectez-vous à CertGrid pour l'évaluer."),
                [EmailTemplate.ReviewOverdue] = ("Votre évaluation pour « {0} » est en retard", "Le délai de votre évaluation d'un dossier pour « {0} » (référence {3}) a expiré le {1} ; l'évaluation a été confiée à un autre évaluateur."),
                [EmailTemplate.ReviewDueSoon] = ("Rappel : votre évaluation pour « {0} » est attendue le {1}", "Votre évaluation d'un dossier pour « {0} » (référence {3}) est attendue le {1} à {4} UTC et n'a pas encore été rendue. Connectez-vous à CertGrid pour l'évaluer avant cette date ; passé le délai, elle sera confiée à un autre évaluateur."),
            }.ToFrozenDictionary(),
            Topics = new Dictionary<EmailTopic, string>
            {
                [EmailTopic.Renewals] = "les rappels de renouvellement", [EmailTopic.SessionReminders] = "les rappels de session",
                [EmailTopic.Credentials] = "les titres qui vous sont délivrés", [EmailTopic.Decisions] = "les décisions sur vos candidatures",
                [EmailTopic.Appeals] = "vos recours", [EmailTopic.Reviews] = "les évaluations qui vous sont confiées",
            }.ToFrozenDictionary(),
            DueBy = "Merci de rendre votre évaluation au plus tard le {2}.",
            SentBy = "{0} vous a envoyé cet e-mail via CertGrid.",
            Unsubscribe = "Ne plus recevoir d'e-mails sur {0}",
            Months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        },
    }.ToFrozenDictionary();

    public static IReadOnlyCollection<string> Available => Languages.Keys;

    /// <summary>The first of <paramref name="preferred"/> written here (an exact tag, then its primary language), or English.</summary>
    public static EmailText For(params IEnumerable<string?> preferred)
    {
        foreach (var tag in preferred.OfType<string>().Select(t => t.Trim().ToLowerInvariant()))
        {
            if (Languages.TryGetValue(tag, out var exact) || Languages.TryGetValue(tag.Split('-')[0], out exact))
            {
                return exact;
            }
        }

        return Languages[DefaultLanguage];
    }

    public string Language => Languages.First(l => ReferenceEquals(l.Value, this)).Key;

    public required string Greeting { get; init; }
    public required FrozenDictionary<EmailTemplate, (string Subject, string Body)> Templates { get; init; }
    public required FrozenDictionary<EmailTopic, string> Topics { get; init; }
    public required string SentBy { get; init; }
    public required string Unsubscribe { get; init; }

    /// <summary>The sentence a review assigned with a deadline ends with (<c>{2}</c> the deadline's day).</summary>
    public required string DueBy { get; init; }

    /// <summary>The month names (the server runs without culture data, so dates are written from these).</summary>
    public required IReadOnlyList<string> Months { get; init; }

    public string Date(DateTimeOffset value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.UtcDateTime.Day} {Months[value.UtcDateTime.Month - 1]} {value.UtcDateTime.Year}");
}
