using System.Text.Json;
using CertGrid.Api.GraphQl;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Retries;

/// <summary>What an answer of <c>/graphql</c> says about the request it answers, for its idempotency key.</summary>
public enum AnswerKind
{
    /// <summary>The request ran (or was refused for what it is) and the answer is final: keep it for replay.</summary>
    Final,

    /// <summary>The request never ran (rate limit, authentication, the cluster unreachable up front): forget the key.</summary>
    NotRun,

    /// <summary>The request ran but the cluster did not answer some of it: it may or may not have been applied.</summary>
    Lost,
}

/// <summary>Reads an answer's status and error codes to tell its <see cref="AnswerKind"/>.</summary>
public static class AnswerKinds
{
    private static readonly HashSet<string> UncertainCodes =
        [ErrorCode.Unavailable.ToWireCode(), GraphQlErrors.Timeout, GraphQlErrors.Internal];

    private static readonly HashSet<int> RefusedBeforeRunning =
    [
        StatusCodes.Status401Unauthorized, StatusCodes.Status405MethodNotAllowed, StatusCodes.Status406NotAcceptable,
        StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests,
    ];

    public static AnswerKind Of(int status, ReadOnlySpan<byte> body)
    {
        if (RefusedBeforeRunning.Contains(status))
        {
            return AnswerKind.NotRun;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var ran = document.RootElement.TryGetProperty("data", out _);
            var uncertain = document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                && errors.EnumerateArray().Any(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code)
                    && code.ValueKind == JsonValueKind.String && UncertainCodes.Contains(code.GetString()!));
            if (!uncertain && status < 500)
            {
                return AnswerKind.Final;
            }

            // A 503 without data is the endpoint refusing up front (the key lookup could not reach the cluster).
            return !ran && status == StatusCodes.Status503ServiceUnavailable ? AnswerKind.NotRun : AnswerKind.Lost;
        }
        catch (JsonException)
        {
            return status >= 500 ? AnswerKind.Lost : AnswerKind.Final;
        }
    }
}
