using System.Text.Json;
using CertGrid.Abstractions.Appeals;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Appeals;

/// <summary>An appeal in the community's assessments read model (<c>a|{appealId}</c>), for admins' list of appeals.</summary>
public sealed class AppealRow : ReadModelRow
{
    public const string Prefix = "a|";

    public string AttemptId { get; set; } = string.Empty;
    public string LearnerId { get; set; } = string.Empty;
    public string DefinitionId { get; set; } = string.Empty;
    public string Outcome { get; set; } = string.Empty;
    public DateTimeOffset FiledAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? CredentialId { get; set; }

    /// <summary>The whole view, so the list can show everything without calling every appeal grain.</summary>
    public string ViewJson { get; set; } = string.Empty;

    public static AppealRow From(string community, AppealView view) => new()
    {
        PartitionKey = community,
        RowKey = Prefix + view.Id,
        AttemptId = view.AttemptId,
        LearnerId = view.LearnerId,
        DefinitionId = view.DefinitionId,
        Outcome = view.Outcome.ToString(),
        FiledAt = view.FiledAt,
        DecidedAt = view.DecidedAt,
        CredentialId = view.CredentialId,
        ViewJson = JsonSerializer.Serialize(view with { Justification = Excerpt(view.Justification), Reviews = [] }),
    };

    public AppealView ToView() => JsonSerializer.Deserialize<AppealView>(ViewJson)!;

    private static string Excerpt(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
