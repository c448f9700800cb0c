namespace CertGrid.Grains.Persistence;

/// <summary>An effect in its grain's state until it was applied: its place in the order of effects, and its failures so far.</summary>
[GenerateSerializer, Alias("certgrid.pending-effect")]
public sealed class PendingEffect
{
    /// <summary>Numbers the grain's effects in the order they were caused; with the grain's id it makes the effect id.</summary>
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public Effect Effect { get; set; } = null!;
    [Id(2)] public DateTimeOffset CausedAt { get; set; }
    [Id(3)] public int Attempts { get; set; }
    [Id(4)] public string? LastError { get; set; }

    public static string IdOf(GrainId grain, long sequence) => $"{grain}#{sequence}";
}
