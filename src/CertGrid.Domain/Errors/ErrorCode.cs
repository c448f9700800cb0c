namespace CertGrid.Domain.Errors;

/// <summary>
/// The stable machine-readable codes every CertGrid error carries (GraphQL <c>extensions.code</c>).
/// Clients switch on these; never rename one.
/// </summary>
public enum ErrorCode
{
    /// <summary>No key, or a key that is unknown or revoked.</summary>
    Unauthenticated,
    /// <summary>The key is valid but its role or scopes do not allow the operation.</summary>
    Forbidden,
    /// <summary>The thing does not exist in the caller's community.</summary>
    NotFound,
    /// <summary>The input is malformed: a length, an enum, an id, a score outside the rubric.</summary>
    ValidationFailed,
    /// <summary>The operation clashes with the current state (already exists, already reviewed, ...).</summary>
    Conflict,
    /// <summary>A program rule forbids it (retake policy, unpublished credential, ...).</summary>
    PolicyViolation,
    /// <summary>Too many requests for this key or address.</summary>
    RateLimited,
    /// <summary>A dependency (storage, the cluster) did not answer in time.</summary>
    Unavailable,
    /// <summary>An unexpected failure; details are in the server log, never in the response.</summary>
    Internal,
}
