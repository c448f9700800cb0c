using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Domain.Tests.Credentials.StatusLists;

public sealed class StatusIndexAllocationTests
{
    [Fact]
    public void Indexes_are_random_and_never_handed_out_twice()
    {
        var used = new Bitstring();
        var random = new Random(42);
        var indexes = Enumerable.Range(0, 5_000).Select(i => StatusIndexAllocation.Allocate(used, i, random)!.Value).ToList();

        Assert.Equal(indexes.Count, indexes.Distinct().Count());
        Assert.NotEqual(indexes.Order(), indexes);
        Assert.True(indexes.Max() > 100_000, "indexes should spread over the whole list");
        Assert.All(indexes, index => Assert.True(used.Get(index)));
    }

    [Fact]
    public void A_nearly_full_list_still_finds_its_last_free_index_and_then_reports_full()
    {
        var used = new Bitstring();
        for (var i = 0; i < used.Length; i++)
        {
            used.Set(i, i != 77_777);
        }

        Assert.Equal(77_777, StatusIndexAllocation.Allocate(used, used.Length - 1, new Random(1)));
        Assert.Null(StatusIndexAllocation.Allocate(used, used.Length, new Random(1)));
    }
}
