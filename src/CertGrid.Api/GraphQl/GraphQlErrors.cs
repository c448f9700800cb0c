namespace CertGrid.Api.GraphQl;

/// <summary>
/// Codes of errors raised by the GraphQL layer itself (the domain's codes are <see cref="ErrorCode"/>).
/// Together they are every <c>extensions.code</c> a client can see.
/// </summary>
public static class GraphQlErrors
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string Timeout = "TIMEOUT";
    public const string BadRequest = "BAD_REQUEST";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string DocumentNotFound = "DOCUMENT_NOT_FOUND";
    public const string DocumentIdInvalid = "DOCUMENT_ID_INVALID";
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";
    public const string Internal = "INTERNAL_SERVER_ERROR";
}
