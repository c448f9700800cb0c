using CertGrid.Domain.Learners;

namespace CertGrid.Domain.Tests.Learners;

public class ArtifactPolicyTests
{
    private const long TwentyFiveMiB = 25L * 1024 * 1024;

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("text/plain")]
    [InlineData("text/markdown")]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("application/zip")]
    [InlineData("video/mp4")]
    [InlineData("application/json")]
    [InlineData("Application/PDF")]
    public void Default_accepts_portfolio_types_from_one_byte_to_25_MiB(string contentType)
    {
        ArtifactPolicy.Default.CheckDeclared(contentType, 1);
        ArtifactPolicy.Default.CheckDeclared(contentType, TwentyFiveMiB);
    }

    [Theory]
    [InlineData("application/x-msdownload")]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    [InlineData("application/pdf; charset=binary")]
    [InlineData("")]
    public void CheckDeclared_refuses_other_content_types_as_a_policy_violation(string contentType)
    {
        var error = Assert.Throws<CertGridException>(() => ArtifactPolicy.Default.CheckDeclared(contentType, 10));

        Assert.Equal(ErrorCode.PolicyViolation, error.Code);
        Assert.Contains($"'{contentType}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("input.contentType", error.Message, StringComparison.Ordinal);
        Assert.Contains("application/pdf, text/plain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void CheckDeclared_rejects_a_size_that_is_not_positive_as_invalid_input(long size)
    {
        var error = Assert.Throws<CertGridException>(() => ArtifactPolicy.Default.CheckDeclared("application/pdf", size));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("input.sizeBytes", error.Field);
    }

    [Fact]
    public void CheckDeclared_refuses_a_file_over_the_limit_as_a_policy_violation()
    {
        var error = Assert.Throws<CertGridException>(() => ArtifactPolicy.Default.CheckDeclared("video/mp4", TwentyFiveMiB + 1));

        Assert.Equal(ErrorCode.PolicyViolation, error.Code);
        Assert.Contains("26214401 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("26214400 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("input.sizeBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDeclared_checks_the_type_before_the_size()
    {
        var error = Assert.Throws<CertGridException>(() => ArtifactPolicy.Default.CheckDeclared("text/html", 0));

        Assert.Equal(ErrorCode.PolicyViolation, error.Code);
    }

    [Fact]
    public void CheckType_and_CheckSize_name_the_field_they_were_given()
    {
        var policy = new ArtifactPolicy(10, ["text/plain"]);

        var type = Assert.Throws<CertGridException>(() => policy.CheckType("image/png", "stored.contentType"));
        var size = Assert.Throws<CertGridException>(() => policy.CheckSize(11, "stored.size"));

        Assert.Contains("stored.contentType", type.Message, StringComparison.Ordinal);
        Assert.Contains("Accepted: text/plain.", type.Message, StringComparison.Ordinal);
        Assert.Contains("stored.size", size.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.PolicyViolation, size.Code);
    }

    [Fact]
    public void A_custom_policy_enforces_its_own_limit_and_types()
    {
        var policy = new ArtifactPolicy(10, ["text/plain"]);

        policy.CheckSize(10, "size");
        policy.CheckType("TEXT/PLAIN", "type");
        Assert.Throws<CertGridException>(() => policy.CheckSize(11, "size"));
        Assert.Throws<CertGridException>(() => policy.CheckType("application/pdf", "type"));
    }
}
