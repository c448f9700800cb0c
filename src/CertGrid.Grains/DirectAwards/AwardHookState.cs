using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.DirectAwards;

/// <summary>A community's award hook secrets, encrypted with Data Protection (never stored or logged in clear).</summary>
[GenerateSerializer, Alias("certgrid.state.award-hook")]
public sealed class AwardHookState : DurableState
{
    [Id(0)] public string? ProtectedSecret { get; set; }
    [Id(1)] public DateTimeOffset? SecretCreatedAt { get; set; }

    /// <summary>The secret rotated out, which keeps verifying until <see cref="PreviousValidUntil"/>.</summary>
    [Id(2)] public string? ProtectedPreviousSecret { get; set; }
    [Id(3)] public DateTimeOffset? PreviousValidUntil { get; set; }
}
