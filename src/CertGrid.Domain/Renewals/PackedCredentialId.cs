using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Renewals;

/// <summary>
/// A credential id (<c>vc_</c> + 20 base-32 characters = 100 bits) packed into 13 bytes, so a deadline costs 13
/// bytes of scheduler state instead of a 23-character string. Ids of any other shape do not pack.
/// </summary>
public static class PackedCredentialId
{
    public const int Size = 13;
    private const string Prefix = IdPrefixes.Credential + "_";
    private static readonly sbyte[] Values = BuildValues();

    public static bool TryPack(string id, Span<byte> destination)
    {
        if (id.Length != Prefix.Length + EntityId.RandomLength || !id.StartsWith(Prefix, StringComparison.Ordinal) || destination.Length < Size)
        {
            return false;
        }

        destination[..Size].Clear();
        for (var i = 0; i < EntityId.RandomLength; i++)
        {
            var c = id[Prefix.Length + i];
            var value = c < Values.Length ? Values[c] : (sbyte)-1;
            if (value < 0)
            {
                return false;
            }

            for (var bit = 0; bit < 5; bit++)
            {
                if ((value & (0x10 >> bit)) != 0)
                {
                    var position = (i * 5) + bit;
                    destination[position / 8] |= (byte)(0x80 >> (position % 8));
                }
            }
        }

        return true;
    }

    public static string Unpack(ReadOnlySpan<byte> packed)
    {
        Span<char> chars = stackalloc char[Prefix.Length + EntityId.RandomLength];
        Prefix.AsSpan().CopyTo(chars);
        for (var i = 0; i < EntityId.RandomLength; i++)
        {
            var value = 0;
            for (var bit = 0; bit < 5; bit++)
            {
                var position = (i * 5) + bit;
                value = (value << 1) | ((packed[position / 8] >> (7 - (position % 8))) & 1);
            }

            chars[Prefix.Length + i] = EntityId.Alphabet[value];
        }

        return new string(chars);
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < EntityId.Alphabet.Length; i++)
        {
            values[EntityId.Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
