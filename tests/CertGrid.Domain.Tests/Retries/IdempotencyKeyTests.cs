using CertGrid.Domain.Retries;

namespace CertGrid.Domain.Tests.Retries;

public class IdempotencyKeyTests
{
    [Theory]
    [InlineData("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "8e03978e-40d5-43e8-bc93-6894a57f9324")] // the draft's sf-string form
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")] // a bare token
    [InlineData("  order-17:retry  ", "order-17:retry")]
    public void Accepts_a_quoted_or_bare_key_of_visible_ascii(string header, string key)
    {
        Assert.Equal(key, IdempotencyKey.Parse(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("has space")]
    [InlineData("naïve")]
    [InlineData("back\\slash")]
    public void Refuses_what_is_not_a_key(string? header)
    {
        Assert.Null(IdempotencyKey.Parse(header));
    }

    [Fact]
    public void Refuses_a_key_longer_than_255_characters()
    {
        Assert.NotNull(IdempotencyKey.Parse(new string('k', 255)));
        Assert.Null(IdempotencyKey.Parse(new string('k', 256)));
    }
}
