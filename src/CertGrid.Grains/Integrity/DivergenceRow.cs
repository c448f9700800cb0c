using System.Text.Json;
using CertGrid.Domain.Integrity;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Integrity;

/// <summary>A row of the assessments read model for each evaluator the divergence rule flags now (<c>v|{evaluatorId}</c>), written by their signals grain.</summary>
public sealed class DivergenceRow : ReadModelRow
{
    public const string Prefix = "v|";

    public string FlagJson { get; set; } = "{}";

    public static string RowKeyOf(string evaluatorId) => Prefix + evaluatorId;

    public static DivergenceRow From(string community, DivergenceFlag flag) => new()
    {
        PartitionKey = community,
        RowKey = RowKeyOf(flag.EvaluatorId),
        FlagJson = JsonSerializer.Serialize(flag),
    };

    public DivergenceFlag ToFlag() => JsonSerializer.Deserialize<DivergenceFlag>(FlagJson)!;
}
