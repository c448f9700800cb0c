using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using CertGrid.Abstractions.Privacy.Export;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Privacy.Export;
using CertGrid.Grains.Privacy.Export;
using CertGrid.Grains.Tests.Renewals;

namespace CertGrid.Grains.Tests.Privacy;

/// <summary>
/// A learner's export (GDPR art. 15/20) on a 2-silo cluster against Azurite: the archive holds all of their years of
/// history (attempts with reviews, credentials, renewal, CE, consents, access log, demographics, 200 portfolio files byte for byte) and
/// nothing of another learner of the same community; a silo dying mid-export does not start it over; the archive expires
/// and is deleted, and erasing the learner deletes it too.
/// </summary>
public sealed class DataExportTests : IAsyncLifetime
{
    /// <summary>The parts an export writes from the CE section on (sections are written in their order, one part each).</summary>
    private static readonly int PartsFromContinuingEducationOn = Enum.GetValues<ExportSection>().Count(s => s >= ExportSection.ContinuingEducation);

    private GrainCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GrainCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_archive_holds_all_of_a_learners_years_of_history_and_nothing_of_anybody_else()
    {
        var scenario = await RenewalScenario.CreateAsync(_cluster, RenewalScenario.Policy());
        var other = await ExportHistory.BuildAsync(scenario, artifacts: 3, renew: false);
        var history = await ExportHistory.BuildAsync(scenario, artifacts: 198, renew: true); // and the evidence of two attempts: 200, the most a learner may hold

        var export = _cluster.Grains.DataExport(scenario.Community, EntityId.New(IdPrefixes.DataExport));
        var started = await export.StartAsync(history.LearnerId, Actors.Learner(history.LearnerId));
        var again = await export.StartAsync(history.LearnerId, Actors.Learner(history.LearnerId));
        Assert.Equal((started.Id, started.RequestedAt, started.PartsTotal), (again.Id, again.RequestedAt, again.PartsTotal));
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => export.StartAsync(other.LearnerId, Actors.System))).Code);
        await Assert.ThrowsAsync<CertGridException>(() => export.OpenDownloadAsync());

        var progress = new List<int>();
        var ready = await Eventually.HoldsAsync(async () =>
        {
            var view = await export.GetAsync();
            progress.Add(view.ProgressPercent);
            return view;
        }, v => v.Status == DataExportStatus.Ready, "the export is ready", timeoutMs: 180_000);
        Assert.Equal(100, ready.ProgressPercent);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(ready.PartsTotal, ready.PartsDone);
        Assert.Equal(200, ready.FilesTotal);

        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(await export.OpenDownloadAsync());
        Assert.Equal(ready.SizeBytes, bytes.Length);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var entries = ExportHistory.Read(zip);
        var text = string.Concat(entries.Where(e => !e.Key.StartsWith("files/", StringComparison.Ordinal)).Select(e => e.Value));
        Assert.All(history.Values, value => Assert.Contains(value, text));
        Assert.All(new[] { "profile.json", "portfolio.json", "attempts/0001.json", "credentials/0001.json", "renewals/0001.json", "clr.json",
            "continuing-education.json", "consents.json", "partner-access-log.json", "partner-messages.json", "notices.json", "demographics.json", "manifest.json" },
            name => Assert.True(entries.ContainsKey(name), $"{name} is in the archive"));
        Assert.Equal(2, JsonNode.Parse(entries["attempts/0001.json"])!["items"]!.AsArray().Count);
        Assert.Equal(2, JsonNode.Parse(entries["credentials/0001.json"])!["items"]!.AsArray().Count);
        Assert.NotEmpty(JsonNode.Parse(entries["notices.json"])!["items"]!.AsArray());
        Assert.NotEmpty(JsonNode.Parse(entries["clr.json"])!["items"]!.AsArray());

        // Every portfolio file, byte for byte, and as the manifest says.
        var manifestFiles = JsonNode.Parse(entries["manifest.json"])!["files"]!.AsArray();
        Assert.Equal(200, manifestFiles.Count);
        foreach (var file in manifestFiles)
        {
            var content = Encoding.UTF8.GetBytes(entries[file!["entry"]!.GetValue<string>()]);
            Assert.Equal(file["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(content)));
        }

        Assert.All(history.Files, f => Assert.Contains(f.Value, entries.Where(e => e.Key.StartsWith($"files/{f.Key}/", StringComparison.Ordinal)).Select(e => e.Value)));

        // Nothing of the other learner of the same community: not their id, name, email, notes, CE, files or log lines.
        var all = string.Concat(entries.Values);
        Assert.All(other.Values.Concat(other.Files.Values), value => Assert.DoesNotContain(value, all));

        // Erasing the learner deletes the archive with their portfolio.
        await scenario.Program.Learner(history.LearnerId).EraseAsync(Actors.System);
        await Eventually.HoldsAsync(() => ArchiveExistsAsync(scenario.Community, history.LearnerId, ready.Id), exists => !exists, "the archive is deleted", timeoutMs: 60_000);
    }

    [Fact]
    public async Task A_silo_dying_mid_export_does_not_start_it_over_and_the_archive_expires()
    {
        var scenario = await RenewalScenario.CreateAsync(_cluster, RenewalScenario.Policy());
        var history = await ExportHistory.BuildAsync(scenario, artifacts: 5, renew: false);
        var export = _cluster.Grains.DataExport(scenario.Community, EntityId.New(IdPrefixes.DataExport));

        // The CE ledger does not answer: the export stops at that part, after the parts before it are stored.
        _cluster.BeginOutage("ICeLedgerGrain.GetActivitiesAsync");
        var started = await export.StartAsync(history.LearnerId, Actors.Learner(history.LearnerId));
        var stuckAt = started.PartsTotal - PartsFromContinuingEducationOn; // CE and the sections after it are still to come
        var stuck = await Eventually.HoldsAsync(export.GetAsync, v => v.PartsDone == stuckAt, "the export reaches the CE part", timeoutMs: 60_000);
        await Task.Delay(1000);
        Assert.Equal(stuckAt, (await export.GetAsync()).PartsDone);
        Assert.Equal(DataExportStatus.Collecting, stuck.Status);

        await _cluster.MoveToSecondarySiloAsync(export);
        await _cluster.KillSiloHostingAsync(export);
        _cluster.EndOutage();

        var resumed = await export.GetAsync();
        Assert.True(resumed.PartsDone >= stuckAt, $"the export resumed at part {resumed.PartsDone}, not from the start");
        var ready = await Eventually.HoldsAsync(export.GetAsync, v => v.Status == DataExportStatus.Ready, "the export is ready", timeoutMs: 120_000);
        Assert.True(ready.Resumptions >= 1);
        Assert.True(await ArchiveExistsAsync(scenario.Community, history.LearnerId, ready.Id));

        // Its time is up: the deadline bucket's call deletes it.
        _cluster.Clock.Advance(DataExportGrain.ArchiveLifetime + TimeSpan.FromMinutes(1));
        await export.ResumeAsync();
        var expired = await Eventually.HoldsAsync(export.GetAsync, v => v.Status == DataExportStatus.Expired, "the export expired");
        Assert.False(await ArchiveExistsAsync(scenario.Community, history.LearnerId, expired.Id));
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => export.OpenDownloadAsync())).Code);
    }

    [Fact]
    public async Task Erasing_the_learner_mid_export_stops_it_and_leaves_nothing_of_it()
    {
        var scenario = await RenewalScenario.CreateAsync(_cluster, RenewalScenario.Policy());
        var history = await ExportHistory.BuildAsync(scenario, artifacts: 3, renew: false);
        var export = _cluster.Grains.DataExport(scenario.Community, EntityId.New(IdPrefixes.DataExport));
        _cluster.BeginOutage("ICeLedgerGrain.GetActivitiesAsync");
        try
        {
            var started = await export.StartAsync(history.LearnerId, Actors.Learner(history.LearnerId));
            await Eventually.HoldsAsync(export.GetAsync, v => v.PartsDone == started.PartsTotal - PartsFromContinuingEducationOn, "the export reaches the CE part", timeoutMs: 60_000);
            Assert.NotEmpty(await BlobsAsync(ExportArchiveStore.Folder(scenario.Community, history.LearnerId, started.Id)));
            await scenario.Program.Learner(history.LearnerId).EraseAsync(Actors.System);
        }
        finally
        {
            _cluster.EndOutage();
        }

        var failed = await Eventually.HoldsAsync(export.GetAsync, v => v.Status == DataExportStatus.Failed, "the export stops", timeoutMs: 90_000);
        Assert.Contains("erased", failed.Failure);
        Assert.Empty(await BlobsAsync(ExportArchiveStore.Folder(scenario.Community, history.LearnerId, failed.Id)));
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => export.OpenDownloadAsync())).Code);
    }

    private async Task<List<string>> BlobsAsync(string prefix)
    {
        var container = _cluster.StorageClients.Blobs.GetBlobContainerClient(_cluster.StorageClients.Names.ArtifactsContainer);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private async Task<bool> ArchiveExistsAsync(string community, string learnerId, string exportId)
    {
        var folder = ExportArchiveStore.Folder(community, learnerId, exportId);
        BlobContainerClient container = _cluster.StorageClients.Blobs.GetBlobContainerClient(_cluster.StorageClients.Names.ArtifactsContainer);
        return (await container.GetBlobClient(ExportArchiveStore.ArchiveBlob(folder, exportId)).ExistsAsync()).Value;
    }
}
