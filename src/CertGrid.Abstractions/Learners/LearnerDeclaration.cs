namespace CertGrid.Abstractions.Learners;

/// <summary>
/// Something a learner declares in a grain of its own, which other grains would otherwise read for every learner, though
/// few ever declare it: the learner keeps <em>whether</em> they declared it (never what), so a credential's change or a
/// decision's count asks that grain only then (<see cref="ILearnerGrain.MayHaveDeclaredAsync"/>).
/// </summary>
public enum LearnerDeclaration
{
    /// <summary>A consent to be found in talent search (the learner's consents grain).</summary>
    Discoverable = 0,

    /// <summary>Demographic attributes (the learner's demographic declaration grain).</summary>
    Demographics = 1,
}
