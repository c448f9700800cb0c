using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CertGrid.Server.Hosting;

/// <summary>How this process joins the Orleans cluster (section <c>Cluster</c>).</summary>
public sealed class ClusterHostingOptions : IValidatableObject
{
    public const string SectionName = "Cluster";

    public ServerRole Role { get; set; } = ServerRole.Silo;

    /// <summary>Processes with the same cluster id (and storage) form one cluster.</summary>
    [Required(ErrorMessage = "Cluster:ClusterId is required.")]
    public string ClusterId { get; set; } = "certgrid-local";

    /// <summary>Stays the same across deployments: grain state and reminders are keyed by it.</summary>
    [Required(ErrorMessage = "Cluster:ServiceId is required.")]
    public string ServiceId { get; set; } = "certgrid";

    [Range(1, 65535, ErrorMessage = "Cluster:SiloPort must be a TCP port.")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "Cluster:GatewayPort must be a TCP port.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; leave empty to use the machine's address (cloud), 127.0.0.1 locally.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>
    /// The port the silo listens on inside its container when the platform maps the advertised <see cref="SiloPort"/> to
    /// it (Azure Container Apps TCP ingress: exposed port → target port). Unset: it listens on <see cref="SiloPort"/>.
    /// </summary>
    [Range(1, 65535, ErrorMessage = "Cluster:SiloListeningPort must be a TCP port.")]
    public int? SiloListeningPort { get; set; }

    /// <summary>The gateway's port inside its container when the platform maps the advertised <see cref="GatewayPort"/> to it.</summary>
    [Range(1, 65535, ErrorMessage = "Cluster:GatewayListeningPort must be a TCP port.")]
    public int? GatewayListeningPort { get; set; }

    /// <summary>
    /// How long a stopping process may take to hand its grains over and leave the cluster (the host's shutdown
    /// timeout). Keep it below the platform's grace period before it kills the process (60 s on Container Apps).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Cluster:ShutdownTimeout must be between 5 seconds and 10 minutes.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a grain call may take before the caller gets UNAVAILABLE.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Cluster:ResponseTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdvertisedIPAddress is not null && !IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            yield return new ValidationResult("Cluster:AdvertisedIPAddress must be an IP address.", [nameof(AdvertisedIPAddress)]);
        }

        if ((SiloListeningPort is null) != (GatewayListeningPort is null))
        {
            yield return new ValidationResult("Cluster:SiloListeningPort and Cluster:GatewayListeningPort are set together (both ports are mapped, or neither).", [nameof(GatewayListeningPort)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult("Cluster:SiloPort and Cluster:GatewayPort must differ.", [nameof(GatewayPort)]);
        }
    }
}
