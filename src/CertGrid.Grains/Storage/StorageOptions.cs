using System.ComponentModel.DataAnnotations;

namespace CertGrid.Grains.Storage;

/// <summary>
/// Where CertGrid keeps everything: grain state, reminders, membership, read models (Azure Tables) and
/// portfolio artifacts (Azure Blobs). Either a connection string (Azurite locally) or service URIs with a
/// managed identity (Azure). Section <c>Storage</c>; the connection string may also come from
/// <c>ConnectionStrings:AzureStorage</c>.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>A storage connection string, e.g. <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table service endpoint when using a managed identity, e.g. <c>https://acct.table.core.windows.net</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Blob service endpoint when using a managed identity.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity (optional).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table and container name, so several deployments (or test runs) can share an account.</summary>
    [RegularExpression("^[a-z][a-z0-9]{0,19}$", ErrorMessage = "Storage:NamePrefix must be 1-20 lowercase letters or digits, starting with a letter.")]
    public string NamePrefix { get; set; } = "certgrid";

    /// <summary>How long one storage request may take before it is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "Storage:RequestTimeout must be between 1 second and 2 minutes.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a failed storage request.</summary>
    [Range(0, 10, ErrorMessage = "Storage:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Connections a process keeps open to one storage endpoint at most; further requests wait for a free one (the
    /// wait counts toward <see cref="RequestTimeout"/>).
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Storage:MaxConnectionsPerEndpoint must be between 1 and 10,000.")]
    public int MaxConnectionsPerEndpoint { get; set; } = 256;

    /// <summary>How long start-up waits for storage to answer before giving up with a clear message.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Storage:StartupTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableServiceUri is null || BlobServiceUri is null))
        {
            yield return new ValidationResult(
                "Storage is not configured: set ConnectionStrings:AzureStorage (or Storage:ConnectionString), " +
                "or both Storage:TableServiceUri and Storage:BlobServiceUri to use a managed identity.",
                [nameof(ConnectionString)]);
        }
    }

    /// <summary>Reads the options from configuration, taking the connection string from either place.</summary>
    public static StorageOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new StorageOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(SectionName), options);
        options.ConnectionString ??= configuration["ConnectionStrings:AzureStorage"];
        return options;
    }

    /// <summary>Validates and throws an <see cref="InvalidConfigurationException"/> naming every bad setting.</summary>
    public StorageOptions Validated()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new InvalidConfigurationException(string.Join(" ", results.Select(r => r.ErrorMessage)));
        }

        return this;
    }
}
