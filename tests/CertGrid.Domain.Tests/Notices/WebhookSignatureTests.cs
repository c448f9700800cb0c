using CertGrid.Domain.Tenancy;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Notices;

public class WebhookSignatureTests
{
    private const string Secret = "whsec_test-secret-0123456789abcdef";
    private const string Body = """{"id":"ntc_x","type":"renewal.expired"}""";
    private static readonly DateTimeOffset At = new(2027, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_header_carries_the_timestamp_and_an_hmac_of_timestamp_dot_body()
    {
        var header = WebhookSignature.Header(Secret, At, Body);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Secret), System.Text.Encoding.UTF8.GetBytes($"{At.ToUnixTimeSeconds()}.{Body}")));
        Assert.Equal($"t={At.ToUnixTimeSeconds()},v1={expected}", header);
        Assert.True(WebhookSignature.Verify(Secret, header, Body, At.AddSeconds(30), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_changed_body_a_wrong_secret_or_an_old_timestamp_fail_verification()
    {
        var header = WebhookSignature.Header(Secret, At, Body);

        Assert.False(WebhookSignature.Verify(Secret, header, Body + " ", At, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret + "x", header, Body, At, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, null, Body, At, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, "v1=abc", Body, At, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap_and_ends_in_the_dead_letter_list()
    {
        var delays = Enumerable.Range(1, 8).Select(a => DeliveryBackoff.After(a, 8, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10))).ToList();

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromSeconds(480), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), null],
            delays);
    }

    [Fact]
    public void Notice_ids_are_stable_for_the_same_notice_and_differ_otherwise()
    {
        var expires = At.AddDays(90);
        var id = NoticeIds.For("acme", "vc_1", NoticeKind.Expired, expires);

        Assert.Equal(id, NoticeIds.For("acme", "vc_1", NoticeKind.Expired, expires));
        Assert.True(EntityId.IsValid(id, NoticeIds.Prefix));
        Assert.NotEqual(id, NoticeIds.For("acme", "vc_1", NoticeKind.Lapsed, expires));
        Assert.NotEqual(id, NoticeIds.For("acme", "vc_1", NoticeKind.Expired, expires.AddDays(365)));
        Assert.NotEqual(id, NoticeIds.For("other", "vc_1", NoticeKind.Expired, expires));
    }

    [Fact]
    public void Every_milestone_has_a_notice_kind_and_an_event_type()
    {
        var kinds = new[] { RenewalMilestone.WindowOpened, RenewalMilestone.ThirtyDaysLeft, RenewalMilestone.SevenDaysLeft, RenewalMilestone.Expired, RenewalMilestone.GraceEnded, RenewalMilestone.Lapsed }
            .Select(NoticeKinds.For).ToList();
        Assert.Equal(6, kinds.Distinct().Count());
        Assert.Equal(7, Enum.GetValues<NoticeKind>().Select(k => k.EventType()).Distinct().Count());
    }

    [Theory]
    [InlineData("http://hooks.example/x", false)]
    [InlineData("ftp://hooks.example/x", true)]
    [InlineData("https://user:pw@hooks.example/x", false)]
    [InlineData("https://hooks.example/x#frag", false)]
    [InlineData("hooks.example/x", true)]
    public void Endpoint_urls_must_be_https_without_credentials(string url, bool allowHttp) =>
        Assert.Equal("input.url", Assert.Throws<CertGridException>(() => WebhookEndpointRules.RequireUrl(url, allowHttp, allowPrivateNetworks: true)).Field);

    [Theory]
    [InlineData("https://localhost/hook")]
    [InlineData("https://127.0.0.1:8443/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::5]/hook")]
    public void Internal_addresses_are_refused_unless_private_networks_are_allowed(string url)
    {
        var refused = Assert.Throws<CertGridException>(() => WebhookEndpointRules.RequireUrl(url, allowHttp: false, allowPrivateNetworks: false));
        Assert.Contains("internal address", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri(url), WebhookEndpointRules.RequireUrl(url, allowHttp: false, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("::ffff:93.184.216.34", true)]
    [InlineData("127.0.0.53", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    public void Only_public_addresses_count_as_public(string address, bool expected) =>
        Assert.Equal(expected, NetworkAddressRules.IsPublic(System.Net.IPAddress.Parse(address)));

    [Fact]
    public void A_secret_is_generated_when_none_is_given_and_checked_when_one_is()
    {
        var secret = WebhookEndpointRules.SecretOrNew(null);
        Assert.StartsWith("whsec_", secret);
        Assert.True(secret.Length > 40);
        Assert.NotEqual(secret, WebhookEndpointRules.SecretOrNew(null));
        Assert.Equal("input.secret", Assert.Throws<CertGridException>(() => WebhookEndpointRules.SecretOrNew("short")).Field);
    }
}
