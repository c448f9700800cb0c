using CertGrid.Domain.DirectAwards;
using GraphQL.Types;

namespace CertGrid.Api.DirectAwards;

public sealed class AwardCredentialInput
{
    public string DefinitionId { get; set; } = string.Empty;
    public string? LearnerId { get; set; }
    public string? LearnerEmail { get; set; }
    public string ExternalId { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public List<AwardEvidenceInput>? Evidence { get; set; }

    public DirectAward ToAward() => new(DefinitionId, LearnerId, LearnerEmail, ExternalId, Source,
        (Evidence ?? []).Select(e => new AwardEvidence(e.Url, e.Title)).ToList());
}

public sealed class AwardEvidenceInput
{
    public string Url { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
}

public sealed class AwardCredentialInputType : InputObjectGraphType<AwardCredentialInput>
{
    public AwardCredentialInputType()
    {
        Name = "AwardCredentialInput";
        Description = "A credential awarded by one of the community's systems on completion of something outside CertGrid; the award webhook's body has the same fields.";
        Field(x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…); it must be published and allow direct award.");
        Field(x => x.LearnerId, type: typeof(IdGraphType)).Description("The learner (lrn_…); give exactly one of learnerId and learnerEmail.");
        Field(x => x.LearnerEmail, nullable: true).Description("The email the learner is enrolled with; give exactly one of learnerId and learnerEmail.");
        Field(x => x.ExternalId, nullable: false).Description($"Your system's id of what was completed, 1-{DirectAwardRules.MaxExternalIdLength} characters without spaces: the same id always names the same award, so sending it again issues nothing new.");
        Field(x => x.Source, nullable: false).Description($"The sending system, e.g. moodle or events-2026: letters, digits, '.', '_' or '-', up to {DirectAwardRules.MaxSourceLength} characters. The credential's awardedThrough is 'automatic:<source>'.");
        Field(x => x.Evidence, type: typeof(ListGraphType<NonNullGraphType<AwardEvidenceInputType>>)).Description($"Up to {DirectAwardRules.MaxEvidence} links to what earned it (a completion certificate, a course page), each once.");
    }
}

public sealed class AwardEvidenceInputType : InputObjectGraphType<AwardEvidenceInput>
{
    public AwardEvidenceInputType()
    {
        Name = "AwardEvidenceInput";
        Description = "A link to what earned a directly awarded credential; it appears as evidence in the credential.";
        Field(x => x.Url, nullable: false).Description("An absolute http(s) URL without credentials.");
        Field(x => x.Title, nullable: false).Description($"What the link shows: 1-{DirectAwardRules.MaxEvidenceTitleLength} characters.");
    }
}
