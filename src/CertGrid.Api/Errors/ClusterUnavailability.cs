using Azure;
using Orleans.Runtime;

namespace CertGrid.Api.Errors;

/// <summary>
/// Failures that mean the cluster or its storage did not answer (no silo, no gateway, a timeout, storage down), not
/// that the request was wrong: every entry point answers them with <c>UNAVAILABLE</c> and <c>Retry-After</c>
/// (HTTP 503 before a GraphQL request runs), never with a 500.
/// </summary>
public static class ClusterUnavailability
{
    public const int RetryAfterSeconds = 5;

    public const string Message = "The service could not reach its cluster or storage in time. Please retry in a few seconds.";

    /// <summary>Whether the error, or one it wraps, says the cluster or storage did not answer.</summary>
    public static bool Explains(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException
                or ClientNotAvailableException or Orleans.Runtime.Messaging.ConnectionFailedException
                or RequestFailedException { Status: 0 or 408 or 429 or >= 500 })
            {
                return true;
            }
        }

        return false;
    }
}
