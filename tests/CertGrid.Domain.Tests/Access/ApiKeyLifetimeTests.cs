using CertGrid.Domain.Access;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Tests.Access;

public class ApiKeyLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_works_until_its_expiry_and_never_after_a_revocation()
    {
        Assert.True(ApiKeyLifetime.IsUsable(null, null, Now));
        Assert.True(ApiKeyLifetime.IsUsable(null, Now.AddTicks(1), Now));
        Assert.False(ApiKeyLifetime.IsUsable(null, Now, Now));
        Assert.False(ApiKeyLifetime.IsUsable(Now.AddDays(-1), Now.AddDays(1), Now));
    }

    [Fact]
    public void An_expiry_must_lie_ahead_within_the_maximum_lifetime()
    {
        Assert.Null(ApiKeyLifetime.RequireExpiry(null, Now, "input.expiresAt"));
        Assert.Equal(Now.AddDays(90), ApiKeyLifetime.RequireExpiry(Now.AddDays(90), Now, "input.expiresAt"));
        var past = Assert.Throws<CertGridException>(() => ApiKeyLifetime.RequireExpiry(Now, Now, "input.expiresAt"));
        Assert.Equal(ErrorCode.ValidationFailed, past.Code);
        Assert.Equal("input.expiresAt", past.Field);
        Assert.Throws<CertGridException>(() => ApiKeyLifetime.RequireExpiry(Now + ApiKeyLifetime.MaxLifetime + TimeSpan.FromSeconds(1), Now, "input.expiresAt"));
    }

    [Fact]
    public void Use_is_recorded_at_most_once_per_interval()
    {
        Assert.True(ApiKeyLifetime.ShouldRecordUse(null, Now));
        Assert.False(ApiKeyLifetime.ShouldRecordUse(Now - ApiKeyLifetime.UseRecordingInterval + TimeSpan.FromSeconds(1), Now));
        Assert.True(ApiKeyLifetime.ShouldRecordUse(Now - ApiKeyLifetime.UseRecordingInterval, Now));
    }

    [Fact]
    public void A_rotation_ends_the_old_key_after_the_grace_period_unless_it_expires_sooner()
    {
        Assert.Equal(Now.AddHours(1), ApiKeyLifetime.ExpiryAfterRotation(null, Now, TimeSpan.FromHours(1)));
        Assert.Equal(Now.AddMinutes(10), ApiKeyLifetime.ExpiryAfterRotation(Now.AddMinutes(10), Now, TimeSpan.FromHours(1)));
        Assert.Equal(Now, ApiKeyLifetime.ExpiryAfterRotation(Now.AddDays(10), Now, TimeSpan.Zero));
        Assert.Throws<CertGridException>(() => ApiKeyLifetime.RequireGrace(-1, "graceMinutes"));
        Assert.Throws<CertGridException>(() => ApiKeyLifetime.RequireGrace((int)ApiKeyLifetime.MaxRotationGrace.TotalMinutes + 1, "graceMinutes"));
    }
}
