namespace CertGrid.Domain.Credentials.StatusLists;

/// <summary>What a status list's bits mean: revoked for good, or suspended until reinstated.</summary>
public enum StatusPurpose
{
    Revocation,
    Suspension,
}

public static class StatusPurposes
{
    /// <summary>The <c>statusPurpose</c> value Bitstring Status List v1.0 publishes.</summary>
    public static string ToWireName(this StatusPurpose purpose) => purpose == StatusPurpose.Revocation ? "revocation" : "suspension";

    public static bool TryParse(string? value, out StatusPurpose purpose)
    {
        purpose = value switch { "revocation" => StatusPurpose.Revocation, "suspension" => StatusPurpose.Suspension, _ => (StatusPurpose)(-1) };
        return Enum.IsDefined(purpose);
    }
}
