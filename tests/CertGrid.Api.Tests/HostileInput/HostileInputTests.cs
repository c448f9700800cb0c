using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CertGrid.Api.Tests.Privacy;
using Xunit.Abstractions;

namespace CertGrid.Api.Tests.HostileInput;

/// <summary>
/// Issue 15.5: a generator walks the introspected schema and sends hostile variants of every argument (wrong types,
/// nulls, lone surrogates and control characters, huge strings and lists, deep nesting, unknown enum values,
/// injection-shaped text, path traversal). No answer is a 5xx, every error carries a code and a message without
/// internal names, every value no server should accept is refused, and what was refused changed nothing in the store.
/// </summary>
public sealed partial class HostileInputTests(HostileInputFixture server, ITestOutputHelper output) : IClassFixture<HostileInputFixture>
{
    private const int Concurrency = 4;

    /// <summary>Deep enough to send the deeply nested variants (the server refuses JSON nested over 64 levels).</summary>
    private static readonly JsonSerializerOptions Deep = new() { MaxDepth = 4 * MalformedValues.NestingDepth };

    [Fact]
    public async Task Every_argument_refuses_hostile_values_with_a_coded_4xx_and_leaves_the_store_unchanged()
    {
        var schema = await IntrospectedSchema.LoadAsync(server.Cluster.GraphQl());
        var requests = new HostileRequests(schema, new PlausibleValues(schema, server.Ids)).All().ToList();
        var clock = Stopwatch.StartNew();

        // A key's first use is recorded on the key (lastUsedAt, then at most every 15 minutes): use each key once before the
        // baseline, so what the refused requests could change is all that differs afterwards.
        foreach (var key in server.Keys.Values.OfType<string>())
        {
            await server.Cluster.GraphQl().SendAsync("{ viewer { kind } }", key: key);
        }

        // The erasure plan rollout the silo started by itself writes its own state: let it finish first.
        await ErasurePlanRolloutProbe.WhenDoneAsync(server.Cluster.GraphQl());
        var before = await QuietStoreAsync();
        var refusedFailures = await SendAllAsync(requests.Where(r => r.Variant.MustBeRefused).ToList());
        var changes = (await StoreSnapshot.TakeAsync(server.Cluster.StorageNamePrefix)).ChangesSince(before);
        var otherFailures = await SendAllAsync(requests.Where(r => !r.Variant.MustBeRefused).ToList());

        output.WriteLine($"{requests.Count} hostile requests ({requests.Count(r => r.Variant.MustBeRefused)} that must be refused) on " +
            $"{requests.Select(r => r.Field).Distinct().Count()} root fields in {clock.Elapsed.TotalSeconds:F0} s");
        var failures = refusedFailures.Concat(otherFailures).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} hostile requests were mishandled:\n{string.Join('\n', failures.Take(60))}");
        Assert.True(changes.Count == 0, $"Refused requests changed the store:\n{string.Join('\n', changes.Take(30))}");
        Assert.True(requests.Count > 1000, $"Only {requests.Count} requests were generated: is the schema still introspected?");
    }

    private async Task<List<string>> SendAllAsync(IReadOnlyList<HostileRequest> requests)
    {
        var failures = new ConcurrentBag<string>();
        using var http = server.Cluster.CreateClient();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, _) =>
        {
            if (await CheckAsync(http, request) is { } failure)
            {
                failures.Add($"{request}: {failure}");
            }
        });
        return failures.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>What is wrong with the answer to one request, or null.</summary>
    private async Task<string?> CheckAsync(HttpClient http, HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { query = hostile.Query, variables = hostile.Variables }, Deep).Replace(MalformedValues.LoneSurrogate, "\\ud83d", StringComparison.Ordinal),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (server.Keys[hostile.Role] is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"HTTP {status} {Shorten(text)}";
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return $"HTTP {status} with a body that is not JSON: {Shorten(text)}";
        }

        var errors = body.TryGetProperty("errors", out var list) ? list.EnumerateArray().ToList() : [];
        foreach (var error in errors)
        {
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            var code = error.TryGetProperty("extensions", out var e) && e.TryGetProperty("code", out var c) ? c.GetString() : null;
            if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(message) || code == "INTERNAL_SERVER_ERROR")
            {
                return $"HTTP {status}, error without a usable code: {Shorten(error.ToString())}";
            }

            if (InternalNames().IsMatch(message))
            {
                return $"HTTP {status}, an internal name in '{Shorten(message)}'";
            }
        }

        var accepted = body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(hostile.Field, out var value) && value.ValueKind != JsonValueKind.Null;
        if (status >= 400 && errors.Count == 0)
        {
            return $"HTTP {status} without an error: {Shorten(text)}";
        }

        return hostile.Variant.MustBeRefused && (accepted || errors.Count == 0) ? $"accepted (HTTP {status}): {Shorten(text)}" : null;
    }

    /// <summary>A snapshot taken once the store stopped changing (the setup's audit events and projections have landed).</summary>
    private async Task<StoreSnapshot> QuietStoreAsync()
    {
        var previous = await StoreSnapshot.TakeAsync(server.Cluster.StorageNamePrefix);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(500);
            var current = await StoreSnapshot.TakeAsync(server.Cluster.StorageNamePrefix);
            if (current.ChangesSince(previous).Count == 0)
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"Grain|Exception|Orleans|CertGrid\.|System\.|Microsoft\.|\bat [A-Z][\w.]+\(|Nullable`", RegexOptions.CultureInvariant)]
    private static partial Regex InternalNames();
}
