using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Programs;

[GenerateSerializer, Alias("certgrid.state.credential-definition")]
public sealed class CredentialDefinitionState : DurableState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string Description { get; set; } = string.Empty;
    [Id(2)] public CredentialTier Tier { get; set; }
    [Id(3)] public string FrameworkId { get; set; } = string.Empty;
    [Id(4)] public string? FrameworkVersion { get; set; }
    [Id(5)] public string CriteriaNarrative { get; set; } = string.Empty;
    [Id(6)] public Rubric Rubric { get; set; } = new([], 0);
    [Id(7)] public int? ValidityDays { get; set; }
    [Id(8)] public int EvaluatorsPerAttempt { get; set; } = 2;
    [Id(9)] public PublicationStatus Status { get; set; }
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset? PublishedAt { get; set; }
    [Id(12)] public CredentialRequirements? Requirements { get; set; }
    [Id(13)] public TrackRef? Track { get; set; }
    [Id(14)] public CredentialTranslations? Translations { get; set; }

    /// <summary>The policy document written at publication (null while a draft).</summary>
    [Id(15)] public PolicyDocument? Policy { get; set; }
}
