namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>Canonicalisation refused a dataset: it needs more work than <see cref="RdfCanonicalizationOptions"/> allows.</summary>
public sealed class RdfCanonicalizationException : Exception
{
    public RdfCanonicalizationException(string message)
        : base(message)
    {
    }

    public RdfCanonicalizationException()
    {
    }

    public RdfCanonicalizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
