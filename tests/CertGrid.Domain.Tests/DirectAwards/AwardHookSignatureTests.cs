using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.DirectAwards;
using CertGrid.Domain.Notices;

namespace CertGrid.Domain.Tests.DirectAwards;

/// <summary>The award webhook's signature rules, without Orleans: what is signed, the tolerance, and every way a delivery fails.</summary>
public class AwardHookSignatureTests
{
    private const string Secret = "whsec_Zm9yLXRlc3RzLW9ubHktMzItYnl0ZXMtb2Yta2V5";
    private const string DeliveryId = "dlv-2027-05-01-0001";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"definitionId":"def_x","learnerEmail":"ada@example.org","externalId":"course-7/ada","source":"moodle"}""");
    private static readonly DateTimeOffset At = new(2027, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_delivery_signed_over_timestamp_delivery_id_and_raw_body_is_valid()
    {
        var t = At.ToUnixTimeSeconds();
        // Computed here the way the docs' openssl one-liner does: HMAC-SHA256 of "{t}.{delivery id}.{raw body}", hex.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.ASCII.GetBytes($"{t}.{DeliveryId}."), .. Body]));

        Assert.Equal(WebhookSignatureCheck.Valid, Check($"t={t},v1={expected}", At.AddSeconds(20)));
        Assert.Equal(expected, WebhookSignature.Compute(Secret, t, AwardHookRequest.SignedContent(DeliveryId, Body)));
    }

    [Fact]
    public void Another_body_delivery_id_or_secret_does_not_match()
    {
        var header = Header(At);

        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check([Secret], header, AwardHookRequest.SignedContent(DeliveryId, [.. Body, (byte)' ']), At, AwardHookRequest.Tolerance));
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check([Secret], header, AwardHookRequest.SignedContent(DeliveryId + "2", Body), At, AwardHookRequest.Tolerance));
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check([Secret + "x"], header, AwardHookRequest.SignedContent(DeliveryId, Body), At, AwardHookRequest.Tolerance));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_away_either_way_is_stale()
    {
        Assert.Equal(WebhookSignatureCheck.Valid, Check(Header(At), At.AddMinutes(5)));
        Assert.Equal(WebhookSignatureCheck.Valid, Check(Header(At), At.AddMinutes(-5)));
        Assert.Equal(WebhookSignatureCheck.Stale, Check(Header(At), At.AddMinutes(5).AddSeconds(1)));
        Assert.Equal(WebhookSignatureCheck.Stale, Check(Header(At), At.AddMinutes(-5).AddSeconds(-1)));
    }

    [Fact]
    public void A_stale_timestamp_is_told_only_to_a_correct_signer()
    {
        var forged = $"t={At.ToUnixTimeSeconds()},v1={new string('0', 64)}";
        Assert.Equal(WebhookSignatureCheck.Mismatch, Check(forged, At.AddHours(1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=0a0b")]
    [InlineData("t=1809000000")]
    [InlineData("t=soon,v1=0a0b")]
    [InlineData("t=1809000000,v1=")]
    [InlineData("sha256=0a0b")]
    public void A_missing_or_malformed_header_is_malformed(string? header) =>
        Assert.Equal(WebhookSignatureCheck.Malformed, Check(header, At));

    [Fact]
    public void The_previous_secret_verifies_alongside_the_current_one_and_any_v1_may_match()
    {
        var t = At.ToUnixTimeSeconds();
        var signed = AwardHookRequest.SignedContent(DeliveryId, Body);
        var byOld = WebhookSignature.Compute("whsec_the-previous-secret-of-24-chars", t, signed);

        Assert.Equal(WebhookSignatureCheck.Valid, WebhookSignature.Check([Secret, "whsec_the-previous-secret-of-24-chars"], $"t={t},v1={byOld}", signed, At, AwardHookRequest.Tolerance));
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check([Secret], $"t={t},v1={byOld}", signed, At, AwardHookRequest.Tolerance));
        Assert.Equal(WebhookSignatureCheck.Valid, Check($"t={t},v1={byOld},v1={WebhookSignature.Compute(Secret, t, signed)}", At));
    }

    [Theory]
    [InlineData("dlv-1", true)]
    [InlineData("evt_01HZX3:retry.2", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("has space", false)]
    [InlineData("slash/inside", false)]
    [InlineData("hash#inside", false)]
    public void A_delivery_id_is_a_short_token_safe_as_a_table_key(string? id, bool valid)
    {
        Assert.Equal(valid, AwardHookRequest.IsValidDeliveryId(id));
        Assert.False(AwardHookRequest.IsValidDeliveryId(new string('a', AwardHookRequest.MaxDeliveryIdLength + 1)));
    }

    [Fact]
    public void Deliveries_are_remembered_for_longer_than_a_replay_could_pass_the_timestamp_check() =>
        Assert.True(AwardHookRequest.RememberDeliveriesFor > 2 * AwardHookRequest.Tolerance);

    private static string Header(DateTimeOffset at) =>
        $"t={at.ToUnixTimeSeconds()},v1={WebhookSignature.Compute(Secret, at.ToUnixTimeSeconds(), AwardHookRequest.SignedContent(DeliveryId, Body))}";

    private static WebhookSignatureCheck Check(string? header, DateTimeOffset now) =>
        WebhookSignature.Check([Secret], header, AwardHookRequest.SignedContent(DeliveryId, Body), now, AwardHookRequest.Tolerance);
}
