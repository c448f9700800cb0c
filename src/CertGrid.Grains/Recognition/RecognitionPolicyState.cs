using CertGrid.Domain.Recognition;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Recognition;

[GenerateSerializer, Alias("certgrid.state.recognition-policy")]
public sealed class RecognitionPolicyState : DurableState
{
    [Id(0)] public List<BadgeRule> Rules { get; set; } = [];
}
