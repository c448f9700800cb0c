namespace CertGrid.Grains.Onboarding;

/// <summary>
/// A good row of an import and what it becomes: <see cref="TargetId"/> is created when applied, unless the community
/// already has it (<see cref="ExistingId"/>: the row is left as it is). Applying is idempotent: a row applied again (a batch
/// redone after a restart) meets what it created the first time.
/// </summary>
/// <param name="Subject">Who or what the row is about, for the results file (an email, usually).</param>
public abstract record PlannedRow(long Line, string Subject, string TargetId, string? ExistingId)
{
    public abstract string ExistingOutcome { get; }

    public abstract string DoneOutcome { get; }

    public abstract string PendingOutcome { get; }

    /// <summary>Creates what the row describes; true when it exists afterwards because of this import (now or before a restart).</summary>
    public abstract Task<bool> ApplyAsync(ImportApplication import);
}

/// <summary>What applying a row needs: the community's grains, the import and the admin who applied it.</summary>
public sealed record ImportApplication(IGrainFactory Grains, string Community, string ImportId, string Actor);
