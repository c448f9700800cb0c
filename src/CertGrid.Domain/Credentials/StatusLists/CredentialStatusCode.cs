namespace CertGrid.Domain.Credentials.StatusLists;

/// <summary>
/// The 2-bit status of a credential in a <c>message</c> status list: the low bit says revoked, the high bit
/// suspended. The Open Badges 3.0 schema allows one <c>credentialStatus</c> object, so one entry carries both
/// (see docs/credentials.md, "Status").
/// </summary>
public static class CredentialStatusCode
{
    /// <summary>The entry size (<c>statusSize</c>).</summary>
    public const int Bits = 2;

    public const int Valid = 0b00;
    public const int Revoked = 0b01;
    public const int Suspended = 0b10;

    /// <summary>The code a credential's lifecycle state is published as.</summary>
    public static int Of(CredentialStatus status) => status switch
    {
        CredentialStatus.Revoked => Revoked,
        CredentialStatus.Suspended => Suspended,
        _ => Valid,
    };

    public static bool IsRevoked(int code) => (code & Revoked) != 0;

    public static bool IsSuspended(int code) => !IsRevoked(code) && (code & Suspended) != 0;

    /// <summary>
    /// The <c>statusMessage</c> array: one message for each of the 2^<see cref="Bits"/> values, as Bitstring Status
    /// List v1.0 asks (a revoked credential stays revoked, so 0x3 reads as revoked).
    /// </summary>
    public static IReadOnlyList<(string Status, string Message)> Messages { get; } =
    [
        ("0x0", "valid"),
        ("0x1", "revoked"),
        ("0x2", "suspended"),
        ("0x3", "revoked"),
    ];
}
