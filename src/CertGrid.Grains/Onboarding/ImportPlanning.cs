using CertGrid.Domain.Onboarding;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Onboarding;

/// <summary>What planning an import needs: the file, the community's grains and read models, the import and the time.</summary>
public sealed record ImportPlanning(byte[] Content, ImportFormat Format, IGrainFactory Grains, StorageClients Storage, string Community, string ImportId, DateTimeOffset Now)
{
    public LearnerEmailIndex Emails => new(Storage);

    public Task<ImportPlan> PlanAsync(ImportKind kind) => kind switch
    {
        ImportKind.Learners => LearnerImportPlanner.PlanAsync(this),
        ImportKind.Evaluators => EvaluatorImportPlanner.PlanAsync(this),
        ImportKind.CohortMembers => CohortMembershipImportPlanner.PlanAsync(this),
        ImportKind.Holders => HolderImportPlanner.PlanAsync(this),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of import."),
    };
}
