using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;

namespace CertGrid.Api.Languages;

/// <summary>One entry of a language map in input: a text in one language.</summary>
public sealed class TranslationInput
{
    public string Language { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
}

public sealed class TranslationInputType : InputObjectGraphType<TranslationInput>
{
    public TranslationInputType()
    {
        Name = "TranslationInput";
        Description = "A text in one language other than the community's default, e.g. { language: \"fr\", text: \"Observabilité\" }.";
        Field(x => x.Language, nullable: false).Description("A language tag: 'fr', 'de', 'pt-BR'.");
        Field(x => x.Text, nullable: false).Description("The text in that language, with the same length limit as the text it translates.");
    }
}

/// <summary>One entry of a language map in output.</summary>
public sealed class TranslationType : ObjectGraphType<KeyValuePair<string, string>>
{
    public TranslationType()
    {
        Name = "Translation";
        Description = "A text in one language.";
        Field<NonNullGraphType<StringGraphType>>("language").Description("A language tag, e.g. 'fr', 'pt-BR'.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The text in that language.").Resolve(ctx => ctx.Source.Value);
        this.AuthorizeOtherFieldsAsParent();
    }
}

/// <summary>Converts language maps between GraphQL lists and dictionaries (validation happens in the domain).</summary>
public static class Translations
{
    /// <summary>A list of translations as a map; a language given twice is refused.</summary>
    public static IReadOnlyDictionary<string, string>? ToMap(IReadOnlyList<TranslationInput>? entries, string field)
    {
        if (entries is null || entries.Count == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = entry.Language?.Trim().ToLowerInvariant() ?? string.Empty;
            if (!map.TryAdd(key, entry.Text))
            {
                throw CertGridException.Invalid(field, $"'{field}' gives language '{key}' more than once.");
            }
        }

        return map;
    }

    public static IEnumerable<KeyValuePair<string, string>> List(IReadOnlyDictionary<string, string>? map) =>
        map?.OrderBy(p => p.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, string>>();

    /// <summary>Adds a <c>{name}Translations</c> field listing a language map.</summary>
    public static void AddTranslationsField<TSource>(this ObjectGraphType<TSource> type, string name, Func<TSource, IReadOnlyDictionary<string, string>?> map) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TranslationType>>>>(name)
            .Expect(2)
            .Description("The text in other languages than the community's default.")
            .Resolve(ctx => List(map(ctx.Source)));
}
