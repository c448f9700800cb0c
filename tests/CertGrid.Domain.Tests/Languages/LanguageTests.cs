using CertGrid.Domain.Languages;

namespace CertGrid.Domain.Tests.Languages;

public class LanguageTests
{
    private static readonly Dictionary<string, string> French = new() { ["fr"] = "Observabilité", ["pt-br"] = "Observabilidade" };

    [Theory]
    [InlineData(new string[0], "Observability")]
    [InlineData(new[] { "fr" }, "Observabilité")]
    [InlineData(new[] { "fr-ca" }, "Observabilité")]
    [InlineData(new[] { "pt-br" }, "Observabilidade")]
    [InlineData(new[] { "de", "fr" }, "Observabilité")]
    [InlineData(new[] { "de" }, "Observability")]
    [InlineData(new[] { "en", "fr" }, "Observability")]
    [InlineData(new[] { "en-gb", "fr" }, "Observability")]
    [InlineData(new[] { "*", "fr" }, "Observability")]
    public void Pick_takes_the_first_preferred_language_that_has_the_text_and_falls_back_to_the_default(string[] preferred, string expected) =>
        Assert.Equal(expected, new LanguageChoice(preferred, "en").Pick("Observability", French));

    [Fact]
    public void Pick_returns_the_text_itself_without_translations_and_keeps_optional_texts_absent()
    {
        var choice = new LanguageChoice(["fr"], "en");
        Assert.Equal("Name", choice.Pick("Name", null));
        Assert.Null(choice.PickOptional(null, French));
    }

    [Fact]
    public void A_community_writing_in_french_serves_french_text_to_french_readers_and_translations_to_others()
    {
        var english = new Dictionary<string, string> { ["en"] = "Safety" };
        Assert.Equal("Sécurité", new LanguageChoice(["fr", "en"], "fr").Pick("Sécurité", english));
        Assert.Equal("Safety", new LanguageChoice(["en"], "fr").Pick("Sécurité", english));
        Assert.Equal("fr", new LanguageChoice(["de"], "fr").Served(["en"]));
        Assert.Equal("en", new LanguageChoice(["de", "en-us"], "fr").Served(["en"]));
    }

    [Theory]
    [InlineData("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", new[] { "fr-ch", "fr", "en", "de", "*" })]
    [InlineData("de;q=0.5, fr", new[] { "fr", "de" })]
    [InlineData("en;q=0, fr", new[] { "fr" })]
    [InlineData("not a tag!!, es", new[] { "es" })]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void Accept_language_is_ordered_by_quality_and_ignores_what_it_cannot_read(string? header, string[] expected) =>
        Assert.Equal(expected, LanguagePreference.ParseAcceptLanguage(header));

    [Fact]
    public void An_explicit_language_comes_before_the_header_and_must_be_a_tag()
    {
        Assert.Equal(["nl", "fr"], LanguagePreference.Combine("NL", ["fr"]));
        Assert.Equal(["fr"], LanguagePreference.Combine(null, ["fr"]));
        Assert.Equal(ErrorCode.ValidationFailed, Assert.Throws<CertGridException>(() => LanguagePreference.Combine("fr_FR!", [])).Code);
    }

    [Fact]
    public void A_language_map_is_validated_normalised_and_empty_maps_are_dropped()
    {
        var map = LanguageMap.Validate(new Dictionary<string, string> { ["FR"] = " Bonjour ", ["pt-BR"] = "Olá" }, "nameTranslations");
        Assert.Equal(["fr", "pt-br"], map!.Keys.Order());
        Assert.Equal("Bonjour", map["fr"]);
        Assert.Null(LanguageMap.Validate(new Dictionary<string, string>(), "x"));
        Assert.Equal("nameTranslations.language", Assert.Throws<CertGridException>(() => LanguageMap.Validate(new Dictionary<string, string> { ["french"] = "x" }, "nameTranslations")).Field);
        Assert.Throws<CertGridException>(() => LanguageMap.Validate(new Dictionary<string, string> { ["fr"] = "  " }, "nameTranslations"));
        Assert.Throws<CertGridException>(() => LanguageMap.Validate(new Dictionary<string, string> { ["fr"] = "a", ["FR"] = "b" }, "nameTranslations"));
        Assert.True(LanguageMap.Same(null, new Dictionary<string, string>()));
        Assert.False(LanguageMap.Same(map, null));
    }
}
