using CertGrid.Domain.Tenancy;
using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Renewals;

public class DeadlinePageTests
{
    private static string NewId() => EntityId.New("vc");

    [Fact]
    public void Credential_ids_pack_into_13_bytes_and_back()
    {
        var packed = new byte[PackedCredentialId.Size];
        for (var i = 0; i < 500; i++)
        {
            var id = NewId();
            Assert.True(PackedCredentialId.TryPack(id, packed));
            Assert.Equal(id, PackedCredentialId.Unpack(packed));
        }
    }

    [Theory]
    [InlineData("lrn_abcdefghijkmnpqrstu")]
    [InlineData("vc_abcdefghijkmnpqrst")]
    [InlineData("vc_ABCDEFGHIJKMNPQRSTU")]
    [InlineData("vc_abcdefghijkmnpqrs01")]
    public void Other_ids_do_not_pack(string id) => Assert.False(PackedCredentialId.TryPack(id, new byte[PackedCredentialId.Size]));

    [Fact]
    public void Adding_is_idempotent_and_each_packed_id_costs_13_bytes()
    {
        var page = new DeadlinePage();
        var ids = Enumerable.Range(0, 100).Select(_ => NewId()).ToList();
        Assert.All(ids, id => Assert.True(page.Add(id)));
        Assert.All(ids, id => Assert.False(page.Add(id)));

        var stored = page.ToStorage();
        Assert.Equal(100 * 13, stored.Packed.Length);
        Assert.Equal(ids, DeadlinePage.FromStorage(stored).All());
    }

    [Fact]
    public void Ids_that_do_not_pack_are_kept_as_strings()
    {
        var page = new DeadlinePage();
        Assert.True(page.Add("vc_legacy-1"));
        Assert.True(page.Add(NewId()));
        Assert.False(page.Add("vc_legacy-1"));

        var stored = page.ToStorage();
        Assert.Equal(["vc_legacy-1"], stored.Other);
        Assert.Equal(2, DeadlinePage.FromStorage(stored).Count);
    }

    [Fact]
    public void Processing_claims_batches_in_order_and_only_completed_progress_is_stored()
    {
        var page = new DeadlinePage();
        var ids = Enumerable.Range(0, 10).Select(_ => NewId()).Append("vc_other").ToList();
        ids.ForEach(id => page.Add(id));

        var first = page.Claim(4);
        Assert.Equal(ids[..4], first);
        Assert.Equal(0, page.ToStorage().PackedDone);
        page.CompleteClaim();
        Assert.Equal(4, page.ToStorage().PackedDone);
        Assert.Equal(7, page.Remaining);

        var rest = page.Claim(100);
        page.CompleteClaim();
        Assert.Equal(ids[4..], rest);
        Assert.Equal(0, page.Remaining);
        Assert.Empty(page.Claim(10));
    }

    [Fact]
    public void A_page_reloaded_mid_way_resumes_after_the_last_completed_batch()
    {
        var page = new DeadlinePage();
        var ids = Enumerable.Range(0, 6).Select(_ => NewId()).ToList();
        ids.ForEach(id => page.Add(id));
        page.Claim(2);
        page.CompleteClaim();
        page.Claim(2);

        var reloaded = DeadlinePage.FromStorage(page.ToStorage());
        Assert.Equal(ids[2..], reloaded.Claim(10));
    }

    [Fact]
    public void Removing_never_skips_an_unprocessed_id_or_disturbs_the_batch_in_progress()
    {
        var page = new DeadlinePage();
        var ids = Enumerable.Range(0, 8).Select(_ => NewId()).ToList();
        ids.ForEach(id => page.Add(id));
        page.Claim(2);
        page.CompleteClaim();
        var inProgress = page.Claim(2);

        Assert.False(page.Remove(ids[0]));
        Assert.False(page.Remove(inProgress[1]));
        Assert.True(page.Remove(ids[5]));
        Assert.False(page.Contains(ids[5]));
        page.CompleteClaim();

        Assert.Equal(new[] { ids[4], ids[7], ids[6] }, page.Claim(10));
    }

    [Fact]
    public void Ids_added_while_processing_are_processed_too()
    {
        var page = new DeadlinePage();
        page.Add("vc_other-a");
        var packed = NewId();
        page.Add(packed);
        Assert.Equal(2, page.Claim(10).Count);
        page.CompleteClaim();

        var late = NewId();
        page.Add(late);
        page.Add("vc_other-b");
        Assert.Equal([late, "vc_other-b"], page.Claim(10));
    }

    [Fact]
    public void Claiming_twice_without_completing_is_a_bug()
    {
        var page = new DeadlinePage();
        page.Add(NewId());
        page.Add(NewId());
        page.Claim(1);
        Assert.Throws<InvalidOperationException>(() => page.Claim(1));
    }
}
