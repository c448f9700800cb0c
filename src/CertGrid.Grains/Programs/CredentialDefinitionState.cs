using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Renewals;
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

    /// <summary>The assessment-integrity policy an admin set; null means <see cref="AssessmentPolicy.Default"/>.</summary>
    [Id(12)] public AssessmentPolicy? AssessmentPolicy { get; set; }
    /// <summary>How issued credentials live and are renewed (issue 5). A high id so parallel additions never collide.</summary>
    [Id(40)] public LifespanPolicy? Lifespan { get; set; }
    /// <summary>Whether the community's systems may award it directly (issue 19, part 5); off by default.</summary>
    [Id(41)] public bool AllowsDirectAward { get; set; }
    [Id(13)] public CredentialRequirements? Requirements { get; set; }
    [Id(14)] public TrackRef? Track { get; set; }
    [Id(15)] public CredentialTranslations? Translations { get; set; }

    /// <summary>The policy document written at publication (null while a draft).</summary>
    [Id(16)] public PolicyDocument? Policy { get; set; }
}
