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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The notice's id, derived from what it announces: the same notice is never sent twice, so use it as the idempotency key.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<NoticeKindType>)).Description("What the notice announces.");
        Field<NonNullGraphType<StringGraphType>>("eventType").Description("The webhook event type, e.g. renewal.window_opened or renewal.expires_in_30_days.").Resolve(ctx => ctx.Source.Kind.EventType());
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential holder (lrn_…) it is addressed to.");
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential (vc_…) it is about.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) of that credential.");
        Field(x => x.AchievementName, nullable: false).Description("The credential's achievement name.");
        Field(x => x.At, nullable: false).Description("When the notice was raised (UTC instant).");
        Field(x => x.Message, nullable: false).Description("The notice as a sentence for the holder.");
        Field(x => x.ExpiresAt, nullable: false).Description("When the credential expires or expired (UTC instant).");
        Field(x => x.RenewBy, nullable: true).Description("The last moment it can still be renewed, at the end of its grace period (UTC instant); null when there is none.");
        Field(x => x.RenewedByCredentialId, type: typeof(IdGraphType)).Description("The credential (vc_…) that renewed it, for a renewal notice; null otherwise.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class WebhookEndpointType : ObjectGraphType<WebhookEndpoint>
{
    public WebhookEndpointType()
    {
        Name = "WebhookEndpoint";
        Description = "A URL notices are posted to, signed with the endpoint's secret.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The endpoint's id (whk_…).");
        Field(x => x.Url, nullable: false).Description("The https URL notices are POSTed to.");
        Field(x => x.Description, nullable: true).Description("What the endpoint is for, as the admin wrote; null when none was given.");
        Field(x => x.CreatedAt, nullable: false).Description("When it was registered (UTC instant).");
        Field(x => x.EventTypes, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("The event types it receives; null: the renewal notices only.");
        Field(x => x.PartnerId, type: typeof(IdGraphType)).Description("The partner organisation (ptn_…) that registered it, receiving the credential events of credentials shared with it; null for the community's own endpoints.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RegisteredWebhookEndpointType : ObjectGraphType<RegisteredWebhookEndpoint>
{
    public RegisteredWebhookEndpointType()
    {
        Name = "RegisteredWebhookEndpoint";
        Description = "A newly registered webhook endpoint and its signing secret (shown once).";
        Field<NonNullGraphType<WebhookEndpointType>>("endpoint").Description("The endpoint as webhookEndpoints lists it.").Resolve(ctx => ctx.Source.Endpoint);
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
        Field(x => x.NoticeId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The notice (ntc_…) that could not be delivered.");
        Field(x => x.EndpointId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The endpoint (whk_…) it was meant for.");
        Field(x => x.EventType, nullable: false).Description("The webhook event type, e.g. renewal.window_opened.");
        Field(x => x.Attempts, nullable: false).Description("How many deliveries were tried before giving up.");
        Field(x => x.LastError, nullable: false).Description("What went wrong on the last try (an HTTP status or a network error).");
        Field(x => x.DeadLetteredAt, nullable: false).Description("When delivery was given up (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RegisterWebhookEndpointInput
{
    public string Url { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Secret { get; set; }
    public List<string>? EventTypes { get; set; }
}

public sealed class RegisterWebhookEndpointInputType : InputObjectGraphType<RegisterWebhookEndpointInput>
{
    public RegisterWebhookEndpointInputType()
    {
        Name = "RegisterWebhookEndpointInput";
        Description = "A webhook endpoint: the HTTPS URL notices are posted to and the headers to send.";
        Field(x => x.Url, nullable: false).Description("An https URL that accepts POSTed JSON.");
        Field(x => x.Description, nullable: true).Description("What the endpoint is for: up to 500 characters.");
        Field(x => x.Secret, nullable: true).Description("Your own signing secret (24-200 characters); omit to have one generated.");
        Field(x => x.EventTypes, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("The event types it receives (see docs/api/events.md): community events such as credential.issued and the renewal notices such as renewal.expired. Omit to receive the renewal notices only.");
    }
}
