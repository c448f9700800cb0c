using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Programs;
using CertGrid.Domain.Programs;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;

namespace CertGrid.Api.Publishing;

/// <summary>Everything a community publishes about its program, as its public program page shows it.</summary>
public sealed record PublicProgram(
    CommunityInfo Community,
    string Language,
    IReadOnlyList<FrameworkInfo> Frameworks,
    IReadOnlyList<CredentialDefinitionInfo> Credentials,
    IReadOnlyList<Pathway> Pathways,
    IReadOnlyList<Specialisation> Specialisations);

public sealed class PublicCommunityType : ObjectGraphType<CommunityInfo>
{
    public PublicCommunityType()
    {
        Name = "PublicCommunity";
        Description = "What anyone may know of a community: its id, name, website and default language.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The community's id (its slug, as in every public URL).");
        Field(x => x.Name, nullable: false).Description("The community's name.");
        Field(x => x.Description, nullable: true).Description("What the community is about; null when none was given.");
        Field(x => x.Url, nullable: true).Description("The community's public web site; null when none was given.");
        Field(x => x.DefaultLanguage, nullable: false).Description("The language tag the community's content is written in, e.g. 'en'.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PublicProgramType : ObjectGraphType<PublicProgram>
{
    public PublicProgramType()
    {
        Name = "PublicProgram";
        Description = "A community's published frameworks, credentials (with rubrics, scoring methodology and policies), pathways and specialisations.";
        Field<NonNullGraphType<PublicCommunityType>>("community").Description("The community running the program.").Resolve(ctx => ctx.Source.Community);
        Field(x => x.Language, nullable: false).Description("The language asked for first (texts without a translation fall back to the community's default).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FrameworkType>>>>("frameworks").Expect(2).Description("Published frameworks with their released versions.").Resolve(ctx => ctx.Source.Frameworks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CredentialDefinitionType>>>>("credentials").Description("Published credential definitions with their rubrics, requirements and policy documents.").Expect(5).Resolve(ctx => ctx.Source.Credentials);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathwayType>>>>("pathways").Expect(2).Description("Active pathways.").Resolve(ctx => ctx.Source.Pathways);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpecialisationType>>>>("specialisations").Description("The community's specialisations and their tracks.").Expect(1).Resolve(ctx => ctx.Source.Specialisations);
        this.AuthorizeOtherFieldsAsParent();
    }
}
