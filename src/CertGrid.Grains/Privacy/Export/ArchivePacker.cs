using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Learners;
using CertGrid.Domain.Privacy.Export;

namespace CertGrid.Grains.Privacy.Export;

/// <summary>
/// Streams an export's archive: a manifest, every stored JSON part and every version of every portfolio file, copied
/// blob to ZIP entry to blob without holding more than a buffer in memory (the ZIP is written forward only, with data
/// descriptors, so the archive blob never needs to be read back).
/// </summary>
public sealed class ArchivePacker(ExportArchiveStore store)
{
    /// <summary>Where a portfolio file version goes in the archive: <c>files/{artifact}/v{n}-{file name}</c>.</summary>
    public static string FileEntryName(string artifactId, ArtifactVersion version)
    {
        var safe = new string(Path.GetFileName(version.FileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return $"files/{artifactId}/v{version.Version.ToString(CultureInfo.InvariantCulture)}-{(safe.Length == 0 ? "file" : safe)}";
    }

    /// <summary>Every committed version of every artifact, in portfolio order.</summary>
    public static IReadOnlyList<(string ArtifactId, ArtifactVersion Version)> Files(IEnumerable<PortfolioArtifact> portfolio) =>
        portfolio.SelectMany(a => a.Versions.Select(v => (a.Id, v))).ToList();

    /// <summary>What <c>manifest.json</c> says: the export, every JSON part and every file with its SHA-256.</summary>
    public static object Manifest(
        string exportId, string community, string learnerId, DateTimeOffset requestedAt, DateTimeOffset generatedAt,
        IReadOnlyList<ExportPart> parts, IReadOnlyList<(string ArtifactId, ArtifactVersion Version)> files) => new
    {
        exportId, community, learnerId, requestedAt, generatedAt,
        parts = parts.Select(p => new { entry = p.EntryName, section = p.Section.ToString() }),
        files = files.Select(f => new { entry = FileEntryName(f.ArtifactId, f.Version), artifactId = f.ArtifactId, f.Version.Version, f.Version.Sha256, f.Version.SizeBytes }),
    };

    /// <param name="filePacked">Called after each portfolio file is in the archive (for progress).</param>
    /// <returns>The archive's size in bytes.</returns>
    public async Task<long> PackAsync(
        string folder, string exportId, object manifest, IReadOnlyList<ExportPart> parts,
        IReadOnlyList<(string ArtifactId, ArtifactVersion Version)> files, Action filePacked)
    {
        var archiveBlob = ExportArchiveStore.ArchiveBlob(folder, exportId);
        await using (var output = await store.OpenWriteAsync(archiveBlob, "application/zip", ExportArchiveStore.ArchiveFileName(exportId)))
        {
            await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null);
            await using (var entry = await zip.CreateEntry("manifest.json", CompressionLevel.Fastest).OpenAsync())
            {
                await JsonSerializer.SerializeAsync(entry, manifest, manifest.GetType(), ExportPartWriter.Json);
            }

            foreach (var part in parts)
            {
                await CopyAsync(zip, part.EntryName, ExportArchiveStore.PartBlob(folder, part.EntryName), CompressionLevel.Fastest);
            }

            foreach (var (artifactId, version) in files)
            {
                await CopyAsync(zip, FileEntryName(artifactId, version), version.BlobName, CompressionLevel.NoCompression);
                filePacked();
            }
        }

        return await store.SizeAsync(archiveBlob);
    }

    private async Task CopyAsync(ZipArchive zip, string entryName, string blobName, CompressionLevel level)
    {
        await using var source = await store.OpenReadAsync(blobName);
        await using var entry = await zip.CreateEntry(entryName, level).OpenAsync();
        await source.CopyToAsync(entry, ExportArchiveStore.BufferBytes / 8);
    }
}
