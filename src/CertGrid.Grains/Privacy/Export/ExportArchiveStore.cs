using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Privacy.Export;

/// <summary>
/// Where an export's parts and archive live: blobs in the artifacts container under the learner's own prefix
/// (<c>{community}/{learner}/exports/{export}/</c>), so erasing the learner deletes them with their portfolio. Everything is
/// streamed: a writer uploads blocks of <see cref="BufferBytes"/> as it goes, and readers read as they copy.
/// </summary>
public sealed class ExportArchiveStore(StorageClients storage, ArtifactStore artifacts)
{
    /// <summary>How much of a blob being written is held in memory before it is uploaded as a block.</summary>
    public const int BufferBytes = 1024 * 1024;

    private readonly BlobContainerClient _container = storage.Blobs.GetBlobContainerClient(storage.Names.ArtifactsContainer);

    public static string Folder(string community, string learnerId, string exportId) => $"{community}/{learnerId}/exports/{exportId}/";

    public static string PartBlob(string folder, string entryName) => folder + "parts/" + entryName;

    public static string ArchiveBlob(string folder, string exportId) => folder + ArchiveFileName(exportId);

    public static string ArchiveFileName(string exportId) => $"certgrid-data-{exportId}.zip";

    /// <summary>A stream that writes (replaces) the blob block by block; the blob exists once the stream is disposed.</summary>
    public Task<Stream> OpenWriteAsync(string blobName, string contentType, string? downloadAs = null) =>
        _container.GetBlockBlobClient(blobName).OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions
        {
            BufferSize = BufferBytes,
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = contentType,
                ContentDisposition = downloadAs is null ? null : $"attachment; filename=\"{downloadAs}\"",
            },
        });

    /// <summary>Reads a blob as a stream (the export's parts, portfolio files).</summary>
    public Task<Stream> OpenReadAsync(string blobName) =>
        _container.GetBlobClient(blobName).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = BufferBytes });

    public async Task<long> SizeAsync(string blobName) => (await _container.GetBlobClient(blobName).GetPropertiesAsync()).Value.ContentLength;

    /// <summary>A short-lived read URL of the archive (the blob says to save it as a file).</summary>
    public Task<Uri> DownloadUrlAsync(string blobName, TimeSpan lifetime) => artifacts.CreateReadUrlAsync(blobName, lifetime);

    /// <summary>Deletes every blob under the prefix (an export's parts, or all of it). Idempotent.</summary>
    public Task<int> DeleteUnderAsync(string prefix) => artifacts.DeleteUnderAsync(prefix);
}
