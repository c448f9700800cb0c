using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Retries;

/// <summary>
/// An entity id derived from a secret-free seed instead of drawn at random: the same seed, kind and place in the
/// request always give the same id, so a retried creation meets the entity its first run made ("already exists")
/// instead of making a second one. The seed covers the community, the API key and the idempotency key; the id has
/// the same shape as <see cref="EntityId.New"/>.
/// </summary>
public static class DerivedEntityId
{
    public static string From(ReadOnlySpan<byte> seed, string prefix, string place)
    {
        var input = new byte[seed.Length + Encoding.UTF8.GetMaxByteCount(prefix.Length + place.Length + 1)];
        seed.CopyTo(input);
        var written = Encoding.UTF8.GetBytes($"{prefix}\n{place}", input.AsSpan(seed.Length));
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input.AsSpan(0, seed.Length + written), digest);

        Span<char> chars = stackalloc char[EntityId.RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            // 5 bits per character, taken in order from the digest (100 of its 256 bits).
            var bit = i * 5;
            var pair = (digest[bit / 8] << 8) | digest[(bit / 8) + 1];
            chars[i] = EntityId.Alphabet[(pair >> (11 - (bit % 8))) & 31];
        }

        return $"{prefix}_{chars}";
    }
}
