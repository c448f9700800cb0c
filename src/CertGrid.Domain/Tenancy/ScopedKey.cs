using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Tenancy;

/// <summary>
/// A grain key that carries its community: <c>{community}/{entityId}</c>. Grains that belong to a
/// community are only ever addressed through this type, so no code path can reach another community's grain
/// with an id alone.
/// </summary>
public readonly record struct ScopedKey(string Community, string Id)
{
    public const char Separator = '/';

    public static ScopedKey Parse(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || at == key.Length - 1)
        {
            throw new CertGridException(ErrorCode.Internal, $"Grain key '{key}' does not carry a community.");
        }

        return new ScopedKey(key[..at], key[(at + 1)..]);
    }

    public override string ToString() => $"{Community}{Separator}{Id}";
}
