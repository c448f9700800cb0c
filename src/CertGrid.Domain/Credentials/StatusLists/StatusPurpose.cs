namespace CertGrid.Domain.Credentials.StatusLists;

/// <summary>
/// What a status list's entries mean. <see cref="Message"/> lists (what credentials are issued with) hold a
/// 2-bit <see cref="CredentialStatusCode"/> per entry; the 1-bit revocation and suspension lists are kept for
/// credentials issued before, whose <c>credentialStatus</c> named one entry of each.
/// </summary>
public enum StatusPurpose
{
    Revocation,
    Suspension,
    Message,
}

public static class StatusPurposes
{
    /// <summary>The <c>statusPurpose</c> value Bitstring Status List v1.0 publishes.</summary>
    public static string ToWireName(this StatusPurpose purpose) => purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
        _ => "message",
    };

    /// <summary>The <c>statusSize</c> of the purpose's lists: how many bits one entry takes.</summary>
    public static int EntryBits(this StatusPurpose purpose) => purpose == StatusPurpose.Message ? CredentialStatusCode.Bits : 1;

    public static bool TryParse(string? value, out StatusPurpose purpose)
    {
        purpose = value switch
        {
            "revocation" => StatusPurpose.Revocation,
            "suspension" => StatusPurpose.Suspension,
            "message" => StatusPurpose.Message,
            _ => (StatusPurpose)(-1),
        };
        return Enum.IsDefined(purpose);
    }
}
