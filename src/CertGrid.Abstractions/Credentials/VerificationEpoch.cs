namespace CertGrid.Abstractions.Credentials;

/// <summary>
/// A process-wide counter of changes that can turn a verification outcome or what a public verification page shows:
/// a status-list bit flipped, a signing key withdrawn, a holder publishing or withdrawing their profile or evidence. Whoever caches verification results remembers the epoch they were computed in and drops them
/// when it moves. A change made in this process advances it at once (before the change is acknowledged); changes
/// made on other nodes arrive through <see cref="AdvanceFromElsewhere"/> (the gateway relays them over Redis).
/// </summary>
public sealed class VerificationEpoch
{
    private long _value;

    /// <summary>Called after a local change, so the change can be announced to the other nodes.</summary>
    public Action? Announce { get; set; }

    public long Current => Interlocked.Read(ref _value);

    /// <summary>A change was made here: advance, then announce it.</summary>
    public void Advance()
    {
        Interlocked.Increment(ref _value);
        Announce?.Invoke();
    }

    /// <summary>Another node announced a change.</summary>
    public void AdvanceFromElsewhere() => Interlocked.Increment(ref _value);
}
