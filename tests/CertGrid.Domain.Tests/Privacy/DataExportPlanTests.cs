using CertGrid.Domain.Privacy.Export;

namespace CertGrid.Domain.Tests.Privacy;

public sealed class DataExportPlanTests
{
    [Theory]
    [InlineData(0, 0, 1, 1)]
    [InlineData(20, 1, 1, 1)]
    [InlineData(21, 40, 2, 2)]
    [InlineData(345, 41, 18, 3)]
    public void Long_sections_are_split_into_pages_that_cover_every_item_once(int attempts, int credentials, int attemptPages, int credentialPages)
    {
        var parts = DataExportPlan.Parts(attempts, credentials);

        var attemptParts = parts.Where(p => p.Section == ExportSection.Attempts).ToList();
        Assert.Equal(attemptPages, attemptParts.Count);
        Assert.Equal(Enumerable.Range(0, attempts), attemptParts.SelectMany(p => Enumerable.Range(p.First, p.Count)));
        Assert.Equal(credentialPages, parts.Count(p => p.Section == ExportSection.Credentials));
        Assert.Equal(credentialPages, parts.Count(p => p.Section == ExportSection.Renewals));
        Assert.All(parts, p => Assert.InRange(p.Count, 0, DataExportPlan.ItemsPerPage));
        Assert.Equal(parts.Count, parts.Select(p => p.EntryName).Distinct().Count());
        Assert.Equal(Enum.GetValues<ExportSection>().Length, parts.Select(p => p.Section).Distinct().Count());
    }

    [Fact]
    public void Entry_names_say_what_each_file_holds()
    {
        var parts = DataExportPlan.Parts(25, 0);

        Assert.Contains("attempts/0002.json", parts.Select(p => p.EntryName));
        Assert.Contains("continuing-education.json", parts.Select(p => p.EntryName));
        Assert.Contains("clr.json", parts.Select(p => p.EntryName));
        Assert.Contains("partner-access-log.json", parts.Select(p => p.EntryName));
    }

    [Theory]
    [InlineData(0, 10, 0, 0, false, 0)]
    [InlineData(5, 10, 0, 0, false, 25)]
    [InlineData(10, 10, 0, 200, false, 50)]
    [InlineData(10, 10, 100, 200, false, 75)]
    [InlineData(10, 10, 200, 200, false, 99)]
    [InlineData(10, 10, 200, 200, true, 100)]
    public void Progress_counts_collecting_and_packing_and_reaches_100_only_when_ready(int parts, int total, int packed, int files, bool ready, int percent) =>
        Assert.Equal(percent, DataExportPlan.Percent(parts, total, packed, files, ready));
}
