using CertGrid.Abstractions.Notices;
using CertGrid.Domain.Notices;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Notices;

public sealed class NoticeKindType : EnumerationGraphType<NoticeKind>
{
    public NoticeKindType()
    {
        Name = "NoticeKind";
        Description = "What a notice announces; webhooks carry it as 'type' (renewal.window_opened, renewal.expires_in_30_days, ...).";
    }
}

public sealed class NoticeType : ObjectGraphType<Notice>
{
    public NoticeType()
    {
        Name = "Notice";
        Description = "A notice about a credential's lifespan; its id is the webhook idempotency key.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Kind, type: typeof(NonNullGraphType<NoticeKindType>));
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(ctx => ctx.Source.Kind.EventType());
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AchievementName, nullable: false);
        Field(x => x.At, nullable: false);
        Field(x => x.Message, nullable: false);
        Field(x => x.ExpiresAt, nullable: false);
        Field(x => x.RenewBy, nullable: true);
        Field(x => x.RenewedByCredentialId, type: typeof(IdGraphType));
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class WebhookEndpointType : ObjectGraphType<WebhookEndpoint>
{
    public WebhookEndpointType()
    {
        Name = "WebhookEndpoint";
        Description = "A URL notices are posted to, signed with the endpoint's secret.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Url, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.CreatedAt, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RegisteredWebhookEndpointType : ObjectGraphType<RegisteredWebhookEndpoint>
{
    public RegisteredWebhookEndpointType()
    {
        Name = "RegisteredWebhookEndpoint";
        Description = "A newly registered webhook endpoint and its signing secret (shown once).";
        Field<NonNullGraphType<WebhookEndpointType>>("endpoint").Resolve(ctx => ctx.Source.Endpoint);
        Field(x => x.Secret, nullable: false).Description("The signing secret; shown only now. Verify the CertGrid-Signature header with it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DeadLetterType : ObjectGraphType<DeadLetter>
{
    public DeadLetterType()
    {
        Name = "WebhookDeadLetter";
        Description = "A delivery that failed every attempt.";
        Field(x => x.NoticeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.EndpointId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.EventType, nullable: false);
        Field(x => x.Attempts, nullable: false);
        Field(x => x.LastError, nullable: false);
        Field(x => x.DeadLetteredAt, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RegisterWebhookEndpointInput
{
    public string Url { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Secret { get; set; }
}

public sealed class RegisterWebhookEndpointInputType : InputObjectGraphType<RegisterWebhookEndpointInput>
{
    public RegisterWebhookEndpointInputType()
    {
        Name = "RegisterWebhookEndpointInput";
        Description = "A webhook endpoint: the HTTPS URL notices are posted to and the headers to send.";
        Field(x => x.Url, nullable: false).Description("An https URL that accepts POSTed JSON.");
        Field(x => x.Description, nullable: true);
        Field(x => x.Secret, nullable: true).Description("Your own signing secret (24-200 characters); omit to have one generated.");
    }
}
