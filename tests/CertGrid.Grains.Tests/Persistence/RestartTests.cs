using CertGrid.Abstractions.Audit;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Testing;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>State is acknowledged only once stored: a new cluster on the same storage finds everything.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_new_cluster_on_the_same_storage_finds_every_acknowledged_change()
    {
        await using var storage = new StorageScope();
        var community = GrainClusterFixture.NewCommunity();
        string learnerId;
        string definitionId;
        await using (var first = await GrainCluster.StartAsync(storage))
        {
            var program = new ProgramBuilder(first.Grains, community);
            definitionId = await program.PublishedCredentialAsync();
            (learnerId, _) = await program.LearnerAsync();
            await Uploads.CommitAsync(first.Grains.GetGrain<ILearnerGrain>(program.Key(learnerId)));
        }

        await using var second = await GrainCluster.StartAsync(storage);
        var key = new ProgramBuilder(second.Grains, community);
        var definition = await second.Grains.GetGrain<ICredentialDefinitionGrain>(key.Key(definitionId)).GetAsync();
        Assert.Equal(PublicationStatus.Published, definition.Status);
        var portfolio = await second.Grains.GetGrain<ILearnerGrain>(key.Key(learnerId)).GetPortfolioAsync();
        Assert.Single(Assert.Single(portfolio).Versions);
        var catalog = await second.Grains.GetGrain<IProgramCatalogGrain>(community).GetAsync();
        Assert.Contains(catalog.Credentials, c => c.Id == definitionId);
        var audit = await second.Grains.GetGrain<IAuditLogReaderGrain>(community).VerifyAsync();
        Assert.True(audit.Intact);
        Assert.True(audit.EntriesChecked >= 6);
    }
}
