using CertGrid.Abstractions.Evaluators;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Evaluators;

/// <summary>
/// What a community's pool stored before evaluators had grains of their own and panels rows of their own: every
/// evaluator and every open panel in one row, rewritten on every assignment. The pool hands them over on activation and
/// stores this empty.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.evaluator-pool")]
public sealed class EvaluatorPoolState : DurableState
{
    [Id(0)] public Dictionary<string, EvaluatorRecord> Evaluators { get; set; } = [];

    /// <summary>The evaluators on each undecided attempt's panel (attempt id → evaluator ids).</summary>
    [Id(1)] public Dictionary<string, List<string>> Panels { get; set; } = [];
}

[GenerateSerializer, Alias("certgrid.state.evaluator")]
public sealed class EvaluatorRecord
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string Email { get; set; } = string.Empty;
    [Id(2)] public string? Organisation { get; set; }
    [Id(3)] public List<string> Expertise { get; set; } = [];
    [Id(4)] public string? LinkedLearnerId { get; set; }
    [Id(5)] public int MaxActiveAssignments { get; set; }
    [Id(6)] public bool Active { get; set; } = true;
    [Id(7)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(8)] public List<string> Languages { get; set; } = [];
    [Id(9)] public DateTimeOffset? UnavailableUntil { get; set; }

    /// <summary>Reviews this evaluator let pass their deadline (each seat was reassigned).</summary>
    [Id(10)] public int OverdueReviews { get; set; }
    [Id(11)] public int Recusals { get; set; }
    [Id(12)] public string? InactiveReason { get; set; }

    public EvaluatorProfile ToProfile(string id, IReadOnlyList<string> activeAttemptIds) => new(
        id, Name, Email, Organisation, Expertise, LinkedLearnerId, MaxActiveAssignments, activeAttemptIds, Active, RegisteredAt,
        Languages, UnavailableUntil, OverdueReviews, Recusals, InactiveReason);

    public static EvaluatorRecord From(EvaluatorProfile profile) => new()
    {
        Name = profile.Name,
        Email = profile.Email,
        Organisation = profile.Organisation,
        Expertise = [.. profile.Expertise],
        LinkedLearnerId = profile.LinkedLearnerId,
        MaxActiveAssignments = profile.MaxActiveAssignments,
        Active = profile.Active,
        RegisteredAt = profile.RegisteredAt,
        Languages = [.. profile.Languages ?? []],
        UnavailableUntil = profile.UnavailableUntil,
        OverdueReviews = profile.OverdueReviews,
        Recusals = profile.Recusals,
        InactiveReason = profile.InactiveReason,
    };
}
