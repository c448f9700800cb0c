using CertGrid.Api.Retries;
using Orleans.Runtime;

namespace CertGrid.Api.Tests.Retries;

/// <summary>
/// A run again after a lost answer must send each grain call the id its first run sent: ids follow from the request's
/// seed, the target, the method and the call's place among calls to that target and method — nothing else.
/// </summary>
public sealed class OperationIdsTests
{
    private static readonly DateTimeOffset Until = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly GrainId Ledger = GrainId.Create("celedger", "c1/lrn_a");
    private static readonly GrainId Pool = GrainId.Create("evaluatorpool", "c1");

    [Fact]
    public void A_second_run_of_the_same_request_sends_the_same_ids_in_the_same_order()
    {
        string[] Run(byte[] seed)
        {
            var ids = new OperationIds(seed, Until);
            return [ids.Next(Ledger, "RecordAsync").Id, ids.Next(Pool, "SetActiveAsync").Id, ids.Next(Pool, "SetActiveAsync").Id, ids.Next(Ledger, "GetActivitiesAsync").Id];
        }

        var first = Run([1, 2, 3]);
        Assert.Equal(first, Run([1, 2, 3]));
        Assert.Equal(first.Length, first.Distinct().Count());
        Assert.DoesNotContain(Run([1, 2, 4]), id => first.Contains(id));
        Assert.All(first, id => Assert.Matches("^op_[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task Ids_are_ambient_only_inside_the_run()
    {
        Assert.Null(OperationIds.Current);
        var ids = new OperationIds([9], Until);
        OperationIds? inside = null;
        await OperationIds.RunAsync(ids, async () =>
        {
            await Task.Yield();
            inside = OperationIds.Current;
        });

        Assert.Same(ids, inside);
        Assert.Null(OperationIds.Current);
        Assert.Equal(Until, ids.Next(Ledger, "RecordAsync").RememberUntil);
    }
}
