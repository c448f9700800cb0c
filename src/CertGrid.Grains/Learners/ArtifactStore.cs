using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using CertGrid.Domain.Learners;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Learners;

/// <summary>
/// Portfolio artifacts in Azure Blob Storage. Learners upload straight to a blob through a short-lived,
/// create-only SAS URL; CertGrid then reads the blob back to learn its real size, type and SHA-256.
/// </summary>
/// <remarks>
/// SAS validity is measured against the storage service's real clock, so this store uses the system clock,
/// never the domain clock tests move.
/// </remarks>
public sealed class ArtifactStore(StorageClients storage)
{
    private static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromHours(1);
    private readonly BlobContainerClient _container = storage.Blobs.GetBlobContainerClient(storage.Names.ArtifactsContainer);
    private readonly TimeProvider _clock = TimeProvider.System;
    private UserDelegationKey? _delegationKey;

    /// <summary>A URL that can create this one blob (not overwrite it) for <paramref name="lifetime"/>, and when it expires.</summary>
    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> CreateUploadUrlAsync(string blobName, TimeSpan lifetime)
    {
        var expiresAt = _clock.GetUtcNow() + lifetime;
        return (await CreateSasUrlAsync(blobName, expiresAt, BlobSasPermissions.Create), expiresAt);
    }

    /// <summary>A URL that can read this one blob for <paramref name="lifetime"/>.</summary>
    public Task<Uri> CreateReadUrlAsync(string blobName, TimeSpan lifetime) =>
        CreateSasUrlAsync(blobName, _clock.GetUtcNow() + lifetime, BlobSasPermissions.Read);

    /// <summary>
    /// A copy of a blob under a name that says nothing about its owner (<paramref name="anonymousName"/>), made once and
    /// kept: blind reviewers get URLs to it, since portfolio blob names carry the learner's id.
    /// </summary>
    public async Task<string> EnsureAnonymousCopyAsync(string blobName, string anonymousName)
    {
        var target = _container.GetBlobClient(anonymousName);
        if (await target.ExistsAsync())
        {
            return anonymousName;
        }

        var source = await CreateSasUrlAsync(blobName, _clock.GetUtcNow().AddMinutes(10), BlobSasPermissions.Read);
        var copy = await target.StartCopyFromUriAsync(source);
        await copy.WaitForCompletionAsync();
        return anonymousName;
    }

    /// <summary>Reads the stored blob back (size, type, SHA-256), or null when nothing was uploaded.</summary>
    public async Task<StoredBlob?> InspectAsync(string blobName, long maxBytes, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        var contentType = properties.ContentType ?? string.Empty;
        if (properties.ContentLength > maxBytes)
        {
            return new StoredBlob(properties.ContentLength, contentType, string.Empty, []);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[ContentSniffer.HeadLength];
        var headLength = 0;
        long total = 0;
        await using (var stream = await blob.OpenReadAsync(cancellationToken: cancellationToken))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                var toHead = Math.Min(read, head.Length - headLength);
                Array.Copy(buffer, 0, head, headLength, toHead);
                headLength += toHead;
                total += read;
            }
        }

        return new StoredBlob(total, contentType, Convert.ToHexStringLower(hash.GetHashAndReset()), head[..headLength]);
    }

    /// <summary>The whole content of a blob of at most <paramref name="maxBytes"/>, or null when there is no such blob (or it is larger).</summary>
    public async Task<byte[]?> ReadAllAsync(string blobName, long maxBytes)
    {
        var blob = _container.GetBlobClient(blobName);
        try
        {
            var properties = await blob.GetPropertiesAsync();
            if (properties.Value.ContentLength > maxBytes)
            {
                return null;
            }

            return (await blob.DownloadContentAsync()).Value.Content.ToArray();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes (or replaces) a blob the platform itself produces, such as an import's results file.</summary>
    public Task WriteAsync(string blobName, BinaryData content, string contentType) =>
        _container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });

    public Task DeleteAsync(string blobName) => _container.GetBlobClient(blobName).DeleteIfExistsAsync();

    /// <summary>The names of the blobs whose name starts with <paramref name="prefix"/>.</summary>
    public async IAsyncEnumerable<string> NamesUnderAsync(string prefix)
    {
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            yield return blob.Name;
        }
    }

    /// <summary>Deletes every blob whose name starts with <paramref name="prefix"/>, with its snapshots. Returns how many.</summary>
    public async Task<int> DeleteUnderAsync(string prefix)
    {
        var deleted = 0;
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            if (await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private async Task<Uri> CreateSasUrlAsync(string blobName, DateTimeOffset expiresAt, BlobSasPermissions permissions)
    {
        var blob = _container.GetBlobClient(blobName);
        var sas = new BlobSasBuilder
        {
            BlobContainerName = _container.Name,
            BlobName = blobName,
            Resource = "b",
            StartsOn = _clock.GetUtcNow().AddMinutes(-2),
            ExpiresOn = expiresAt,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        sas.SetPermissions(permissions);

        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        // With a managed identity there is no account key: sign with a user delegation key instead.
        var key = await GetDelegationKeyAsync(expiresAt);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, storage.Blobs.AccountName) }.ToUri();
    }

    private async Task<UserDelegationKey> GetDelegationKeyAsync(DateTimeOffset mustOutlive)
    {
        var now = _clock.GetUtcNow();
        if (_delegationKey is null || _delegationKey.SignedExpiresOn < mustOutlive)
        {
            _delegationKey = (await storage.Blobs.GetUserDelegationKeyAsync(
                new BlobGetUserDelegationKeyOptions(now + DelegationKeyLifetime) { StartsOn = now.AddMinutes(-2) })).Value;
        }

        return _delegationKey;
    }
}
