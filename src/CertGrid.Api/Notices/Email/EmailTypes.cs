using CertGrid.Abstractions.Notices.Email;
using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Notices.Email;
using GraphQL.Types;

namespace CertGrid.Api.Notices.Email;

public sealed class EmailTopicType : EnumerationGraphType<EmailTopic>
{
    public EmailTopicType()
    {
        Name = "EmailTopic";
        Description = "What a notice email is about; people choose the topics they get by email.";
    }
}

public sealed class EmailPreferencesType : ObjectGraphType<EmailPreferences>
{
    public EmailPreferencesType()
    {
        Name = "EmailPreferences";
        Description = "Which notices a learner or an evaluator gets by email, in which language, and whether their address bounces.";
        Field<IdGraphType>("learnerId").Description("The learner (lrn_…); null for an evaluator's preferences.").Resolve(ctx => EmailPersonFields.Learner(ctx.Source.PersonId));
        Field<IdGraphType>("evaluatorId").Description("The evaluator (evl_…); null for a learner's preferences.").Resolve(ctx => EmailPersonFields.Evaluator(ctx.Source.PersonId));
        Field(x => x.Topics, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EmailTopicType>>>))
            .Description("The topics sent by email, among those of the person (learners: RENEWALS, SESSION_REMINDERS, CREDENTIALS, DECISIONS, APPEALS; evaluators: REVIEWS); the others reach only the in-app notices.");
        Field(x => x.Language, nullable: true).Description("The language of the emails (en, fr); null for the community's default language.");
        Field<NonNullGraphType<BooleanGraphType>>("bouncing").Description("True while the mail relay refuses the person's address: no email is sent until the address changes.")
            .Resolve(ctx => ctx.Source.Bounce is not null);
        Field<DateTimeOffsetGraphType>("bouncedAt").Description("When the relay refused the address (UTC instant); null when it does not bounce.").Resolve(ctx => ctx.Source.Bounce?.At);
        Field<StringGraphType>("bounceReason").Description("The relay's answer, e.g. '550 mailbox unavailable'; null when it does not bounce.").Resolve(ctx => ctx.Source.Bounce?.Reason);
        Field(x => x.UpdatedAt, nullable: true).Description("When the person last changed their preferences (UTC instant); null if never.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EmailBounceType : ObjectGraphType<EmailBounce>
{
    public EmailBounceType()
    {
        Name = "EmailBounce";
        Description = "A learner or an evaluator whose email address the mail relay refuses; they get no email until their address changes.";
        Field<IdGraphType>("learnerId").Description("The learner (lrn_…; correct their address with rectifyLearner), or null for an evaluator.").Resolve(ctx => EmailPersonFields.Learner(ctx.Source.PersonId));
        Field<IdGraphType>("evaluatorId").Description("The evaluator (evl_…), or null for a learner. An evaluator's address cannot be changed yet, so their bounce lasts.").Resolve(ctx => EmailPersonFields.Evaluator(ctx.Source.PersonId));
        Field(x => x.At, nullable: false).Description("When the relay refused the address (UTC instant).");
        Field(x => x.Reason, nullable: false).Description("The relay's answer, e.g. '550 mailbox unavailable'.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EmailPreferencesInput
{
    public List<EmailTopic> Topics { get; set; } = [];
    public string? Language { get; set; }
}

public sealed class EmailPreferencesInputType : InputObjectGraphType<EmailPreferencesInput>
{
    public EmailPreferencesInputType()
    {
        Name = "EmailPreferencesInput";
        Description = "The topics to get by email (the rest reach only the in-app notices) and the emails' language.";
        Field(x => x.Topics, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EmailTopicType>>>))
            .Description("Every topic to receive by email, among those of your emails (learners: RENEWALS, SESSION_REMINDERS, CREDENTIALS, DECISIONS, APPEALS; evaluators: REVIEWS); an empty list stops all notice emails.");
        Field(x => x.Language, nullable: true).Description("en or fr; null for the community's default language.");
    }
}

/// <summary>Which of a person's ids an email type shows as <c>learnerId</c> and which as <c>evaluatorId</c>.</summary>
internal static class EmailPersonFields
{
    public static string? Learner(string personId) => EmailAudiences.Of(personId) == EmailAudience.Learners ? personId : null;

    public static string? Evaluator(string personId) => EmailAudiences.Of(personId) == EmailAudience.Evaluators ? personId : null;
}
