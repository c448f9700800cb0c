using Azure.Data.Tables;
using CertGrid.Abstractions.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// A grain's mark in its community's effects table (partition: community; row key: the grain id, escaped): written when
/// the grain stores a change that causes effects, updated when an effect fails, deleted by the sweep once the grain has
/// settled. The sweep resumes marked grains; operators list them.
/// </summary>
public sealed class PendingEffectsRow : ReadModelRow
{
    public string GrainId { get; set; } = string.Empty;
    public DateTimeOffset MarkedAt { get; set; }
    public int Pending { get; set; }
    public string? FailingEffect { get; set; }
    public string? FailingReceiver { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? FailingEffectCausedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>
    /// The silo the grain was active on when it last marked itself or reported a failure (<c>SiloAddress.ToParsableString</c>):
    /// when that silo is lost, the sweep resumes its marks at once. Null on marks written before it was recorded.
    /// </summary>
    public string? Silo { get; set; }

    public static string RowKeyOf(GrainId grain) => Uri.EscapeDataString(grain.ToString());

    /// <summary>The mark itself, as the columns merged into an existing row, so what is known about failures stays.</summary>
    public static TableEntity Mark(string community, GrainId grain, DateTimeOffset at, string silo) =>
        new(community, RowKeyOf(grain)) { [nameof(GrainId)] = grain.ToString(), [nameof(MarkedAt)] = at, [nameof(Silo)] = silo };

    public static PendingEffectsRow Failure(string community, GrainId grain, int pending, PendingEffect failing, DateTimeOffset markedAt, DateTimeOffset nextAttemptAt,
        string silo) => new()
    {
        PartitionKey = community,
        RowKey = RowKeyOf(grain),
        GrainId = grain.ToString(),
        Silo = silo,
        MarkedAt = markedAt,
        Pending = pending,
        FailingEffect = failing.Effect.Kind,
        FailingReceiver = failing.Effect.Receiver,
        Attempts = failing.Attempts,
        LastError = failing.LastError,
        FailingEffectCausedAt = failing.CausedAt,
        NextAttemptAt = nextAttemptAt,
    };

    /// <summary>
    /// Whether the sweep after the loss of <paramref name="lostSilo"/> resumes this grain: it was active there, or an
    /// effect of its failed (its receiver may have been there, and its backoff grew meanwhile), or it is not known where.
    /// </summary>
    public bool ConcernsLossOf(string lostSilo) => Silo is null || Silo == lostSilo || Attempts > 0;

    public GrainEffects ToView() => new(GrainId, MarkedAt, Pending, FailingEffect, FailingReceiver, Attempts, LastError, FailingEffectCausedAt, NextAttemptAt,
        Attempts >= EffectRunner.StuckAfterAttempts);
}
