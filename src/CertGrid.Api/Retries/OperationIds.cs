using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CertGrid.Abstractions.Retries;
using Orleans.Runtime;

namespace CertGrid.Api.Retries;

/// <summary>
/// The operation ids of one mutation run under an idempotency key: each grain call the run makes gets an id derived
/// from the request's seed (community, API key, idempotency key, body), the target grain, the method and how many calls
/// to that grain and method came before it in the run. A run again after a lost answer makes the same calls in the same
/// order, so each lands on the id its first run used and the grain answers what it answered then
/// (<see cref="RetriedOperation"/>). Ambient while the run executes (<see cref="RunAsync"/>); stamped on calls by
/// <see cref="OperationIdStamp"/>.
/// </summary>
public sealed class OperationIds(byte[] seed, DateTimeOffset rememberUntil)
{
    private static readonly AsyncLocal<OperationIds?> Ambient = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>The ids of the run this code executes in, or null outside a run under an idempotency key.</summary>
    public static OperationIds? Current => Ambient.Value;

    public static async Task RunAsync(OperationIds ids, Func<Task> run)
    {
        Ambient.Value = ids; // flows into the run only: this method's caller keeps its own value
        await run();
    }

    public RetriedOperation Next(GrainId target, string method)
    {
        var call = $"{target}\n{method}";
        var occurrence = _calls.AddOrUpdate(call, 1, (_, count) => count + 1);
        var hash = SHA256.HashData([.. seed, .. Encoding.UTF8.GetBytes($"\nop\n{call}\n{occurrence}")]);
        return new RetriedOperation("op_" + Convert.ToHexStringLower(hash)[..32], rememberUntil);
    }
}
