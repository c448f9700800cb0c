using CertGrid.Domain.Errors;
using CertGrid.Domain.Renewals;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.Renewals;

/// <summary>A page stores its changes as short entries and is rebuilt exactly from the last whole copy plus them.</summary>
public class DeadlinePageChangesTests
{
    private static string NewId() => EntityId.New("vc");

    [Fact]
    public void Replaying_the_changes_on_the_last_whole_copy_gives_the_same_page_order_and_progress_included()
    {
        var page = new DeadlinePage();
        var first = Enumerable.Range(0, 20).Select(_ => NewId()).Append("vc_legacy-1").ToList();
        first.ForEach(id => page.Add(id));
        var stored = page.ToStorage();
        page.TakeChanges();

        // After the whole copy: more ids, a batch processed, removals (one swaps the last unprocessed id into its place), a repeat.
        var later = Enumerable.Range(0, 5).Select(_ => NewId()).ToList();
        later.ForEach(id => page.Add(id));
        var batch = page.Claim(8);
        page.Remove(first[3]);
        page.Remove(first[12]);
        page.Remove("vc_legacy-1");
        page.CompleteClaim();
        page.Add(later[0]);
        page.Remove(first[15]);
        var changes = page.TakeChanges();

        var rebuilt = DeadlinePage.FromStorage(stored, changes);

        Assert.Equal(page.All(), rebuilt.All());
        Assert.Equal(page.Remaining, rebuilt.Remaining);
        Assert.Equal(page.Claim(100), rebuilt.Claim(100));
        Assert.Contains(first[3], batch);
        Assert.Contains(first[3], rebuilt.All()); // it was being processed, so removing it changed nothing
        Assert.DoesNotContain(first[12], rebuilt.All());
        // Five additions, three removals that took effect and one completed batch; the refused removal and the repeated addition are not changes.
        Assert.Equal(9, changes.Count);
    }

    [Fact]
    public void Only_effective_changes_are_kept_and_taking_them_starts_afresh()
    {
        var page = new DeadlinePage();
        var id = NewId();
        page.Add(id);
        page.Add(id);
        page.Remove(NewId());

        Assert.Equal(["+" + id], page.TakeChanges());
        Assert.Empty(page.TakeChanges());
    }

    [Fact]
    public void A_change_that_is_not_one_is_refused()
    {
        var error = Assert.Throws<CertGridException>(() => DeadlinePage.FromStorage(new DeadlinePage().ToStorage(), ["?what"]));
        Assert.Equal(ErrorCode.Internal, error.Code);
    }
}
