using System.Text;
using Azure.Data.Tables;
using CertGrid.Abstractions.Onboarding;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Onboarding;
using CertGrid.Grains.Onboarding;

namespace CertGrid.Grains.Tests.Onboarding;

/// <summary>
/// Issue 19: an import is resumable. The silo applying a roster is killed (no graceful shutdown) after its first batch;
/// the import carries on from its stored cursor on the survivor, and afterwards every row is applied exactly once: one
/// learner per email, the counts and the results file right.
/// </summary>
public sealed class ImportResumeTests
{
    private const int Rows = 2 * RosterImportGrain.BatchSize + 200;

    [Fact]
    public async Task An_import_whose_silo_is_killed_mid_apply_resumes_from_its_cursor_and_applies_every_row_exactly_once()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var program = new ProgramBuilder(cluster.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var faker = program.Faker;
        var people = Enumerable.Range(0, Rows).Select(i => (Name: faker.Name.FullName(), Email: $"m{i}.{faker.Internet.Email()}".ToLowerInvariant())).ToList();
        var (handEnrolled, _) = await program.LearnerAsync(email: people[42].Email);
        var csv = Encoding.UTF8.GetBytes("name,email\n" + string.Join("\n", people.Select(p => $"\"{p.Name}\",{p.Email}")) + "\n");

        var import = cluster.Grains.RosterImport(program.Community, EntityId.New(IdPrefixes.RosterImport));
        var ticket = await import.StartAsync(new StartRosterImport("members.csv", csv.Length), Actors.System);
        await PutAsync(ticket.UploadUrl, csv);
        var checkedImport = await import.DryRunAsync(Actors.System);
        Assert.Equal((RosterImportStatus.Checked, Rows - 1L, 1L), (checkedImport.Status, checkedImport.NewRows, checkedImport.UnchangedRows));

        await cluster.MoveToSecondarySiloAsync(import);
        await import.ApplyAsync(Actors.System);
        var before = await Eventually.HoldsAsync(import.GetAsync, i => i.ProcessedRows >= RosterImportGrain.BatchSize || i.Status == RosterImportStatus.Completed,
            "the first batch is applied", 120_000);
        Assert.True(before.Status == RosterImportStatus.Applying, "the import completed before its silo could be killed; the test needs more rows");
        await cluster.KillSiloHostingAsync(import);

        // Nobody but the reminder would wake it; a read is enough to activate it on the survivor, which resumes from the cursor.
        var done = await Eventually.HoldsAsync(import.GetAsync, i => i.Status == RosterImportStatus.Completed, "the import completes on the survivor", 180_000);
        Assert.Equal((Rows, Rows - 1L, 1L), (done.ProcessedRows, done.CreatedRows, done.UnchangedRows));

        var learners = cluster.StorageClients.Table(cluster.StorageClients.Names.LearnersTable);
        var rows = new List<TableEntity>();
        await foreach (var row in learners.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {program.Community}"), select: ["RowKey", "Email"]))
        {
            rows.Add(row);
        }

        Assert.Equal(Rows, rows.Count);
        Assert.Equal(people.Select(p => p.Email).Order(), rows.Select(r => r.GetString("Email")).Order());
        Assert.Contains(rows, r => r.RowKey == handEnrolled);

        using var http = new HttpClient();
        var results = await http.GetStringAsync(await import.ResultsUrlAsync());
        Assert.Equal(Rows - 1, results.Split('\n').Count(l => l.Contains(",enrolled,", StringComparison.Ordinal)));
        Assert.Contains($"{people[42].Email},unchanged: already enrolled,{handEnrolled}", results);
    }

    private static async Task PutAsync(Uri url, byte[] content)
    {
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        (await http.SendAsync(put)).EnsureSuccessStatusCode();
    }
}
