using CertGrid.Abstractions.Learners;

namespace CertGrid.Grains.Learners;

/// <summary>
/// Whether the learner declared what other grains hold for them (a talent-search consent, demographics), so those are
/// read only for learners who did: for a community where few do, that is two storage reads fewer per issuance.
/// </summary>
public sealed partial class LearnerGrain
{
    public Task<bool> MayHaveDeclaredAsync(LearnerDeclaration declaration) =>
        Task.FromResult(!Enrolled || State.Declared.GetValueOrDefault(declaration, true));

    public async Task NoteDeclaredAsync(LearnerDeclaration declaration, bool declared)
    {
        if (Enrolled && (!State.Declared.TryGetValue(declaration, out var known) || known != declared))
        {
            State.Declared[declaration] = declared;
            await SaveAsync();
        }
    }
}
