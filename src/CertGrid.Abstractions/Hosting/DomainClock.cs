namespace CertGrid.Abstractions.Hosting;

/// <summary>
/// The clock CertGrid's rules read (validity dates, deadlines, audit times): a keyed <see cref="TimeProvider"/>,
/// so tests can move it without also moving the clock Orleans uses for its own timeouts and membership.
/// </summary>
public static class DomainClock
{
    public const string ServiceKey = "certgrid-domain-clock";
}
