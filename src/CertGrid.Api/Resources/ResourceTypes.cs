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
        Field(x => x.FileName, nullable: false).Description("The file name the curator declared.");
        Field(x => x.ContentType, nullable: false).Description("The stored file's MIME type, checked against its content.");
        Field(x => x.SizeBytes, nullable: false).Description("The stored file's size in bytes.");
        Field(x => x.Sha256, nullable: false).Description("Hex SHA-256 of the stored file.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ResourceType : ObjectGraphType<Resource>
{
    public ResourceType()
    {
        Name = "Resource";
        Description = "A preparatory resource curated by a contributor: a link or a file, tagged with competencies and credentials.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The resource's id (res_…).");
        Field(x => x.Title, nullable: false).Description("The resource's title in the reader's language.");
        Field(x => x.Description, nullable: true).Description("What the resource helps with; null when none was written.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<ResourceKindType>)).Description("LINK or FILE.");
        Field(x => x.Url, nullable: true).Description("The page a link points to; null for a file.");
        Field<ResourceFileType>("file").Description("The uploaded file; null for a link and until the upload is committed.").Resolve(ctx => ctx.Source.File);
        Field<StringGraphType>("downloadUrl").Description("For a file: a URL valid for 15 minutes (members of the community).")
            .ResolveAsync(async ctx => ctx.Source is { Kind: ResourceKind.File, Published: true } && ctx.Caller().Community is { } community
                ? (await ctx.Grains().GetGrain<IResourceLibraryGrain>(community).DownloadUrlAsync(ctx.Source.Id)).ToString()
                : null);
        Field(x => x.CompetencyCodes, nullable: false).Description("Framework competencies the resource helps with; empty when none.");
        Field("credentialIds", x => x.DefinitionIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Credential definitions (def_…) the resource prepares for; empty when none.");
        Field(x => x.CuratedBy, nullable: false).Description("The contributor who added it: learner:<id>, evaluator:<id> or admin:<key>.");
        Field(x => x.CuratedAt, nullable: false).Description("When it was added (UTC instant).");
        Field(x => x.Published, nullable: false).Description("True while the resource is in the library: a link at once, a file once committed; false once withdrawn.");
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
        Field<NonNullGraphType<ResourceType>>("resource").Description("The resource as the library lists it.").Resolve(ctx => ctx.Source.Resource);
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
        Field(x => x.Title, nullable: false).Description("The resource's title: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the resource helps with: up to 4,000 characters.");
        Field(x => x.Url, nullable: true).Description("A link; omit it and give fileName, contentType and sizeBytes to upload a file instead.");
        Field(x => x.CompetencyCodes, nullable: true).Description("Up to 20 framework competency codes the resource helps with.");
        Field(x => x.CredentialIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Up to 10 credential definitions (def_…) the resource prepares for.");
        Field(x => x.TitleTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The title in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The description in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.FileName, nullable: true).Description("For a file: a plain file name without path separators, 1-200 characters.");
        Field(x => x.ContentType, nullable: true).Description("For a file: its MIME type, one the portfolio accepts (PDF, text, Markdown, PNG, JPEG, ZIP, MP4 or JSON by default).");
        Field(x => x.SizeBytes, nullable: true).Description("For a file: its size in bytes, within the upload limit (25 MiB by default).");
    }
}
