namespace CertGrid.Grains.Storage;

/// <summary>Storage did not answer at start-up; the message says where CertGrid looked and what to fix.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
