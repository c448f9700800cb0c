using CertGrid.Abstractions.Resources;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Languages;
using CertGrid.Api.Learners;
using CertGrid.Domain.Resources;
using GraphQL.Types;

namespace CertGrid.Api.Resources;

public sealed class ResourceKindType : EnumerationGraphType<ResourceKind>
{
    public ResourceKindType()
    {
        Name = "ResourceKind";
        Description = "LINK to a page elsewhere, or FILE uploaded to the library.";
    }
}

public sealed class ResourceFileType : ObjectGraphType<ResourceFile>
{
    public ResourceFileType()
    {
        Name = "ResourceFile";
        Description = "A resource's uploaded file: its name, size, type and checksum.";
        Field(x => x.FileName, nullable: false);
        Field(x => x.ContentType, nullable: false);
        Field(x => x.SizeBytes, nullable: false);
        Field(x => x.Sha256, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ResourceType : ObjectGraphType<Resource>
{
    public ResourceType()
    {
        Name = "Resource";
        Description = "A preparatory resource curated by a contributor: a link or a file, tagged with competencies and credentials.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Title, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Kind, type: typeof(NonNullGraphType<ResourceKindType>));
        Field(x => x.Url, nullable: true);
        Field<ResourceFileType>("file").Resolve(ctx => ctx.Source.File);
        Field<StringGraphType>("downloadUrl").Description("For a file: a URL valid for 15 minutes (members of the community).")
            .ResolveAsync(async ctx => ctx.Source is { Kind: ResourceKind.File, Published: true } && ctx.Caller().Community is { } community
                ? (await ctx.Grains().GetGrain<IResourceLibraryGrain>(community).DownloadUrlAsync(ctx.Source.Id)).ToString()
                : null);
        Field(x => x.CompetencyCodes, nullable: false);
        Field("credentialIds", x => x.DefinitionIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>));
        Field(x => x.CuratedBy, nullable: false);
        Field(x => x.CuratedAt, nullable: false);
        Field(x => x.Published, nullable: false);
        this.AddTranslationsField("titleTranslations", r => r.TitleTranslations);
        this.AddTranslationsField("descriptionTranslations", r => r.DescriptionTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CuratedResourceType : ObjectGraphType<CuratedResource>
{
    public CuratedResourceType()
    {
        Name = "CuratedResource";
        Description = "A resource just added to the library and, for a file, where to upload it.";
        Field<NonNullGraphType<ResourceType>>("resource").Resolve(ctx => ctx.Source.Resource);
        Field<ArtifactUploadTicketType>("upload").Description("For a file: where to PUT it, then call commitResourceFile.").Resolve(ctx => ctx.Source.Upload);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CurateResourceInput
{
    public string Title { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Url { get; set; }
    public List<string>? CompetencyCodes { get; set; }
    public List<string>? CredentialIds { get; set; }
    public List<TranslationInput>? TitleTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }

    public CurateResource ToCommand() => new(Title, Description, Url, CompetencyCodes ?? [], CredentialIds ?? [],
        Translations.ToMap(TitleTranslations, "input.titleTranslations"), Translations.ToMap(DescriptionTranslations, "input.descriptionTranslations"),
        FileName, ContentType, SizeBytes);
}

public sealed class CurateResourceInputType : InputObjectGraphType<CurateResourceInput>
{
    public CurateResourceInputType()
    {
        Name = "CurateResourceInput";
        Description = "A resource for the library: a link, or a file to upload, and the competencies and credentials it helps with.";
        Field(x => x.Title, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Url, nullable: true).Description("A link; omit it and give fileName, contentType and sizeBytes to upload a file instead.");
        Field(x => x.CompetencyCodes, nullable: true);
        Field(x => x.CredentialIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>));
        Field(x => x.TitleTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>));
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>));
        Field(x => x.FileName, nullable: true);
        Field(x => x.ContentType, nullable: true);
        Field(x => x.SizeBytes, nullable: true);
    }
}
