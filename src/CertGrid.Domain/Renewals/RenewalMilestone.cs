namespace CertGrid.Domain.Renewals;

/// <summary>The dated points in a credential's lifespan, in order. A flags enum so a set of reached ones fits in a byte.</summary>
[Flags]
public enum RenewalMilestone
{
    None = 0,
    WindowOpened = 1,
    ThirtyDaysLeft = 2,
    SevenDaysLeft = 4,
    Expired = 8,
    GraceEnded = 16,
    Lapsed = 32,
}

/// <summary>Where a tracked credential is in its lifespan.</summary>
public enum RenewalStage
{
    /// <summary>Valid; the renewal window is not open yet.</summary>
    Active,

    /// <summary>Valid, and the renewal window is open.</summary>
    RenewalOpen,

    /// <summary>Past its expiry: suspended, still renewable until it lapses.</summary>
    Expired,

    /// <summary>Renewed: a new credential replaces it.</summary>
    Renewed,

    /// <summary>Lapsed: revoked or permanently expired; only a full re-certification brings it back.</summary>
    Lapsed,

    /// <summary>Revoked by an admin outside its lifespan; nothing more happens to it.</summary>
    Closed,
}
