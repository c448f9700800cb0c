using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Gives every GraphQL error a stable <c>extensions.code</c> and a message a person understands. GraphQL.NET's
/// own document errors keep their detailed rule code under <c>extensions.rule</c>; unexpected failures never
/// leak internals.
/// </summary>
public sealed class CertGridErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false, ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        var (code, message) = Classify(executionError, info.Message);
        if (executionError.Code is { } rule && code != rule && executionError is DocumentError)
        {
            extensions["rule"] = rule;
        }

        extensions["code"] = code;
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static (string Code, string Message) Classify(ExecutionError error, string message) => error switch
    {
        SyntaxError => (GraphQlErrors.ParseFailed, message),
        ValidationError when error.GetType().Name.Contains("Complexity", StringComparison.Ordinal) => (GraphQlErrors.QueryTooComplex, message),
        DocumentError => (GraphQlErrors.ValidationFailed, message),
        UnhandledError when error.InnerException is OperationCanceledException or TimeoutException =>
            (GraphQlErrors.Timeout, "The request took too long and was stopped. Ask for less, or try again."),
        UnhandledError => (GraphQlErrors.Internal, CertGridErrorMiddleware.InternalMessage),
        _ when error.GetType().Name.Contains("Timeout", StringComparison.Ordinal) =>
            (GraphQlErrors.Timeout, "The request took too long and was stopped. Ask for less, or try again."),
        _ => (error.Code ?? GraphQlErrors.Internal, message),
    };
}
