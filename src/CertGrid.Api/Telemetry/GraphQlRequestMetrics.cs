using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Telemetry;

/// <summary>
/// Meter <c>CertGrid.GraphQl</c>: executed GraphQL requests by operation (its type and first root field, names the
/// schema defines, never the client's operation name) and by the <c>extensions.code</c> of the first error, or
/// <c>OK</c>. Responses replayed from the response cache do not execute and are not counted here (ASP.NET Core's
/// <c>http.server.request.duration</c> counts every HTTP request). docs/operations.md lists every CertGrid instrument.
/// </summary>
public static class GraphQlRequestMetrics
{
    public const string MeterName = "CertGrid.GraphQl";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "certgrid.graphql.requests", "{request}", "GraphQL requests executed, by operation and outcome code.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "certgrid.graphql.request.duration", "s", "Time to execute one GraphQL request, by operation and outcome code.");

    /// <summary>Wraps one execution (registered with <c>ConfigureExecution</c>).</summary>
    public static async Task<ExecutionResult> MeasureAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);
        var tags = new TagList
        {
            { "graphql.operation", Describe(result.Operation) },
            { "certgrid.code", Code(result, options.RequestServices) },
        };
        Requests.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        return result;
    }

    /// <summary>Each operation's description, worked out once for the document (kept as long as the document is).</summary>
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, string> Descriptions = [];

    private static string Describe(GraphQLOperationDefinition? operation) => operation is null
        ? "invalid"
        : Descriptions.TryGetValue(operation, out var known) ? known : Descriptions.GetValue(operation, DescribeOnce);

    private static string DescribeOnce(GraphQLOperationDefinition operation)
    {
        var type = operation.Operation.ToString().ToLowerInvariant();
        var field = operation.SelectionSet.Selections.OfType<GraphQLField>().FirstOrDefault()?.Name.StringValue;
        return field is null ? type : $"{type} {field}";
    }

    private static string Code(ExecutionResult result, IServiceProvider? services)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            return "OK";
        }

        var info = services?.GetService<IErrorInfoProvider>()?.GetInfo(errors[0]);
        return info?.Extensions?.TryGetValue("code", out var code) == true && code is string text ? text : "INTERNAL_SERVER_ERROR";
    }
}
