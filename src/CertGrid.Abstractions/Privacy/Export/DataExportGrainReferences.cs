using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Privacy.Export;

/// <summary>Typed references to the data-export grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class DataExportGrainReferences
{
    /// <summary>One export of a learner's data.</summary>
    public static IDataExportGrain DataExport(this IGrainFactory grains, string community, string exportId) =>
        grains.InCommunity<IDataExportGrain>(community, exportId);
}
