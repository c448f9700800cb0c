using CertGrid.Domain.Access;

namespace CertGrid.Domain.Partners;

/// <summary>
/// The text of a partner organisation's key: <c>cgp.{partnerId}.{keyId}.{secret}</c>. A partner key belongs to the
/// organisation, not to a community: what it reaches is decided by the communities' grants at each request. Only the
/// SHA-256 of the secret is stored (<see cref="ApiKeyToken.HashSecret"/>).
/// </summary>
public readonly record struct PartnerKeyToken(string PartnerId, string KeyId, string Secret)
{
    public const string Prefix = "cgp";

    public static PartnerKeyToken Create(string partnerId, string keyId) =>
        new(partnerId, keyId, ApiKeyToken.NewSecret());

    public static bool IsPartnerKey(string token) => token.StartsWith(Prefix + ".", StringComparison.Ordinal);

    public static bool TryParse(string? token, out PartnerKeyToken parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Prefix || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        parsed = new PartnerKeyToken(parts[1], parts[2], parts[3]);
        return true;
    }

    public override string ToString() => $"{Prefix}.{PartnerId}.{KeyId}.{Secret}";
}
