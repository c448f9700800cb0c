using System.Globalization;
using Orleans.Runtime;

namespace CertGrid.Abstractions.Retries;

/// <summary>
/// The operation id a gateway attaches (Orleans <see cref="RequestContext"/>) to each grain call it makes while running a
/// mutation under an idempotency key, derived from the key, the request, the target grain and method, so a run again
/// after a lost answer sends the same ids. The receiving grain (<c>DurableGrain</c>) takes it off the call, remembers it
/// in the same write as the change it makes, and answers a call with an id it applied with the first answer.
/// </summary>
public sealed record RetriedOperation(string Id, DateTimeOffset RememberUntil)
{
    public const string RequestContextKey = "certgrid.retried-operation";

    public string Format() => $"{Id} {RememberUntil.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads and removes the operation of the call being received; null when the call carries none.</summary>
    public static RetriedOperation? Take()
    {
        if (RequestContext.Get(RequestContextKey) is not string value)
        {
            return null;
        }

        RequestContext.Remove(RequestContextKey);
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && long.TryParse(value.AsSpan(space + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var until)
            ? new RetriedOperation(value[..space], DateTimeOffset.FromUnixTimeMilliseconds(until))
            : null;
    }
}
