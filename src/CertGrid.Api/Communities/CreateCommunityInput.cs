using GraphQL.Types;

namespace CertGrid.Api.Communities;

public sealed class CreateCommunityInput
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
}

public sealed class CreateCommunityInputType : InputObjectGraphType<CreateCommunityInput>
{
    public CreateCommunityInputType()
    {
        Name = "CreateCommunityInput";
        Description = "A new community: its id (used in every URL), name, website and contact email.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Slug: 3-40 lowercase letters, digits and hyphens, starting with a letter.");
        Field(x => x.Name, nullable: false).Description("The display name: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the community is about; optional.");
        Field(x => x.Url, nullable: true).Description("The community's public web site (http or https).");
        Field(x => x.Email, nullable: true).Description("Contact address published in its credentials' issuer profile.");
    }
}
