using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CertGrid.Domain.DirectAwards;

/// <summary>
/// The award webhook's request: <c>POST /c/{community}/hooks/award</c> with the award as a JSON body (the fields of the
/// <c>awardCredential</c> input), a delivery id in <see cref="DeliveryIdHeader"/> and
/// <c>CertGrid-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{delivery id}.{raw body}"}</c> keyed with the
/// community's award hook secret. A delivery is accepted once, within <see cref="Tolerance"/> of its timestamp.
/// </summary>
public static partial class AwardHookRequest
{
    public const string DeliveryIdHeader = "CertGrid-Delivery-Id";
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxDeliveryIdLength = 100;

    /// <summary>How far a delivery's timestamp may be from the server's clock, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>How long a delivery id is remembered: any replay later than this has a stale timestamp anyway.</summary>
    public static readonly TimeSpan RememberDeliveriesFor = 2 * Tolerance + TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static bool IsValidDeliveryId(string? value) => value is { Length: > 0 and <= MaxDeliveryIdLength } && DeliveryIdPattern().IsMatch(value);

    /// <summary>What the signature covers after <c>"{t}."</c>: <c>"{delivery id}."</c> and the raw body.</summary>
    public static byte[] SignedContent(string deliveryId, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(deliveryId + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return signed;
    }

    /// <summary>
    /// The award the body states, or null with <paramref name="problem"/> saying why the body is not one: not JSON, not an
    /// object, a field of the wrong type, or a field the award does not have (nothing is silently ignored). The award's
    /// content is checked afterwards by <see cref="DirectAwardRules"/>.
    /// </summary>
    public static DirectAward? ReadBody(ReadOnlySpan<byte> body, out string? problem)
    {
        try
        {
            var award = JsonSerializer.Deserialize<DirectAward>(body, Json);
            problem = award is null ? "The body must be a JSON object: the award." : null;
            return award;
        }
        catch (JsonException ex)
        {
            problem = $"The body is not an award: what is at {ex.Path ?? "$"} is not valid JSON or not a field of an award. Expected one JSON object with "
                + "definitionId, learnerId or learnerEmail, externalId and source (strings) and evidence (a list of {url, title}), nothing else.";
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex DeliveryIdPattern();
}
