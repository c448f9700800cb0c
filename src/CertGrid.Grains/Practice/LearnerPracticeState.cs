using CertGrid.Abstractions.Practice;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Practice;

[GenerateSerializer, Alias("certgrid.state.learner-practice")]
public sealed class LearnerPracticeState : DurableState
{
    [Id(0)] public List<PracticeSession> Sessions { get; set; } = [];
}
