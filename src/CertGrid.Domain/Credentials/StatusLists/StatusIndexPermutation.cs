using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CertGrid.Domain.Credentials.StatusLists;

/// <summary>
/// Which index of a status list the n-th credential on it gets: a keyed pseudo-random permutation of the list's
/// indexes (a balanced Feistel network keyed with HMAC-SHA256, cycle-walked into the list's length). Indexes look
/// random, so without the key an index says nothing about when or to whom a credential was issued; they are never
/// reused, because a permutation is one-to-one; and a list needs no record of which indexes it handed out: the count
/// of ordinals given out is enough, so allocating never rewrites the list's bitmap.
/// </summary>
public sealed class StatusIndexPermutation
{
    /// <summary>Feistel rounds; eight make every output bit depend on every input bit several times over.</summary>
    private const int Rounds = 8;

    private readonly byte[] _key;
    private readonly int _halfBits;
    private readonly int _halfMask;

    public StatusIndexPermutation(byte[] key, int length = Bitstring.MinimumLength)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("A permutation key has at least 16 bytes.", nameof(key));
        }

        if (length < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "A status list has at least two indexes.");
        }

        _key = (byte[])key.Clone();
        Length = length;
        var bits = 32 - int.LeadingZeroCount(length - 1);
        _halfBits = (bits + 1) / 2;
        _halfMask = (1 << _halfBits) - 1;
    }

    /// <summary>How many indexes the list has (and ordinals the permutation takes).</summary>
    public int Length { get; }

    /// <summary>A new random key for a list.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The index of the credential with this ordinal (0 is the first credential on the list).</summary>
    public int IndexOf(int ordinal)
    {
        RequireInRange(ordinal, nameof(ordinal));
        var value = ordinal;
        do
        {
            value = Encrypt(value);
        }
        while (value >= Length);

        return value;
    }

    /// <summary>The ordinal an index was handed out under (the inverse of <see cref="IndexOf"/>).</summary>
    public int OrdinalOf(int index)
    {
        RequireInRange(index, nameof(index));
        var value = index;
        do
        {
            value = Decrypt(value);
        }
        while (value >= Length);

        return value;
    }

    private int Encrypt(int value)
    {
        var (left, right) = (value >> _halfBits, value & _halfMask);
        for (var round = 0; round < Rounds; round++)
        {
            (left, right) = (right, left ^ Round(round, right));
        }

        return (left << _halfBits) | right;
    }

    private int Decrypt(int value)
    {
        var (left, right) = (value >> _halfBits, value & _halfMask);
        for (var round = Rounds - 1; round >= 0; round--)
        {
            (left, right) = (right ^ Round(round, left), left);
        }

        return (left << _halfBits) | right;
    }

    private int Round(int round, int half)
    {
        Span<byte> input = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(input, round);
        BinaryPrimitives.WriteInt32BigEndian(input[4..], half);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, input, mac);
        return BinaryPrimitives.ReadInt32BigEndian(mac) & _halfMask;
    }

    private void RequireInRange(int value, string name)
    {
        if (value < 0 || value >= Length)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must be between 0 and {Length - 1}.");
        }
    }
}
