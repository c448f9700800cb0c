using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Credentials.Badges;

/// <summary>The look of an achievement's badge: one colour per tier, so a tier is recognisable at a glance.</summary>
public static class BadgeDesign
{
    public const int Width = 200;
    public const int Height = 220;

    /// <summary>The shield outline, clockwise from the top.</summary>
    public static readonly (int X, int Y)[] Shield = [(100, 6), (192, 40), (192, 122), (100, 214), (8, 122), (8, 40)];

    public static (byte R, byte G, byte B) Colour(CredentialTier tier) => tier switch
    {
        CredentialTier.Foundational => (0x2E, 0x7D, 0x32),
        CredentialTier.Advanced => (0x15, 0x65, 0xC0),
        CredentialTier.Specialisation => (0x6A, 0x1B, 0x9A),
        _ => (0xEF, 0x6C, 0x00),
    };

    public static string Hex(CredentialTier tier)
    {
        var (r, g, b) = Colour(tier);
        return $"#{r:X2}{g:X2}{b:X2}";
    }

    public static string Label(CredentialTier tier) => tier switch
    {
        CredentialTier.MicroCredential => "MICRO-CREDENTIAL",
        _ => tier.ToString().ToUpperInvariant(),
    };
}
