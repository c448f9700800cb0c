using System.Text.Json;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Evaluators;

/// <summary>An evaluator's profile in the evaluators read model (<c>e|{evaluatorId}</c>), kept by their grain; the pool loads its roster from these rows.</summary>
public sealed class EvaluatorRow : ReadModelRow
{
    public const string Prefix = "e|";

    public string ProfileJson { get; set; } = "{}";

    public static EvaluatorRow From(string community, EvaluatorProfile profile) => new()
    {
        PartitionKey = community,
        RowKey = Prefix + profile.Id,
        ProfileJson = JsonSerializer.Serialize(profile with { ActiveAttemptIds = [] }),
    };

    public EvaluatorProfile ToProfile() => JsonSerializer.Deserialize<EvaluatorProfile>(ProfileJson)!;
}
