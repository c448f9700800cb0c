using System.Text;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Notices.Email;

namespace CertGrid.Domain.Tests.Notices.Email;

public sealed class UnsubscribeTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-link-key-of-at-least-thirty-two-characters");

    [Fact]
    public void A_signed_token_reads_back_as_the_person_and_topic_it_names()
    {
        var token = new UnsubscribeToken("northwind", "lrn_0123456789abcdefghjk", EmailTopic.SessionReminders).Sign(Key);

        Assert.Equal(new UnsubscribeToken("northwind", "lrn_0123456789abcdefghjk", EmailTopic.SessionReminders), UnsubscribeToken.Read(Key, token));
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1..")]
    [InlineData("v1.!!!.???")]
    public void Malformed_tokens_are_refused_with_the_token_field(string? token)
    {
        var error = Assert.Throws<CertGridException>(() => UnsubscribeToken.Read(Key, token));
        Assert.Equal((ErrorCode.ValidationFailed, "token"), (error.Code, error.Field));
    }

    [Fact]
    public void A_token_signed_with_another_key_or_with_a_changed_payload_is_refused()
    {
        var genuine = new UnsubscribeToken("northwind", "lrn_0123456789abcdefghjk", EmailTopic.Renewals).Sign(Key);
        var otherKey = new UnsubscribeToken("northwind", "lrn_0123456789abcdefghjk", EmailTopic.Renewals).Sign(Encoding.UTF8.GetBytes("another-key-another-key-another-key-0123"));
        var otherPerson = new UnsubscribeToken("northwind", "lrn_zzzzzzzzzzzzzzzzzzzz", EmailTopic.Renewals).Sign(Key).Split('.')[1];
        var swapped = $"v1.{otherPerson}.{genuine.Split('.')[2]}";

        Assert.Throws<CertGridException>(() => UnsubscribeToken.Read(Key, otherKey));
        Assert.Throws<CertGridException>(() => UnsubscribeToken.Read(Key, swapped));
        Assert.Throws<CertGridException>(() => UnsubscribeToken.Read(Key, genuine[..^2]));
        Assert.Equal(EmailTopic.Renewals, UnsubscribeToken.Read(Key, genuine).Topic);
    }
}
