using CertGrid.Domain.Languages;

namespace CertGrid.Domain.Programs;

/// <summary>
/// Compares two versions of a framework. Wording (names, descriptions, translations) is a patch; new domains,
/// competencies, outcomes or behaviours, and moving a competency between domains, are minor; removing a
/// competency, an outcome or a behaviour, or changing the proficiency scale's steps, is major, because earlier
/// assessments no longer mean the same thing.
/// </summary>
public static class FrameworkDiffer
{
    public static FrameworkDiff Compare(string fromVersion, FrameworkContent from, string toVersion, FrameworkContent to)
    {
        var changes = new List<FrameworkChange>();
        Text(changes, FrameworkElement.Framework, string.Empty, "name", from.Name, to.Name, from.NameTranslations, to.NameTranslations);
        Text(changes, FrameworkElement.Framework, string.Empty, "description", from.Description, to.Description, from.DescriptionTranslations, to.DescriptionTranslations);
        Keyed(changes, FrameworkElement.Domain, from.Domains, to.Domains, d => d.Code, VersionBump.Minor, VersionBump.Minor, (before, after) =>
        {
            Text(changes, FrameworkElement.Domain, after.Code, "name", before.Name, after.Name, before.NameTranslations, after.NameTranslations);
            Text(changes, FrameworkElement.Domain, after.Code, "description", before.Description, after.Description, before.DescriptionTranslations, after.DescriptionTranslations);
        });
        Keyed(changes, FrameworkElement.Competency, from.Competencies, to.Competencies, c => c.Code, VersionBump.Minor, VersionBump.Major, (before, after) =>
        {
            Text(changes, FrameworkElement.Competency, after.Code, "name", before.Name, after.Name, before.NameTranslations, after.NameTranslations);
            Text(changes, FrameworkElement.Competency, after.Code, "description", before.Description, after.Description, before.DescriptionTranslations, after.DescriptionTranslations);
            if (before.DomainCode != after.DomainCode)
            {
                changes.Add(new(FrameworkElement.Competency, ChangeType.Changed, after.Code, "domain",
                    $"Competency {after.Code} moved from domain {before.DomainCode ?? "(none)"} to {after.DomainCode ?? "(none)"}.", VersionBump.Minor));
            }

            Lines(changes, after.Code, "outcomes", before.Outcomes, after.Outcomes);
            Lines(changes, after.Code, "behaviours", before.Behaviours ?? [], after.Behaviours ?? []);
        });
        Keyed(changes, FrameworkElement.Level, from.Levels, to.Levels, l => l.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), VersionBump.Major, VersionBump.Major, (before, after) =>
        {
            var code = after.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Text(changes, FrameworkElement.Level, code, "name", before.Name, after.Name, before.NameTranslations, after.NameTranslations);
            Text(changes, FrameworkElement.Level, code, "description", before.Description, after.Description, before.DescriptionTranslations, after.DescriptionTranslations);
        });
        return new FrameworkDiff(fromVersion, toVersion, changes);
    }

    private static void Keyed<T>(List<FrameworkChange> changes, FrameworkElement element, IReadOnlyList<T> from, IReadOnlyList<T> to, Func<T, string> key,
        VersionBump addedImpact, VersionBump removedImpact, Action<T, T> compare)
    {
        var before = from.ToDictionary(key, StringComparer.Ordinal);
        var after = to.ToDictionary(key, StringComparer.Ordinal);
        foreach (var item in from.Where(i => !after.ContainsKey(key(i))))
        {
            changes.Add(new(element, ChangeType.Removed, key(item), null, $"{element} {key(item)} was removed.", removedImpact));
        }

        foreach (var item in to)
        {
            if (before.TryGetValue(key(item), out var previous))
            {
                compare(previous, item);
            }
            else
            {
                changes.Add(new(element, ChangeType.Added, key(item), null, $"{element} {key(item)} was added.", addedImpact));
            }
        }
    }

    private static void Text(List<FrameworkChange> changes, FrameworkElement element, string code, string field, string? before, string? after,
        IReadOnlyDictionary<string, string>? beforeTranslations, IReadOnlyDictionary<string, string>? afterTranslations)
    {
        var what = code.Length == 0 ? $"The framework's {field}" : $"The {field} of {element.ToString().ToLowerInvariant()} {code}";
        if (before != after)
        {
            changes.Add(new(element, ChangeType.Changed, code, field, $"{what} changed from \"{before}\" to \"{after}\".", VersionBump.Patch));
        }

        if (!LanguageMap.Same(beforeTranslations, afterTranslations))
        {
            changes.Add(new(element, ChangeType.Changed, code, field + "Translations", $"{what} has new or changed translations.", VersionBump.Patch));
        }
    }

    private static void Lines(List<FrameworkChange> changes, string code, string field, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        foreach (var removed in before.Except(after, StringComparer.Ordinal))
        {
            changes.Add(new(FrameworkElement.Competency, ChangeType.Changed, code, field, $"Competency {code} no longer lists \"{removed}\" in its {field}.", VersionBump.Major));
        }

        foreach (var added in after.Except(before, StringComparer.Ordinal))
        {
            changes.Add(new(FrameworkElement.Competency, ChangeType.Changed, code, field, $"Competency {code} now lists \"{added}\" in its {field}.", VersionBump.Minor));
        }
    }
}
