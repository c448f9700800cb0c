using CertGrid.Domain.Errors;
using CertGrid.Domain.TrustedDocuments;

namespace CertGrid.Domain.Tests.TrustedDocuments;

public sealed class TrustedDocumentIdTests
{
    [Fact]
    public void A_document_is_named_by_the_sha256_of_its_utf8_text()
    {
        // printf '%s' '{ ping }' | sha256sum
        Assert.Equal("sha256:6cd3bf61757c6bee6e943d50a381a002447236bf3f15d3730400b931e9cf323f", TrustedDocumentId.Of("{ ping }"));
        Assert.NotEqual(TrustedDocumentId.HashOf("{ ping }"), TrustedDocumentId.HashOf("{ ping}"));
    }

    [Theory]
    [InlineData("sha256:ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [InlineData("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [InlineData(" SHA256:abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789 ")]
    public void An_id_with_or_without_its_prefix_names_the_lowercase_hash(string id) =>
        Assert.Equal("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", TrustedDocumentId.RequireHash(id, "documentId"));

    [Theory]
    [InlineData(null)]
    [InlineData("md5:abc")]
    [InlineData("sha256:abc")]
    [InlineData("sha256:zzzzef0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [InlineData("../../etc/passwd")]
    public void Anything_else_is_refused_naming_the_field(string? id)
    {
        var error = Assert.Throws<CertGridException>(() => TrustedDocumentId.RequireHash(id, "documentId"));
        Assert.Equal(("documentId", ErrorCode.ValidationFailed), (error.Field, error.Code));
    }
}
