using System.Text;
using Azure.Storage.Blobs.Models;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;
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
