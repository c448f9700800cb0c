using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// The export through GraphQL: a learner requests their own (a retry under the same idempotency key gets the same export),
/// polls its progress and downloads the archive through the short-lived URL; another learner is refused and an admin may
/// export on the learner's behalf. Its content is tested in depth by the grain tests (DataExportTests).
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class DataExportOverGraphQlTests(SharedServerFixture server)
{
    private const string Request = "mutation($l: ID) { requestDataExport(learnerId: $l) { id learnerId status progressPercent downloadUrl } }";
    private const string Poll = "query($id: ID!) { dataExport(id: $id) { id status progressPercent partsDone partsTotal filesTotal sizeBytes expiresAt downloadUrl } }";

    [Fact]
    public async Task A_learner_exports_their_data_and_downloads_the_archive_others_cannot_read_it()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var learner = await scenario.EnrolLearnerAsync();
        var evidence = $"# Incident review\n\n{Guid.NewGuid():N}\n";
        await scenario.UploadArtifactAsync(learner.Key, Encoding.UTF8.GetBytes(evidence));
        var other = await scenario.EnrolLearnerAsync();

        var requested = (await scenario.GraphQl.DataAsync(Request, new { l = (string?)null }, learner.Key)).GetProperty("requestDataExport");
        var id = requested.GetProperty("id").GetString()!;
        Assert.StartsWith("exp_", id);
        Assert.Equal(learner.Id, requested.GetProperty("learnerId").GetString());
        Assert.Equal(JsonValueKind.Null, requested.GetProperty("downloadUrl").ValueKind);

        await scenario.GraphQl.ErrorAsync("FORBIDDEN", Poll, new { id }, other.Key);
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", Request, new { l = learner.Id }, other.Key);
        await scenario.GraphQl.ErrorAsync("NOT_FOUND", Poll, new { id = "exp_" + new string('a', 20) }, learner.Key);
        await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", Poll, new { id = "not-an-export" }, learner.Key);

        var ready = await ReadyAsync(scenario, id, learner.Key);
        Assert.Equal(100, ready.GetProperty("progressPercent").GetInt32());
        Assert.Equal(1, ready.GetProperty("filesTotal").GetInt32());

        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(ready.GetProperty("downloadUrl").GetString());
        Assert.Equal(ready.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var file = new StreamReader(zip.Entries.Single(e => e.FullName.StartsWith("files/", StringComparison.Ordinal)).Open());
        Assert.Equal(evidence, await file.ReadToEndAsync());
        Assert.Contains(learner.Id, await new StreamReader(zip.GetEntry("profile.json")!.Open()).ReadToEndAsync());

        var byAdmin = (await scenario.GraphQl.DataAsync(Request, new { l = learner.Id }, scenario.AdminKey)).GetProperty("requestDataExport");
        Assert.NotEqual(id, byAdmin.GetProperty("id").GetString());
        await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", Request, new { l = (string?)null }, scenario.AdminKey);
    }

    private static async Task<JsonElement> ReadyAsync(CommunityScenario scenario, string id, string key)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var export = (await scenario.GraphQl.DataAsync(Poll, new { id }, key)).GetProperty("dataExport");
            if (export.GetProperty("status").GetString() == "READY" || DateTime.UtcNow > deadline)
            {
                Assert.Equal("READY", export.GetProperty("status").GetString());
                return export;
            }

            await Task.Delay(200);
        }
    }
}
