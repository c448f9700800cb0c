using CertGrid.Abstractions.Governance;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Governance;
using CertGrid.Domain.Programs;

namespace CertGrid.Grains.Programs;

/// <summary>
/// The steering committee's decisions about a framework's versions, read from the governance grain (which never
/// calls the framework back), and the views of the versions with those decisions applied.
/// </summary>
internal sealed class FrameworkDecisions(IReadOnlyDictionary<string, ProposalInfo> proposals)
{
    public static async Task<FrameworkDecisions> LoadAsync(IGovernanceGrain governance, IEnumerable<FrameworkVersionRecord> versions)
    {
        var pending = versions
            .SelectMany(v => new[] { v.Status == FrameworkVersionStatus.Proposed ? v.ProposalId : null, v.Status == FrameworkVersionStatus.Published ? v.RetirementProposalId : null })
            .OfType<string>()
            .ToList();
        var proposals = new Dictionary<string, ProposalInfo>(StringComparer.Ordinal);
        foreach (var id in pending)
        {
            proposals[id] = await governance.GetProposalAsync(id);
        }

        return new FrameworkDecisions(proposals);
    }

    public ProposalInfo? Proposal(string? id) => id is null ? null : proposals.GetValueOrDefault(id);

    public FrameworkVersionStatus Effective(FrameworkVersionRecord version)
    {
        var proposal = Proposal(version.ProposalId)?.Status;
        bool? approved = proposal switch
        {
            ProposalStatus.Approved => true,
            ProposalStatus.Rejected or ProposalStatus.Withdrawn => false,
            _ => null,
        };
        return FrameworkLifecycle.Effective(version.Status, approved, Proposal(version.RetirementProposalId)?.Status == ProposalStatus.Approved);
    }

    public FrameworkVersionInfo View(FrameworkVersionRecord v)
    {
        var status = Effective(v);
        var retirement = Proposal(v.RetirementProposalId);
        var retiredAt = v.RetiredAt ?? (status == FrameworkVersionStatus.Retired ? retirement?.DecidedAt : null);
        return new FrameworkVersionInfo(v.Version, status, v.Content, v.ChangeNote, v.BasedOn, v.CreatedAt, v.CreatedBy, v.ProposalId, v.ProposedAt,
            v.PublishedAt, v.PublishedBy, v.RetirementProposalId, retiredAt, v.RetirementReason);
    }

    public FrameworkInfo Info(string id, FrameworkState state)
    {
        var views = state.Versions.Select(View).ToList();
        var current = views.LastOrDefault(v => v.Status == FrameworkVersionStatus.Published) ?? views[^1];
        return new FrameworkInfo(id, current.Content.Name, current.Content.Description, current.Version,
            current.Status == FrameworkVersionStatus.Published ? PublicationStatus.Published : PublicationStatus.Draft,
            current.Content.Competencies, state.CreatedAt, current.PublishedAt, views, state.ReviewCadenceDays);
    }
}
