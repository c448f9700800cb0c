using CertGrid.Domain.ContinuingEducation;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.ContinuingEducation;

[GenerateSerializer, Alias("certgrid.state.ce-ledger")]
public sealed class CeLedgerState : DurableState
{
    [Id(0)] public List<CeActivity> Activities { get; set; } = [];
}
