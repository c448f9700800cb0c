namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// JSON-LD processing refused a document or context. <see cref="Code"/> is the JSON-LD 1.1 error code where the
/// specification names one (<c>protected term redefinition</c>, <c>loading remote context failed</c>, …), or
/// <c>undefined term</c> / <c>unsupported construct</c> where a general processor would silently drop data: a
/// dropped term would be an unsigned claim, so CertGrid refuses instead.
/// </summary>
public sealed class JsonLdException : Exception
{
    public JsonLdException(string code, string message)
        : base(message) => Code = code;

    public JsonLdException()
        : this("invalid input", "The JSON-LD input is invalid.")
    {
    }

    public JsonLdException(string message)
        : this("invalid input", message)
    {
    }

    public JsonLdException(string message, Exception innerException)
        : base(message, innerException) => Code = "invalid input";

    public string Code { get; }

    internal static JsonLdException Unsupported(string what) =>
        new("unsupported construct", $"{what} is not supported by CertGrid's JSON-LD processor; the document is refused rather than signed or verified without it.");
}
