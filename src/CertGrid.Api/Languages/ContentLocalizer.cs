using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Progress;
using CertGrid.Domain.Languages;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Resources;

namespace CertGrid.Api.Languages;

/// <summary>
/// Returns content with every translatable text in the reader's language (each text falls back to the
/// community's default on its own). The language maps stay on the records, so editors still see them.
/// </summary>
public static class ContentLocalizer
{
    public static FrameworkInfo Localize(this LanguageChoice l, FrameworkInfo framework)
    {
        var versions = framework.Versions?.Select(v => v with { Content = l.Localize(v.Content) }).ToList();
        var current = versions?.FirstOrDefault(v => v.Version == framework.Version)?.Content;
        return framework with
        {
            Name = current?.Name ?? framework.Name,
            Description = current is null ? framework.Description : current.Description,
            Competencies = current?.Competencies ?? framework.Competencies.Select(l.Localize).ToList(),
            Versions = versions,
        };
    }

    public static FrameworkContent Localize(this LanguageChoice l, FrameworkContent content) => content with
    {
        Name = l.Pick(content.Name, content.NameTranslations),
        Description = l.PickOptional(content.Description, content.DescriptionTranslations),
        Domains = content.Domains.Select(d => d with
        {
            Name = l.Pick(d.Name, d.NameTranslations), Description = l.PickOptional(d.Description, d.DescriptionTranslations),
        }).ToList(),
        Competencies = content.Competencies.Select(l.Localize).ToList(),
        Levels = content.Levels.Select(level => level with
        {
            Name = l.Pick(level.Name, level.NameTranslations), Description = l.PickOptional(level.Description, level.DescriptionTranslations),
        }).ToList(),
    };

    public static Competency Localize(this LanguageChoice l, Competency c) =>
        c with { Name = l.Pick(c.Name, c.NameTranslations), Description = l.PickOptional(c.Description, c.DescriptionTranslations) };

    public static CredentialDefinitionInfo Localize(this LanguageChoice l, CredentialDefinitionInfo d) => d with
    {
        Name = l.Pick(d.Name, d.Translations?.Name),
        Description = l.Pick(d.Description, d.Translations?.Description),
        CriteriaNarrative = l.Pick(d.CriteriaNarrative, d.Translations?.CriteriaNarrative),
        Rubric = l.Localize(d.Rubric),
    };

    public static Rubric Localize(this LanguageChoice l, Rubric rubric) => rubric with
    {
        Criteria = rubric.Criteria.Select(c => c with
        {
            Name = l.Pick(c.Name, c.NameTranslations),
            Description = l.PickOptional(c.Description, c.DescriptionTranslations),
            Levels = c.Levels.Select(level => level with
            {
                Name = l.Pick(level.Name, level.NameTranslations), Descriptor = l.PickOptional(level.Descriptor, level.DescriptorTranslations),
            }).ToList(),
        }).ToList(),
    };

    public static Resource Localize(this LanguageChoice l, Resource r) =>
        r with { Title = l.Pick(r.Title, r.TitleTranslations), Description = l.PickOptional(r.Description, r.DescriptionTranslations) };

    public static Pathway Localize(this LanguageChoice l, Pathway p) =>
        p with { Name = l.Pick(p.Name, p.NameTranslations), Description = l.PickOptional(p.Description, p.DescriptionTranslations) };

    public static Specialisation Localize(this LanguageChoice l, Specialisation s) => s with
    {
        Name = l.Pick(s.Name, s.NameTranslations),
        Description = l.PickOptional(s.Description, s.DescriptionTranslations),
        Tracks = s.Tracks.Select(t => t with { Name = l.Pick(t.Name, t.NameTranslations) }).ToList(),
    };

    public static LearnerProgressInfo Localize(this LanguageChoice l, LearnerProgressInfo progress) => progress with
    {
        Credentials = progress.Credentials.Select(c => c with { Name = l.Pick(c.Name, c.NameTranslations), Resources = c.Resources.Select(l.Localize).ToList() }).ToList(),
    };
}
