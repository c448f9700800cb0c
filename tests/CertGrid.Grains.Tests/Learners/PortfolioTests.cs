using System.Security.Cryptography;
using System.Text;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Learners;

/// <summary>Portfolio uploads go straight to Azurite blob storage; CertGrid verifies what arrived.</summary>
public sealed class PortfolioTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task A_committed_upload_records_the_size_type_and_sha256_the_server_measured()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (id, _) = await program.LearnerAsync();
        var learner = fixture.Grains.GetGrain<ILearnerGrain>(program.Key(id));
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7\nnot really a document, but it starts like one\n");
        var ticket = await learner.RequestArtifactUploadAsync(new RequestArtifactUpload(null, "Report", "report.pdf", "application/pdf", bytes.Length));
        Assert.InRange(ticket.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
        Assert.Contains("sig=", ticket.UploadUrl.Query, StringComparison.Ordinal);

        await Uploads.PutAsync(ticket, bytes, "application/pdf");
        var artifact = await learner.CommitArtifactAsync(ticket.ArtifactId, ticket.Version);
        var version = Assert.Single(artifact.Versions);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), version.Sha256);
        Assert.Equal(bytes.Length, version.SizeBytes);
        Assert.Equal("application/pdf", version.ContentType);
        Assert.Equal(fixture.Cluster.Clock.GetUtcNow(), version.CommittedAt);

        // Committing again is idempotent; the upload URL cannot overwrite the committed blob.
        Assert.Single((await learner.CommitArtifactAsync(ticket.ArtifactId, ticket.Version)).Versions);
        await Assert.ThrowsAsync<HttpRequestException>(() => Uploads.PutAsync(ticket, Encoding.UTF8.GetBytes("%PDF-tampered"), "application/pdf"));
    }

    [Fact]
    public async Task A_rejected_upload_is_deleted_and_the_artifact_is_as_before()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (id, _) = await program.LearnerAsync();
        var learner = fixture.Grains.GetGrain<ILearnerGrain>(program.Key(id));
        var artifactId = await Uploads.CommitAsync(learner, "# version one\n");

        var ticket = await learner.RequestArtifactUploadAsync(new RequestArtifactUpload(artifactId, "Evidence", "evidence.md", "text/markdown", 10));
        await Uploads.PutAsync(ticket, Encoding.UTF8.GetBytes("# uploaded as json\n"), "application/json");
        var error = await Assert.ThrowsAsync<CertGridException>(() => learner.CommitArtifactAsync(artifactId, ticket.Version));
        Assert.Equal(ErrorCode.PolicyViolation, error.Code);

        var artifact = Assert.Single(await learner.GetPortfolioAsync());
        Assert.Single(artifact.Versions);
        Assert.Null(artifact.Pending);
        var blobs = fixture.Cluster.StorageClients.Blobs.GetBlobContainerClient(fixture.Cluster.StorageClients.Names.ArtifactsContainer);
        Assert.False((await blobs.GetBlobClient($"{program.Community}/{id}/{artifactId}/v2").ExistsAsync()).Value);
    }
}
