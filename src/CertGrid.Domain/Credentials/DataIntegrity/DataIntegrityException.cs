namespace CertGrid.Domain.Credentials.DataIntegrity;

/// <summary>A Data Integrity processing error with the specification's code (<c>PROOF_GENERATION_ERROR</c>, …).</summary>
public sealed class DataIntegrityException : Exception
{
    public DataIntegrityException(string code, string message)
        : base(message) => Code = code;

    public DataIntegrityException()
        : this("PROOF_VERIFICATION_ERROR", "The Data Integrity proof could not be processed.")
    {
    }

    public DataIntegrityException(string message)
        : this("PROOF_VERIFICATION_ERROR", message)
    {
    }

    public DataIntegrityException(string message, Exception innerException)
        : base(message, innerException) => Code = "PROOF_VERIFICATION_ERROR";

    public string Code { get; }
}
