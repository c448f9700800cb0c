using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Programs;

/// <summary>Gathers what a credential's eligibility rules need to know about a learner, and applies them.</summary>
[StatelessWorker]
public sealed class EligibilityGrain(StorageClients storage, [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock) : Grain, IEligibilityGrain
{
    private string Community => this.GetPrimaryKeyString();

    public async Task<EligibilityResult> EvaluateAsync(string learnerId, string definitionId)
    {
        var definition = await GrainFactory.CredentialDefinition(Community, definitionId).GetAsync();
        var facts = await LearnerFacts.LoadAsync(GrainFactory, storage, Community, learnerId);
        return await facts.EligibilityAsync(GrainFactory, Community, definition, clock.GetUtcNow());
    }

    public async Task RequireCredentialHolderAsync(string learnerId)
    {
        var facts = await LearnerFacts.LoadAsync(GrainFactory, storage, Community, learnerId);
        if (!facts.Held.Any(h => h.IsValidAt(clock.GetUtcNow())))
        {
            throw CertGridException.Policy("Only holders of a valid credential of this community can mentor or sponsor learners.");
        }
    }

    public async Task RequireEligibleAsync(string learnerId, string definitionId)
    {
        var result = await EvaluateAsync(learnerId, definitionId);
        if (!result.Eligible)
        {
            throw CertGridException.Policy("You are not eligible for this credential yet. " + string.Join(" ", result.Missing.Select(m => $"{m.Description}: {m.Detail}")));
        }
    }
}
