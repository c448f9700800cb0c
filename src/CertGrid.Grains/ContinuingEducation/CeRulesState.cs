using CertGrid.Domain.ContinuingEducation;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.ContinuingEducation;

[GenerateSerializer, Alias("certgrid.state.ce-rules")]
public sealed class CeRulesState : DurableState
{
    [Id(0)] public CeCreditRules? Rules { get; set; }
}
