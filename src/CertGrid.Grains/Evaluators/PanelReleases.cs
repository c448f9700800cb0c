using CertGrid.Abstractions.Evaluators;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Evaluators;

/// <summary>
/// How decisions free their panels in the community's evaluator pool: the panels this silo releases while a call is in
/// flight go out together in the next (<see cref="CallBatches{TItem}"/>), so under load one table batch removes many
/// panel rows where each decision cost a delete of its own. Nothing here is refused (releasing is idempotent): a call
/// that fails fails every release it carried, and their effects retry.
/// </summary>
public sealed class PanelReleases(IGrainFactory grains)
{
    private readonly CallBatches<string> _batches = new(
        (community, panelIds) => grains.GetGrain<IEvaluatorPoolGrain>(community).ReleasePanelsAsync(panelIds), Storage.TableBatch.MaxOperations, isRefusal: null);

    public Task ReleaseAsync(string community, string panelId) => _batches.SendAsync(community, panelId);
}
