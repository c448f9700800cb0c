namespace CertGrid.Server.Hosting;

/// <summary>What one CertGrid process runs.</summary>
public enum ServerRole
{
    /// <summary>An Orleans silo with the API co-hosted: the default, and what each cloud replica runs.</summary>
    Silo,

    /// <summary>The API only, as an Orleans client of a cluster of silos.</summary>
    Gateway,
}
