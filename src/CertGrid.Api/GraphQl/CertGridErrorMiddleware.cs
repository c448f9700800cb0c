using CertGrid.Api.Errors;
using GraphQL;
using GraphQL.Instrumentation;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Runs around every resolver: a <see cref="CertGridException"/> from anywhere in the cluster becomes a
/// GraphQL error with its code and field (an internal one without its message); a cluster that does not answer becomes
/// UNAVAILABLE (<see cref="ClusterUnavailability"/>: the same failures every other entry point answers so).
/// </summary>
public sealed class CertGridErrorMiddleware(ILogger<CertGridErrorMiddleware> logger) : IFieldMiddleware
{
    public const string InternalMessage = "Something went wrong on our side. It has been logged; please try again.";

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Internal)
        {
            // An internal failure's message names internals (grain keys, states): logged, never shown.
            logger.LogError(ex, "An internal error while resolving {Field}", context.FieldDefinition.Name);
            throw new ExecutionError(InternalMessage) { Code = ErrorCode.Internal.ToWireCode() };
        }
        catch (CertGridException ex)
        {
            throw ErrorOf(ex);
        }
        catch (Exception ex) when (ClusterUnavailability.Explains(ex))
        {
            logger.LogWarning(ex, "The cluster did not answer while resolving {Field}", context.FieldDefinition.Name);
            throw new ExecutionError(ClusterUnavailability.Message) { Code = ErrorCode.Unavailable.ToWireCode() };
        }
    }

    /// <summary>The GraphQL error of a refusal or a bad input: its code, message and the field it names.</summary>
    public static ExecutionError ErrorOf(CertGridException ex)
    {
        var error = new ExecutionError(ex.Message) { Code = ex.Code.ToWireCode() };
        if (ex.Field is not null)
        {
            error.Extensions ??= [];
            error.Extensions["field"] = ex.Field;
        }

        return error;
    }
}
