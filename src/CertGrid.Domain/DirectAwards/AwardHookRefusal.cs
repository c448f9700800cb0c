namespace CertGrid.Domain.DirectAwards;

/// <summary>
/// Why the award webhook refused a delivery: a stable <see cref="Code"/> (the problem's <c>code</c>), the HTTP status and a
/// message for a person. Award refusals (VALIDATION_FAILED, NOT_FOUND, POLICY_VIOLATION, CONFLICT, UNAVAILABLE) carry the
/// same codes as the <c>awardCredential</c> mutation.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.award-hook-refusal")]
public sealed record AwardHookRefusal([property: Id(0)] string Code, [property: Id(1)] int Status, [property: Id(2)] string Message)
{
    public static AwardHookRefusal UnknownCommunity(string community) =>
        new("UNKNOWN_COMMUNITY", 404, $"There is no community '{community}' here; check the hook URL (/c/{{community}}/hooks/award).");

    public static readonly AwardHookRefusal NotEnabled =
        new("HOOK_NOT_ENABLED", 403, "This community has no award hook secret: an admin creates one with createAwardHookSecret.");

    public static readonly AwardHookRefusal BadSignature =
        new("BAD_SIGNATURE", 401, "The CertGrid-Signature header is missing, malformed or not made with this community's award hook secret: sign \"{t}.{delivery id}.{raw body}\" with HMAC-SHA256 and send t={unix seconds},v1={hex}.");

    public static readonly AwardHookRefusal StaleTimestamp =
        new("STALE_TIMESTAMP", 401, $"The signature's timestamp is more than {(int)AwardHookRequest.Tolerance.TotalMinutes} minutes from the server's clock: sign each delivery when you send it, with a correct clock.");

    public static readonly AwardHookRefusal BadDeliveryId =
        new("BAD_DELIVERY_ID", 400, $"The {AwardHookRequest.DeliveryIdHeader} header is required: a unique id per delivery, 1-{AwardHookRequest.MaxDeliveryIdLength} letters, digits, '.', '_', ':' or '-'.");

    public static readonly AwardHookRefusal Replayed =
        new("REPLAYED_DELIVERY", 409, "This delivery id was already accepted: a new award needs a new delivery id (a repeated award with the same external id is answered with its credential).");

    public static readonly AwardHookRefusal TooLarge =
        new("PAYLOAD_TOO_LARGE", 413, $"The body is larger than {AwardHookRequest.MaxBodyBytes / 1024} KiB.");

    public static readonly AwardHookRefusal Unavailable =
        new("UNAVAILABLE", 503, "Storage did not answer in time: send the same delivery again shortly.");

    public static AwardHookRefusal MalformedPayload(string problem) => new("MALFORMED_PAYLOAD", 400, problem);
}
