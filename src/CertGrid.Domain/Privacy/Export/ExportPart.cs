using System.Globalization;

namespace CertGrid.Domain.Privacy.Export;

/// <summary>
/// One unit of export work, stored once written: a section, or one page of a long section (<see cref="First"/> and
/// <see cref="Count"/> index into the learner's attempts or credentials). An export resumes at the first part not stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.export-part")]
public sealed record ExportPart(
    [property: Id(0)] ExportSection Section,
    [property: Id(1)] int Page,
    [property: Id(2)] int First,
    [property: Id(3)] int Count)
{
    /// <summary>The JSON file's path inside the archive: <c>attempts/0001.json</c> for pages, <c>consents.json</c> otherwise.</summary>
    public string EntryName => DataExportPlan.IsPaged(Section)
        ? $"{FileStem(Section)}/{(Page + 1).ToString("D4", CultureInfo.InvariantCulture)}.json"
        : $"{FileStem(Section)}.json";

    private static string FileStem(ExportSection section) => section switch
    {
        ExportSection.LearnerRecord => "clr",
        ExportSection.ContinuingEducation => "continuing-education",
        ExportSection.PartnerAccessLog => "partner-access-log",
        ExportSection.PartnerMessages => "partner-messages",
        _ => section.ToString().ToLowerInvariant(),
    };
}
