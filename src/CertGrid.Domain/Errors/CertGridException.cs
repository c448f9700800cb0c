namespace CertGrid.Domain.Errors;

/// <summary>
/// A failure the caller can act on: it has a stable <see cref="Code"/> and a message written for a person.
/// It crosses grain calls intact, so a rule enforced deep in a grain reaches the GraphQL client unchanged.
/// </summary>
[GenerateSerializer, Alias("certgrid.error")]
public sealed class CertGridException : Exception
{
    public CertGridException(ErrorCode code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public CertGridException()
        : this(ErrorCode.Internal, "Unexpected error.")
    {
    }

    public CertGridException(string message)
        : this(ErrorCode.Internal, message)
    {
    }

    public CertGridException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCode.Internal;
    }

    /// <summary>The stable code.</summary>
    [Id(0)]
    public ErrorCode Code { get; private set; }

    /// <summary>The input field at fault, when there is one (for example <c>input.rubric.criteria[2].levels</c>).</summary>
    [Id(1)]
    public string? Field { get; private set; }

    public static CertGridException NotFound(string what, string id) =>
        new(ErrorCode.NotFound, $"{what} '{id}' was not found in this community.");

    public static CertGridException Invalid(string field, string message) =>
        new(ErrorCode.ValidationFailed, message, field);

    public static CertGridException Conflict(string message) => new(ErrorCode.Conflict, message);

    public static CertGridException Policy(string message) => new(ErrorCode.PolicyViolation, message);

    public static CertGridException Forbidden(string message) => new(ErrorCode.Forbidden, message);
}
