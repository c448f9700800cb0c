using System.Text;
using Azure.Storage.Blobs.Models;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;
using CertGrid.Grains.Credentials.StatusLists;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// While a killed silo's grain directory partition is rebuilt, Orleans can run two activations of one grain side by side
/// (the fault test once lost a learner's evidence to it: the upload ticket stored by one activation, the commit answered
/// "not found" by the other). Here the other activation's write is made through the silo's own grain storage, behind the
/// back of the activation that serves the calls, exactly as the other activation would store it.
/// </summary>
public sealed class OutdatedActivationTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task A_rejection_answered_from_an_outdated_copy_is_unavailable_and_the_call_again_sees_what_the_other_activation_stored()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var learner = program.Learner(learnerId);
        Assert.Empty(await learner.GetPortfolioAsync()); // this activation holds the learner without artifacts

        var bytes = Encoding.UTF8.GetBytes("# Evidence\n\nStored through the other activation.\n");
        var artifactId = EntityId.New(IdPrefixes.Artifact);
        var blobName = $"{program.Community}/{learnerId}/{artifactId}/v1";
        await UploadAsync(blobName, bytes);
        await StoredGrainState.ChangeAsync<LearnerState>(fixture.Cluster, "learner", learner.GetGrainId(), state => state.Artifacts[artifactId] = new ArtifactState
        {
            Title = "Evidence",
            CreatedAt = fixture.Cluster.Clock.GetUtcNow(),
            Pending = new PendingUpload(1, "evidence.md", "text/markdown", bytes.Length, blobName, fixture.Cluster.Clock.GetUtcNow().AddMinutes(15)),
        });

        var outdated = await Assert.ThrowsAsync<CertGridException>(() => learner.CommitArtifactAsync(artifactId, 1));
        Assert.Equal(ErrorCode.Unavailable, outdated.Code);
        Assert.Contains("outdated copy", outdated.Message, StringComparison.Ordinal);

        var committed = await learner.CommitArtifactAsync(artifactId, 1);
        Assert.Equal(bytes.Length, Assert.Single(committed.Versions).SizeBytes);
        Assert.Single(await learner.GetPortfolioAsync());
    }

    [Fact]
    public async Task A_rejection_from_a_current_copy_stands()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var learner = program.Learner(learnerId);
        var unknown = EntityId.New(IdPrefixes.Artifact);

        for (var call = 0; call < 3; call++)
        {
            var rejection = await Assert.ThrowsAsync<CertGridException>(() => learner.CommitArtifactAsync(unknown, 1));
            Assert.Equal(ErrorCode.NotFound, rejection.Code);
        }

        Assert.NotNull(await Uploads.CommitAsync(learner));
    }

    [Fact]
    public async Task A_status_list_served_by_an_outdated_activation_is_replaced_within_one_time_to_live()
    {
        var list = fixture.Grains.StatusList(GrainClusterFixture.NewCommunity(), StatusPurpose.Revocation, 1);
        var indexes = await list.ReserveAsync(2);
        var (revokedHere, index) = (indexes[0], indexes[1]);
        await list.SetAsync(revokedHere, 1);
        var before = await list.PublishAsync();

        // The other activation revokes the credential at the second index.
        await StoredGrainState.ChangeAsync<StatusListState>(fixture.Cluster, "statuslist", list.GetGrainId(), stored =>
        {
            var bits = Bitstring.FromBytes(stored.Bits);
            bits.SetEntry(index, 1, 1);
            stored.Bits = bits.ToBytes();
            stored.Version++;
        });

        // Within the list's time to live the activation may serve what it holds (verifiers cache it that long anyway) …
        Assert.Equal(before.Version, (await list.PublishAsync()).Version);

        // … past it, it compares with storage, gives way, and the call again gets the revocation.
        fixture.Cluster.Clock.Advance(before.TimeToLive + TimeSpan.FromSeconds(1));
        var outdated = await Assert.ThrowsAsync<CertGridException>(list.PublishAsync);
        Assert.Equal(ErrorCode.Unavailable, outdated.Code);
        var after = await list.PublishAsync();
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(1, await list.GetAsync(index));

        // A current activation past the time to live answers as usual.
        fixture.Cluster.Clock.Advance(before.TimeToLive + TimeSpan.FromSeconds(1));
        Assert.Equal(after.Version, (await list.PublishAsync()).Version);
    }

    [Fact]
    public void Every_durable_grain_says_where_its_state_is_stored()
    {
        var durableGrains = typeof(DurableGrain<>).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && BaseDurableGrain(type) is not null)
            .ToList();
        Assert.True(durableGrains.Count > 40, $"{durableGrains.Count} durable grain types found");
        foreach (var grain in durableGrains)
        {
            var location = GrainStateLocation.Of(grain, BaseDurableGrain(grain)!.GetGenericArguments()[0]);
            Assert.Contains(location.StorageName, new[] { StorageNames.GrainStore, StorageNames.BlobGrainStore });
            Assert.False(string.IsNullOrEmpty(location.StateName), grain.Name);
        }
    }

    private static Type? BaseDurableGrain(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(DurableGrain<>))
            {
                return current;
            }
        }

        return null;
    }

    private async Task UploadAsync(string blobName, byte[] bytes)
    {
        var container = fixture.Cluster.StorageClients.Blobs.GetBlobContainerClient(fixture.Cluster.StorageClients.Names.ArtifactsContainer);
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown" },
        });
    }
}
