using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Quality;

namespace CertGrid.Benchmarks.Quality;

/// <summary>
/// The baseline: every review kept as a row of an Azure Table (partition = community), and the program's figures computed
/// by reading them all back and tallying them from scratch, as a report would without incremental analytics.
/// </summary>
public static class RawReviews
{
    private const string TableName = "benchrawreviews";

    public static async Task<TimeSpan> WriteAsync(TableServiceClient tables, string community, IReadOnlyList<AttemptDecided> decisions)
    {
        var table = tables.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        var rows = decisions.SelectMany(d => d.Reviews.Select(r => new TableEntity(community, $"{d.EventId}|{r.EvaluatorId}")
        {
            ["Decision"] = JsonSerializer.Serialize(d with { Reviews = [] }),
            ["Review"] = JsonSerializer.Serialize(r),
        }));
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, cancellationToken) =>
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken));
        return watch.Elapsed;
    }

    /// <summary>Reads every review of the community and summarises the window from them; returns the summary and the rows read.</summary>
    public static async Task<(ProgramAnalyticsSummary Summary, int Reviews)> SummariseAsync(TableServiceClient tables, string community, DateTimeOffset from, DateTimeOffset until)
    {
        var table = tables.GetTableClient(TableName);
        var decisions = new Dictionary<string, (AttemptDecided Decision, List<DecidedReview> Reviews)>(StringComparer.Ordinal);
        var read = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == community))
        {
            read++;
            var id = row.RowKey[..row.RowKey.IndexOf('|', StringComparison.Ordinal)];
            if (!decisions.TryGetValue(id, out var decision))
            {
                decisions[id] = decision = (JsonSerializer.Deserialize<AttemptDecided>(row.GetString("Decision"))!, []);
            }

            decision.Reviews.Add(JsonSerializer.Deserialize<DecidedReview>(row.GetString("Review"))!);
        }

        var periods = AnalyticsPeriod.Between(from, until);
        var tallies = periods.ToDictionary(p => p, _ => new PeriodAnalytics(), StringComparer.Ordinal);
        foreach (var (decision, reviews) in decisions.Values)
        {
            if (tallies.TryGetValue(AnalyticsPeriod.Of(decision.At), out var period))
            {
                period.Apply(decision with { Reviews = reviews });
            }
        }

        return (ProgramAnalytics.Summarise(periods, periods.Select(p => tallies[p]).ToList(), SmallGroupSuppression.DefaultMinimumGroupSize, SeveritySettings.Default, seed: 7), read);
    }
}
