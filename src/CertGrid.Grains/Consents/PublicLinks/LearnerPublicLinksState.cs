using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Consents.PublicLinks;

[GenerateSerializer, Alias("certgrid.state.learner-public-links")]
public sealed class LearnerPublicLinksState : DurableState
{
    /// <summary>Every link, oldest first; revoked ones stay (as the learner's record of what they shared).</summary>
    [Id(0)] public List<PublicLink> Links { get; set; } = [];
}
