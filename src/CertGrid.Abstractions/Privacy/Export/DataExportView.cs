namespace CertGrid.Abstractions.Privacy.Export;

/// <summary>Where an export is.</summary>
public enum DataExportStatus
{
    /// <summary>The JSON parts are being collected.</summary>
    Collecting,
    /// <summary>The parts and portfolio files are being streamed into the archive.</summary>
    Packing,
    /// <summary>The archive can be downloaded until it expires.</summary>
    Ready,
    /// <summary>The archive's time was up and it was deleted; request a new export.</summary>
    Expired,
    /// <summary>The export stopped for good (the learner was erased meanwhile); nothing of it is kept.</summary>
    Failed,
}

/// <summary>An export of a learner's data and its progress.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.data-export-view")]
public sealed record DataExportView(
    [property: Id(0)] string Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] DataExportStatus Status,
    [property: Id(3)] int ProgressPercent,
    [property: Id(4)] int PartsDone,
    [property: Id(5)] int PartsTotal,
    [property: Id(6)] int FilesPacked,
    [property: Id(7)] int FilesTotal,
    [property: Id(8)] DateTimeOffset RequestedAt,
    [property: Id(9)] DateTimeOffset? ReadyAt,
    [property: Id(10)] DateTimeOffset? ExpiresAt,
    [property: Id(11)] long? SizeBytes,
    [property: Id(12)] string? Failure,
    [property: Id(13)] int Resumptions = 0);
