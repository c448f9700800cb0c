using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Utilities;

namespace CertGrid.Api.Publishing;

/// <summary>
/// The public GraphQL contract as SDL, with every description and deprecation, types and fields in a stable order so a
/// change shows as a small diff. Served at <see cref="Path"/> for partners' tooling; the repository keeps a copy
/// (<c>docs/api/schema.graphql</c>) that a snapshot test compares with it.
/// </summary>
public sealed class SchemaDocument(CertGridSchema schema)
{
    public const string Path = "/graphql/schema.graphql";

    private readonly Lazy<string> _sdl = new(() =>
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
    });

    public string Sdl => _sdl.Value;
}
