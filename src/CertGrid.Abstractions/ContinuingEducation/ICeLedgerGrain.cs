using CertGrid.Domain.ContinuingEducation;

namespace CertGrid.Abstractions.ContinuingEducation;

/// <summary>
/// A learner's continuing-education ledger: activities with credits, category, date, evidence and verification.
/// Key: <c>{community}/{learnerId}</c>.
/// </summary>
public interface ICeLedgerGrain : IGrainWithStringKey
{
    /// <summary>Records an activity: self-reported (learner) or already verified (admin). VALIDATION_FAILED for bad input or an uncommitted artifact.</summary>
    Task<CeActivity> RecordAsync(CeActivityInput input, bool verified, string actor);

    /// <summary>An admin verifies a self-reported (or rejected) activity. Idempotent.</summary>
    Task<CeActivity> VerifyAsync(string activityId, string actor);

    /// <summary>An admin rejects an activity with a reason. Idempotent for the same reason.</summary>
    Task<CeActivity> RejectAsync(string activityId, string reason, string actor);

    /// <summary>Grants credits CertGrid earns the learner automatically; idempotent by <see cref="AutomaticCredit.Source"/>.</summary>
    Task<CeActivity> PostAutomaticAsync(AutomaticCredit credit);

    [ReadOnly]
    Task<IReadOnlyList<CeActivity>> GetActivitiesAsync();

    /// <summary>Erases every activity of the ledger (the learner's erasure): titles, sources, evidence references and review reasons; idempotent.</summary>
    Task EraseAsync();
}

/// <summary>Credits granted automatically, for example for a review: <c>Source</c> = <c>review:{attemptId}:{evaluatorId}</c>.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.automatic-credit")]
public sealed record AutomaticCredit(
    [property: Id(0)] string Source,
    [property: Id(1)] CeActivityKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] decimal Credits,
    [property: Id(4)] string Category,
    [property: Id(5)] DateOnly OccurredOn);
