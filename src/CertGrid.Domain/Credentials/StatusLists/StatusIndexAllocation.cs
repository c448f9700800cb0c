namespace CertGrid.Domain.Credentials.StatusLists;

/// <summary>
/// Picks the status-list index of a new credential: at random, so an index says nothing about when or to
/// whom a credential was issued, and never one used before, so a status can never describe two credentials.
/// </summary>
public static class StatusIndexAllocation
{
    /// <summary>An unused index of <paramref name="used"/> (marked used), or null when every index is taken.</summary>
    public static int? Allocate(Bitstring used, int allocatedCount, Random random)
    {
        if (allocatedCount >= used.Length)
        {
            return null;
        }

        // Random probing finds a free slot quickly while the list is sparse; a scan from a random start
        // guarantees termination when it is nearly full.
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var candidate = random.Next(used.Length);
            if (!used.Get(candidate))
            {
                used.Set(candidate, true);
                return candidate;
            }
        }

        var start = random.Next(used.Length);
        for (var offset = 0; offset < used.Length; offset++)
        {
            var candidate = (start + offset) % used.Length;
            if (!used.Get(candidate))
            {
                used.Set(candidate, true);
                return candidate;
            }
        }

        return null;
    }
}
