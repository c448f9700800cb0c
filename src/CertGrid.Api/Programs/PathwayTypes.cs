using CertGrid.Api.Access.Rules;
using CertGrid.Api.Languages;
using CertGrid.Domain.Programs;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class PathwayType : ObjectGraphType<Pathway>
{
    public PathwayType()
    {
        Name = "Pathway";
        Description = "A stackable pathway: earning every component micro-credential awards the target credential, automatically.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The pathway's id (pth_…).");
        Field(x => x.Name, nullable: false).Description("The pathway's name in the reader's language.");
        Field(x => x.Description, nullable: true).Description("What the pathway leads to in the reader's language; null when none was written.");
        Field("targetCredentialId", x => x.TargetDefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) awarded once every component is earned.");
        Field("componentCredentialIds", x => x.ComponentDefinitionIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The micro-credential definitions (def_…) that stack into the target.");
        Field(x => x.Status, type: typeof(NonNullGraphType<PathwayStatusType>)).Description("DRAFT, ACTIVE (awarding) or RETIRED; members other than admins see only active pathways.");
        Field(x => x.CreatedAt, nullable: false).Description("When the pathway was defined (UTC instant).");
        Field(x => x.ActivatedAt, nullable: true).Description("When it became active (UTC instant); null while a draft.");
        Field<NonNullGraphType<StringGraphType>>("approvalFingerprint").Description("What the steering committee approves.")
            .Resolve(ctx => CertGrid.Abstractions.Programs.PathwayFingerprint.Of(ctx.Source));
        this.AddTranslationsField("nameTranslations", p => p.NameTranslations);
        this.AddTranslationsField("descriptionTranslations", p => p.DescriptionTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SpecialisationTrackType : ObjectGraphType<SpecialisationTrack>
{
    public SpecialisationTrackType()
    {
        Name = "SpecialisationTrack";
        Description = "A track of a specialisation and the competencies it adds.";
        Field(x => x.Code, nullable: false).Description("The track's code, unique in the specialisation.");
        Field(x => x.Name, nullable: false).Description("The track's name in the reader's language.");
        Field(x => x.CompetencyCodes, nullable: false).Description("The competencies the track adds to the core.");
        this.AddTranslationsField("nameTranslations", t => t.NameTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SpecialisationType : ObjectGraphType<Specialisation>
{
    public SpecialisationType()
    {
        Name = "Specialisation";
        Description = "Shared core competencies plus tracks; a track's credential assesses the core and the track's own competencies.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The specialisation's id (spc_…).");
        Field(x => x.Name, nullable: false).Description("The specialisation's name in the reader's language.");
        Field(x => x.Description, nullable: true).Description("What the specialisation covers; null when none was written.");
        Field(x => x.FrameworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The competency framework (fwk_…) its competencies come from.");
        Field(x => x.CoreCompetencyCodes, nullable: false).Description("The competencies every track shares.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpecialisationTrackType>>>>("tracks").Description("The tracks learners may specialise in.").Expect(3).Resolve(ctx => ctx.Source.Tracks);
        this.AddTranslationsField("nameTranslations", s => s.NameTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DefinePathwayInput
{
    public string? Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string TargetCredentialId { get; set; } = string.Empty;
    public List<string> ComponentCredentialIds { get; set; } = [];
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }
}

public sealed class DefinePathwayInputType : InputObjectGraphType<DefinePathwayInput>
{
    public DefinePathwayInputType()
    {
        Name = "DefinePathwayInput";
        Description = "A stackable pathway: the component credentials that together earn a target credential.";
        Field(x => x.Id, type: typeof(IdGraphType)).Description("Omit to create; give a draft pathway's id to revise it.");
        Field(x => x.Name, nullable: false).Description("The pathway's name: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the pathway leads to: up to 4,000 characters.");
        Field(x => x.TargetCredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential the micro-credentials stack into.");
        Field(x => x.ComponentCredentialIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("2-20 micro-credentials.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The pathway's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The pathway's description in other languages than the community's default: up to 30, one per language tag.");
    }
}

public sealed class SpecialisationTrackInput
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public List<string> CompetencyCodes { get; set; } = [];
    public List<TranslationInput>? NameTranslations { get; set; }
}

public sealed class SpecialisationTrackInputType : InputObjectGraphType<SpecialisationTrackInput>
{
    public SpecialisationTrackInputType()
    {
        Name = "SpecialisationTrackInput";
        Description = "A track of a specialisation and the competencies it adds.";
        Field(x => x.Code, nullable: false).Description("The track's code, unique in the specialisation: letters, digits, '.', '_' or '-', up to 40 characters.");
        Field(x => x.Name, nullable: false).Description("The track's name: 1-200 characters.");
        Field(x => x.CompetencyCodes, nullable: false).Description("The competencies this track adds to the core.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The track's name in other languages than the community's default: up to 30, one per language tag.");
    }
}

public sealed class DefineSpecialisationInput
{
    public string? Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string FrameworkId { get; set; } = string.Empty;
    public List<string> CoreCompetencyCodes { get; set; } = [];
    public List<SpecialisationTrackInput> Tracks { get; set; } = [];
    public List<TranslationInput>? NameTranslations { get; set; }

    public Specialisation ToSpecialisation(string id) => new(id, Name, Description, FrameworkId, CoreCompetencyCodes,
        Tracks.Select((t, i) => new SpecialisationTrack(t.Code, t.Name, t.CompetencyCodes, null, Translations.ToMap(t.NameTranslations, $"input.tracks[{i}].nameTranslations"))).ToList(),
        Translations.ToMap(NameTranslations, "input.nameTranslations"));
}

public sealed class DefineSpecialisationInputType : InputObjectGraphType<DefineSpecialisationInput>
{
    public DefineSpecialisationInputType()
    {
        Name = "DefineSpecialisationInput";
        Description = "A specialisation: its core competencies and the tracks learners may specialise in.";
        Field(x => x.Id, type: typeof(IdGraphType)).Description("Omit to create; give an id to replace a specialisation.");
        Field(x => x.Name, nullable: false).Description("The specialisation's name: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the specialisation covers: up to 4,000 characters.");
        Field(x => x.FrameworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The competency framework (fwk_…) every competency code must come from.");
        Field(x => x.CoreCompetencyCodes, nullable: false).Description("Competencies every track shares.");
        Field(x => x.Tracks, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SpecialisationTrackInputType>>>)).Description("1-20 tracks learners may specialise in.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The specialisation's name in other languages than the community's default: up to 30, one per language tag.");
    }
}
