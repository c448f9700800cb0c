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

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        // Most fields (a property of an object already loaded) complete at once: they need no state machine.
        ValueTask<object?> resolving;
        try
        {
            resolving = next(context);
        }
        catch (Exception ex) when (Translate(ex, context) is { } translated && !ReferenceEquals(translated, ex))
        {
            throw translated;
        }

        return resolving.IsCompletedSuccessfully ? resolving : AwaitAsync(resolving, context);
    }

    private async ValueTask<object?> AwaitAsync(ValueTask<object?> resolving, IResolveFieldContext context)
    {
        try
        {
            return await resolving;
        }
        catch (Exception ex) when (Translate(ex, context) is { } translated && !ReferenceEquals(translated, ex))
        {
            throw translated;
        }
    }

    /// <summary>
    /// What a resolver's failure surfaces as: a coded GraphQL error for ours (an internal one logged and without its
    /// message) and for a cluster that does not answer; anything else unchanged.
    /// </summary>
    private Exception Translate(Exception failure, IResolveFieldContext context)
    {
        switch (failure)
        {
            case CertGridException { Code: ErrorCode.Internal } ex:
                // An internal failure's message names internals (grain keys, states): logged, never shown.
                logger.LogError(ex, "An internal error while resolving {Field}", context.FieldDefinition.Name);
                return new ExecutionError(InternalMessage) { Code = ErrorCode.Internal.ToWireCode() };
            case CertGridException ex:
                return ErrorOf(ex);
            case var ex when ClusterUnavailability.Explains(ex):
                logger.LogWarning(ex, "The cluster did not answer while resolving {Field}", context.FieldDefinition.Name);
                return new ExecutionError(ClusterUnavailability.Message) { Code = ErrorCode.Unavailable.ToWireCode() };
            default:
                return failure;
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
