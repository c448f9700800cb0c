using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Access;

namespace CertGrid.Domain.Tests.Access;

public class ApiKeyTokenTests
{
    private const string Base64UrlSecret = "^[A-Za-z0-9_-]{43}$";

    [Fact]
    public void Create_formats_as_cgk_community_key_secret_and_parses_back()
    {
        var token = ApiKeyToken.Create("acme-guild", "key_4k2m9qpz7x3n8r5t6w2y");

        var text = token.ToString();

        Assert.Equal($"cgk.acme-guild.key_4k2m9qpz7x3n8r5t6w2y.{token.Secret}", text);
        Assert.True(ApiKeyToken.TryParse(text, out var parsed));
        Assert.Equal(token, parsed);
        Assert.Equal("acme-guild", parsed.Community);
        Assert.Equal("key_4k2m9qpz7x3n8r5t6w2y", parsed.KeyId);
    }

    [Fact]
    public void Create_makes_a_256_bit_base64url_secret()
    {
        var secret = ApiKeyToken.Create("acme", "key_1").Secret;

        Assert.Matches(Base64UrlSecret, secret);
        Assert.Equal(32, Base64Url.DecodeFromChars(secret).Length);
    }

    [Fact]
    public void Create_never_repeats_a_secret()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => ApiKeyToken.Create("acme", "key_1").Secret).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, secrets.Count);
        Assert.All(secrets, s => Assert.Matches(Base64UrlSecret, s));
    }

    [Fact]
    public void HashSecret_is_the_lowercase_hex_sha256_of_the_secret()
    {
        var secret = ApiKeyToken.Create("acme", "key_1").Secret;

        var hash = ApiKeyToken.HashSecret(secret);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), hash);
        Assert.Equal(hash, ApiKeyToken.HashSecret(secret));
        Assert.NotEqual(hash, ApiKeyToken.HashSecret(secret + "x"));
    }

    [Fact]
    public void SecretMatches_only_the_secret_that_was_hashed()
    {
        var secret = ApiKeyToken.Create("acme", "key_1").Secret;
        var stored = ApiKeyToken.HashSecret(secret);

        Assert.True(ApiKeyToken.SecretMatches(secret, stored));
        Assert.False(ApiKeyToken.SecretMatches(ApiKeyToken.Create("acme", "key_1").Secret, stored));
        Assert.False(ApiKeyToken.SecretMatches(secret[..^1], stored));
        Assert.False(ApiKeyToken.SecretMatches(secret, stored[..^1]));
        Assert.False(ApiKeyToken.SecretMatches(secret, string.Empty));
        Assert.False(ApiKeyToken.SecretMatches(stored, stored)); // the hash itself is not a key
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cgx.acme.key_1.secret")]
    [InlineData("CGK.acme.key_1.secret")]
    [InlineData("cgop.acme.key_1.secret")]
    [InlineData("cgk.acme.key_1")]
    [InlineData("cgk.acme.key_1.secret.extra")]
    [InlineData("cgk.acmekey_1secret")]
    [InlineData("cgk..key_1.secret")]
    [InlineData("cgk.acme..secret")]
    [InlineData("cgk.acme.key_1.")]
    [InlineData(".acme.key_1.secret")]
    [InlineData("Bearer cgk.acme.key_1.secret")]
    public void TryParse_rejects_malformed_tokens(string? token)
    {
        Assert.False(ApiKeyToken.TryParse(token, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void TryParse_accepts_up_to_200_characters()
    {
        var prefix = "cgk.acme.key_1.";
        var longest = prefix + new string('s', 200 - prefix.Length);

        Assert.True(ApiKeyToken.TryParse(longest, out var parsed));
        Assert.Equal(200 - prefix.Length, parsed.Secret.Length);
        Assert.False(ApiKeyToken.TryParse(longest + "s", out _));
    }

    [Fact]
    public void NewOperatorKey_is_recognised_as_an_operator_key_and_not_a_community_key()
    {
        var key = ApiKeyToken.NewOperatorKey();

        Assert.StartsWith("cgop.", key, StringComparison.Ordinal);
        Assert.Matches(Base64UrlSecret, key["cgop.".Length..]);
        Assert.True(ApiKeyToken.IsOperatorKey(key));
        Assert.False(ApiKeyToken.TryParse(key, out _));
        Assert.NotEqual(key, ApiKeyToken.NewOperatorKey());
    }

    [Theory]
    [InlineData("cgk.acme.key_1.secret")]
    [InlineData("cgop")]
    [InlineData("cgopx.secret")]
    [InlineData("CGOP.secret")]
    [InlineData(" cgop.secret")]
    [InlineData("")]
    public void IsOperatorKey_rejects_anything_without_the_operator_prefix(string token)
    {
        Assert.False(ApiKeyToken.IsOperatorKey(token));
    }

    [Fact]
    public void A_community_key_is_never_taken_for_an_operator_key()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.False(ApiKeyToken.IsOperatorKey(ApiKeyToken.Create("acme", $"key_{i}").ToString()));
        }
    }
}
