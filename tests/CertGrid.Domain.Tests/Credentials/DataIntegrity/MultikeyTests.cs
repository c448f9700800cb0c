using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using NSec.Cryptography;

namespace CertGrid.Domain.Tests.Credentials.DataIntegrity;

public sealed class MultikeyTests
{
    [Theory]
    [InlineData(new byte[0], "")]
    [InlineData(new byte[] { 0, 0, 1 }, "112")]
    [InlineData(new byte[] { 0x61 }, "2g")]
    [InlineData(new byte[] { 0x62, 0x62, 0x62 }, "a3gV")]
    public void Base58BtcMatchesTheBitcoinAlphabetIncludingLeadingZeros(byte[] data, string encoded)
    {
        Assert.Equal(encoded, Base58Btc.Encode(data));
        Assert.Equal(data, Base58Btc.Decode(encoded));
    }

    [Fact]
    public void AGeneratedKeyRoundTripsThroughItsMultikeyForms()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var secret = Ed25519Multikey.EncodeSecretKey(key.Export(KeyBlobFormat.RawPrivateKey));

        using var imported = Ed25519Multikey.ImportSecretKey(secret);

        Assert.StartsWith("z3u2", secret, StringComparison.Ordinal);
        Assert.StartsWith("z6Mk", Ed25519Multikey.PublicKeyOf(key), StringComparison.Ordinal);
        Assert.Equal(Ed25519Multikey.PublicKeyOf(key), Ed25519Multikey.PublicKeyOf(imported));
    }

    [Theory]
    [InlineData("6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")]
    [InlineData("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")]
    [InlineData("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ")]
    [InlineData("z0OIl")]
    public void WhatIsNotAnEd25519PublicMultikeyIsRefused(string text) =>
        Assert.Throws<FormatException>(() => Ed25519Multikey.DecodePublicKey(text));
}
