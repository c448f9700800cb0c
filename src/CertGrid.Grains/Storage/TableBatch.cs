namespace CertGrid.Grains.Storage;

/// <summary>What one Azure Table batch (entity group transaction) may carry: operations on one partition, 100 at most.</summary>
internal static class TableBatch
{
    public const int MaxOperations = 100;
}
