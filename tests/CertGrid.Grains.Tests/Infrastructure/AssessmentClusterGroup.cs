namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>
/// The assessment-integrity grain tests share one two-silo cluster (each test uses its own community), so the suite
/// pays for one cluster start instead of one per class. Tests that move the domain clock only ever move it forward.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AssessmentClusterGroup : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "assessment cluster";
}
