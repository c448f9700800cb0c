namespace CertGrid.Grains.Storage;

/// <summary>A configuration mistake found at start-up; the message names the setting to fix.</summary>
public sealed class InvalidConfigurationException : Exception
{
    public InvalidConfigurationException(string message)
        : base(message)
    {
    }

    public InvalidConfigurationException()
    {
    }

    public InvalidConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
