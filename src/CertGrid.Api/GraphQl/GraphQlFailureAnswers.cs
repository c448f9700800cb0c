using CertGrid.Api.Errors;
using CertGrid.Api.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// The last line of <c>/graphql</c>: a failure that escapes its stages (a grain call before execution, such as the
/// community's trusted-document policy, or the idempotency record, meeting a silo that died) is answered here in the
/// GraphQL shape, <c>errors[].extensions.code</c>: <c>UNAVAILABLE</c> (503 with <c>Retry-After</c>) when the cluster or
/// storage did not answer, <c>RATE_LIMITED</c> (429) for an address throttled for unknown keys, <c>BAD_REQUEST</c> (400)
/// for a body the client did not finish sending, <c>INTERNAL_SERVER_ERROR</c> (500) for a bug. Never the non-GraphQL
/// body of the other endpoints (<see cref="ErrorResponses"/>).
/// </summary>
public sealed class GraphQlFailureAnswers(GraphQlResponseWriter writer, ILogger<GraphQlFailureAnswers> logger)
{
    public async Task HandleAsync(HttpContext http, Func<HttpContext, Task> handle)
    {
        try
        {
            await handle(http);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            // The client's doing (a body cut short, usually by a client that gave up): answered, not an error of ours.
            logger.LogInformation("A GraphQL request's body could not be read: {Reason}", ex.Message);
            http.Response.Clear();
            await writer.WriteProblemAsync(http, ResponseMediaType.Negotiate(http.Request.Headers.Accept.ToString()) ?? ResponseMediaType.Json, HttpProblem.UnreadableBody(ex));
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var unavailable = ClusterUnavailability.Explains(ex) || ex is CertGridException { Code: ErrorCode.Unavailable };
            if (unavailable || ex is AuthenticationThrottledException)
            {
                logger.LogWarning(ex, "A GraphQL request was refused outside its stages' own answers");
            }
            else
            {
                logger.LogError(ex, "Unhandled error while handling a GraphQL request");
            }

            var problem = ex switch
            {
                AuthenticationThrottledException throttled => HttpProblem.RateLimited(throttled.Message, throttled.Decision.RetryAfterSeconds),
                _ when unavailable => HttpProblem.Unavailable(),
                _ => new HttpProblem(StatusCodes.Status500InternalServerError, ErrorCode.Internal.ToWireCode(), "Something went wrong on our side. It has been logged."),
            };
            http.Response.Clear();
            await writer.WriteProblemAsync(http, ResponseMediaType.Negotiate(http.Request.Headers.Accept.ToString()) ?? ResponseMediaType.Json, problem);
        }
    }
}
