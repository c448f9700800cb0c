using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Retries;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Retries;

/// <summary>
/// The memory of a retried operation for a change written to a table rather than to a durable grain's state (a message
/// in the partner-access log, a re-queued dead letter): a row added in the same table transaction as the change, so a run
/// again under the same operation id finds it and applies nothing, and two concurrent runs cannot both apply (the second
/// transaction's add of this row fails). The row holds the operation id only. The grain method that writes it is marked
/// <see cref="TakesRetriedOperationAttribute"/>.
/// </summary>
public sealed class OperationMarkerRow : ReadModelRow
{
    public const string Prefix = "o|";

    /// <summary>
    /// When the operation's idempotency window ends: the row is not needed after. Named like the rows of the tables it is
    /// written to, so a retention sweep removing rows by <c>At</c> (the partner-access log's) removes it in time.
    /// </summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The transaction step that marks the operation applied, for a call made under one.</summary>
    public static TableTransactionAction? Marking(string partition, RetriedOperation? operation) => operation is null ? null
        : new TableTransactionAction(TableTransactionActionType.Add,
            new OperationMarkerRow { PartitionKey = partition, RowKey = Prefix + operation.Id, At = operation.RememberUntil });

    /// <summary>Whether a change under this operation was already stored in the table's partition.</summary>
    public static async Task<bool> AppliedAsync(TableClient table, string partition, RetriedOperation? operation) =>
        operation is not null && (await table.GetEntityIfExistsAsync<OperationMarkerRow>(partition, Prefix + operation.Id)).HasValue;

    /// <summary>
    /// Submits the change's steps with the operation's mark; true when it was stored now, false when a run with the same
    /// operation id stored it first (before or concurrently).
    /// </summary>
    public static async Task<bool> SubmitOnceAsync(TableClient table, string partition, RetriedOperation? operation, IEnumerable<TableTransactionAction> change)
    {
        if (await AppliedAsync(table, partition, operation))
        {
            return false;
        }

        var steps = change.ToList();
        if (Marking(partition, operation) is { } mark)
        {
            steps.Add(mark);
        }

        try
        {
            await table.SubmitTransactionAsync(steps);
            return true;
        }
        catch (TableTransactionFailedException ex) when (operation is not null && ex.Status is 409 or 412)
        {
            // Another run of the operation stored it meanwhile (its mark exists), or the conflict is someone else's.
            if (await AppliedAsync(table, partition, operation))
            {
                return false;
            }

            throw;
        }
    }
}
