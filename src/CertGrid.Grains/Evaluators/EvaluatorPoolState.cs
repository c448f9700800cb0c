using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Evaluators;

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
}
