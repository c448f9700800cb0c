using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

[GenerateSerializer, Alias("certgrid.state.erasure-plan-rollout")]
public sealed class ErasurePlanRolloutState : DurableState
{
    /// <summary>The plan being rolled out (0: none started).</summary>
    [Id(0)] public int Plan { get; set; }

    /// <summary>The newest plan every community's erased learners were brought up to.</summary>
    [Id(1)] public int RolledOutPlan { get; set; }

    /// <summary>Where the next page of the communities directory starts; null with <see cref="DirectoryRead"/>: nothing left.</summary>
    [Id(2)] public string? DirectoryCursor { get; set; }

    [Id(3)] public bool DirectoryRead { get; set; }

    /// <summary>Communities of the directory page in hand still to walk; the first is being walked.</summary>
    [Id(4)] public List<string> Pending { get; set; } = [];

    /// <summary>Where the first pending community's audit log is to be read on (a table continuation token).</summary>
    [Id(5)] public string? AuditCursor { get; set; }

    [Id(6)] public int CommunitiesWalked { get; set; }

    [Id(7)] public long ErasedLearnersChecked { get; set; }

    [Id(8)] public DateTimeOffset? CompletedAt { get; set; }
}
