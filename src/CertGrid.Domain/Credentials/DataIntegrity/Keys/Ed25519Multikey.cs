using NSec.Cryptography;

namespace CertGrid.Domain.Credentials.DataIntegrity.Keys;

/// <summary>
/// Ed25519 keys in Multikey form (W3C Controlled Identifiers, VC-DI-EdDSA §2.1.1): multibase base58btc
/// (<c>z…</c>) of the multicodec header <c>0xed01</c> + the 32-byte public key, or <c>0x8026</c> + the 32-byte
/// secret seed. A public key encodes to <c>z6Mk…</c>.
/// </summary>
public static class Ed25519Multikey
{
    private static readonly byte[] PublicHeader = [0xed, 0x01];
    private static readonly byte[] SecretHeader = [0x80, 0x26];

    public static string EncodePublicKey(ReadOnlySpan<byte> publicKey) => Encode(PublicHeader, publicKey);

    public static string EncodeSecretKey(ReadOnlySpan<byte> seed) => Encode(SecretHeader, seed);

    public static byte[] DecodePublicKey(string multibase) => Decode(multibase, PublicHeader, "public");

    public static byte[] DecodeSecretKey(string multibase) => Decode(multibase, SecretHeader, "secret");

    public static PublicKey ImportPublicKey(string multibase) =>
        PublicKey.Import(SignatureAlgorithm.Ed25519, DecodePublicKey(multibase), KeyBlobFormat.RawPublicKey);

    /// <summary>A signing key from its Multikey secret; exportable only when <paramref name="exportable"/> asks for it.</summary>
    public static Key ImportSecretKey(string multibase, bool exportable = false) =>
        Key.Import(SignatureAlgorithm.Ed25519, DecodeSecretKey(multibase), KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = exportable ? KeyExportPolicies.AllowPlaintextExport : KeyExportPolicies.None });

    public static string PublicKeyOf(Key key) => EncodePublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    private static string Encode(byte[] header, ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("An Ed25519 key is 32 bytes.", nameof(key));
        }

        return "z" + Base58Btc.Encode([.. header, .. key]);
    }

    private static byte[] Decode(string multibase, byte[] header, string kind)
    {
        if (!multibase.StartsWith('z'))
        {
            throw new FormatException($"An Ed25519 {kind} Multikey is multibase base58btc and starts with 'z'.");
        }

        var bytes = Base58Btc.Decode(multibase[1..]);
        return bytes.Length == 34 && bytes[0] == header[0] && bytes[1] == header[1] ? bytes[2..]
            : throw new FormatException($"'{multibase}' is not an Ed25519 {kind} Multikey (multicodec 0x{header[0]:x2}{header[1]:x2} + 32 bytes).");
    }
}
