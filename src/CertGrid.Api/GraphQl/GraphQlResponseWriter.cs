using System.Globalization;
using System.Text.Json;
using CertGrid.Api.Errors;
using CertGrid.Api.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Writes every answer of <c>/graphql</c>: results, request errors and HTTP problems, each error with its code; the
/// cost of the request and what is left of the caller's budget in <c>extensions.cost</c> once it was charged; a
/// <c>Retry-After</c> header with every <c>UNAVAILABLE</c> error.
/// </summary>
public sealed class GraphQlResponseWriter(IGraphQLSerializer serializer)
{
    public const string CostExtension = "cost";

    /// <summary>A request error (parse, validation, a limit): 400 in <c>application/graphql-response+json</c>, 200 in legacy JSON.</summary>
    public Task WriteRequestErrorAsync(HttpContext http, string mediaType, ExecutionError error, BudgetDecision? cost = null)
    {
        http.Response.StatusCode = mediaType == ResponseMediaType.GraphQlResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return WriteResultAsync(http, mediaType, new ExecutionResult(error) { Executed = false }, cost, setStatus: false);
    }

    public Task WriteProblemAsync(HttpContext http, string mediaType, HttpProblem problem, BudgetDecision? cost = null)
    {
        http.Response.StatusCode = problem.Status;
        if (problem.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return WriteResultAsync(http, mediaType, new ExecutionResult(new ExecutionError(problem.Message) { Code = problem.Code }) { Executed = false }, cost, setStatus: false);
    }

    public async Task WriteResultAsync(HttpContext http, string mediaType, ExecutionResult result, BudgetDecision? cost, bool setStatus = true)
    {
        if (setStatus)
        {
            http.Response.StatusCode = StatusOf(result, mediaType);
        }

        if (cost is { } decision)
        {
            result.Extensions ??= [];
            result.Extensions[CostExtension] = decision.ToExtension();
        }

        WriteHeaders(http, mediaType, result);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>The result's bytes without the cost, as the response cache keeps them.</summary>
    public async Task<byte[]> SerializeAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>A kept response (a JSON object without extensions) with this request's cost added as its last member.</summary>
    public static async Task WriteCachedAsync(HttpContext http, string mediaType, byte[] body, BudgetDecision cost)
    {
        var extensions = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { [CostExtension] = cost.ToExtension() });
        http.Response.StatusCode = StatusCodes.Status200OK;
        WriteHeaders(http, mediaType, null);
        var separator = ""","extensions":"""u8.ToArray();
        http.Response.ContentLength = body.Length - 1 + separator.Length + extensions.Length + 1;
        await http.Response.Body.WriteAsync(body.AsMemory(0, body.Length - 1), http.RequestAborted);
        await http.Response.Body.WriteAsync(separator, http.RequestAborted);
        await http.Response.Body.WriteAsync(extensions, http.RequestAborted);
        await http.Response.Body.WriteAsync("}"u8.ToArray(), http.RequestAborted);
    }

    public static int StatusOf(ExecutionResult result, string mediaType) =>
        !result.Executed && mediaType == ResponseMediaType.GraphQlResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private static void WriteHeaders(HttpContext http, string mediaType, ExecutionResult? result)
    {
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        if (result?.Errors?.Any(e => e.Code == ErrorCode.Unavailable.ToWireCode()) == true)
        {
            http.Response.Headers.RetryAfter = ClusterUnavailability.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
