namespace CertGrid.Domain.Errors;

/// <summary>Maps <see cref="ErrorCode"/> to the SCREAMING_SNAKE_CASE strings published in GraphQL errors.</summary>
public static class ErrorCodes
{
    public static string ToWireCode(this ErrorCode code) => code switch
    {
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.Forbidden => "FORBIDDEN",
        ErrorCode.NotFound => "NOT_FOUND",
        ErrorCode.ValidationFailed => "VALIDATION_FAILED",
        ErrorCode.Conflict => "CONFLICT",
        ErrorCode.PolicyViolation => "POLICY_VIOLATION",
        ErrorCode.RateLimited => "RATE_LIMITED",
        ErrorCode.Unavailable => "UNAVAILABLE",
        _ => "INTERNAL_SERVER_ERROR",
    };
}
