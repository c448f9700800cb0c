using CertGrid.Abstractions.Privacy.Export;
using CertGrid.Domain.Privacy.Export;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy.Export;

/// <summary>An export's progress; no personal data (that is in the part and archive blobs under the learner's prefix).</summary>
[GenerateSerializer, Alias("certgrid.state.data-export")]
public sealed class DataExportState : DurableState
{
    [Id(0)] public string LearnerId { get; set; } = string.Empty;

    [Id(1)] public string RequestedBy { get; set; } = string.Empty;

    [Id(2)] public DataExportStatus Status { get; set; }

    [Id(3)] public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The parts to write, in order (fixed when the export starts).</summary>
    [Id(4)] public List<ExportPart> Parts { get; set; } = [];

    /// <summary>How many of <see cref="Parts"/> are stored; the export resumes at this one.</summary>
    [Id(5)] public int PartsDone { get; set; }

    [Id(6)] public int FilesTotal { get; set; }

    [Id(7)] public DateTimeOffset? ReadyAt { get; set; }

    [Id(8)] public DateTimeOffset? ExpiresAt { get; set; }

    [Id(9)] public long? SizeBytes { get; set; }

    [Id(10)] public string? Failure { get; set; }

    /// <summary>How many times the export went on in a new activation after it had stopped (a silo restart).</summary>
    [Id(11)] public int Resumptions { get; set; }
}
