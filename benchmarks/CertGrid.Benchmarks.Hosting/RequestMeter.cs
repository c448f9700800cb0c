using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Request = Azure.Core.Request;
using CertGrid.Grains.Storage;

namespace CertGrid.Benchmarks.Hosting;

/// <summary>
/// Counts every storage request the silo sends (each retry too) and the bytes of its body, at the Azure SDK pipeline,
/// by what it touched: a grain state (by state name), a read-model table, a blob container, or a table batch. Nothing
/// is estimated: a request is counted when it is handed to the transport.
/// </summary>
public sealed partial class RequestMeter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private string _namePrefix = string.Empty;
    private string _blobAuthority = string.Empty;

    /// <summary>Requests and body bytes under one label.</summary>
    public sealed record Tally(string Label, long Requests, long Writes, long Bytes);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message.Request);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message.Request);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>Learns the deployment's table prefix and blob endpoint (before the silo sends anything).</summary>
    public void Attach(StorageClients storage)
    {
        _namePrefix = storage.Options.NamePrefix;
        _blobAuthority = storage.Blobs.Uri.Authority;
    }

    /// <summary>Everything counted so far, by label.</summary>
    public IReadOnlyDictionary<string, Tally> Snapshot() =>
        _counters.ToDictionary(c => c.Key, c => new Tally(c.Key, Interlocked.Read(ref c.Value.Requests), Interlocked.Read(ref c.Value.Writes), Interlocked.Read(ref c.Value.Bytes)));

    /// <summary>Total requests so far (to wait for storage to go quiet).</summary>
    public long TotalRequests => _counters.Values.Sum(c => Interlocked.Read(ref c.Requests));

    /// <summary>What was counted between two snapshots, by label (labels with no requests left out).</summary>
    public static IReadOnlyList<Tally> Difference(IReadOnlyDictionary<string, Tally> before, IReadOnlyDictionary<string, Tally> after) =>
        after.Values
            .Select(a => before.TryGetValue(a.Label, out var b) ? new Tally(a.Label, a.Requests - b.Requests, a.Writes - b.Writes, a.Bytes - b.Bytes) : a)
            .Where(t => t.Requests > 0)
            .OrderByDescending(t => t.Bytes).ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToList();

    private void Record(Request request)
    {
        var body = request.Content is { } content && content.TryComputeLength(out var length) ? length : 0;
        var write = request.Method != RequestMethod.Get && request.Method != RequestMethod.Head;
        var counter = _counters.GetOrAdd(Label(request), _ => new Counter());
        Interlocked.Increment(ref counter.Requests);
        Interlocked.Add(ref counter.Bytes, body);
        if (write)
        {
            Interlocked.Increment(ref counter.Writes);
        }
    }

    /// <summary>"table Credentials", "state credential", "batch Audit", "blob -artifacts": the prefix of this deployment is dropped.</summary>
    private string Label(Request request)
    {
        var path = Uri.UnescapeDataString(request.Uri.Path);
        var isBlob = request.Uri.ToUri().Authority == _blobAuthority;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Azurite puts the account first in the path; Azure in the host name.
        var resource = segments.Length > 1 && segments[0] == "devstoreaccount1" ? segments[1] : segments.FirstOrDefault() ?? string.Empty;
        if (isBlob)
        {
            return "blob " + Strip(resource);
        }

        if (resource == "$batch")
        {
            return "batch " + Strip(BatchTable(request) ?? "?");
        }

        var table = resource.Split('(')[0];
        var name = Strip(table);
        if (name != "GrainState")
        {
            return "table " + name;
        }

        var rowKey = RowKeyInPath().Match(resource) is { Success: true } inPath ? inPath.Groups[1].Value : RowKeyInBody(request);
        return rowKey is null ? "state ?" : "state " + SpreadRowKeyGrainStorage.StateName(rowKey);
    }

    private string Strip(string name) => _namePrefix.Length > 0 && name.StartsWith(_namePrefix, StringComparison.Ordinal) ? name[_namePrefix.Length..] : name;

    private static string? BatchTable(Request request) =>
        Body(request) is { } body && BatchTarget().Match(body) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? RowKeyInBody(Request request) =>
        Body(request) is { } body && RowKeyProperty().Match(body) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? Body(Request request)
    {
        if (request.Content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 64 * 1024));
    }

    [GeneratedRegex(@"RowKey='([^']*)'")]
    private static partial Regex RowKeyInPath();

    [GeneratedRegex("\"RowKey\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex RowKeyProperty();

    [GeneratedRegex(@"(?:POST|PUT|PATCH|MERGE|DELETE|GET) https?://[^ ]*?/([A-Za-z0-9]+)[( ]")]
    private static partial Regex BatchTarget();

    private sealed class Counter
    {
        public long Requests;
        public long Writes;
        public long Bytes;
    }
}
