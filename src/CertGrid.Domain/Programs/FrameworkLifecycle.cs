using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Programs;

/// <summary>
/// The moves a framework version can make. Without a steering committee an admin publishes a draft directly;
/// once the community has governance, a draft must be proposed and approved by the committee's quorum first.
/// </summary>
public static class FrameworkLifecycle
{
    /// <summary>
    /// The status a reader sees: a proposed version is approved or back in draft once the committee decided,
    /// and a published version is retired once its retirement was approved. Decisions are the governance
    /// grain's; the framework stores what it did itself.
    /// </summary>
    public static FrameworkVersionStatus Effective(FrameworkVersionStatus stored, bool? proposalApproved, bool retirementApproved) => stored switch
    {
        FrameworkVersionStatus.Proposed when proposalApproved == true => FrameworkVersionStatus.Approved,
        FrameworkVersionStatus.Proposed when proposalApproved == false => FrameworkVersionStatus.Draft,
        FrameworkVersionStatus.Published when retirementApproved => FrameworkVersionStatus.Retired,
        _ => stored,
    };

    public static void RequireEditable(FrameworkVersionStatus status, string version)
    {
        if (status != FrameworkVersionStatus.Draft)
        {
            throw CertGridException.Conflict(status is FrameworkVersionStatus.Published or FrameworkVersionStatus.Retired
                ? $"Version {version} is {status.ToString().ToLowerInvariant()} and can never change; draft a new version instead."
                : $"Version {version} is {status.ToString().ToLowerInvariant()}; withdraw the proposal before changing it.");
        }
    }

    /// <summary>The status a version moves to when an admin publishes it, or why it cannot be published.</summary>
    public static void RequirePublishable(FrameworkVersionStatus effective, bool governed, string version)
    {
        switch (effective)
        {
            case FrameworkVersionStatus.Approved:
                return;
            case FrameworkVersionStatus.Draft when !governed:
                return;
            case FrameworkVersionStatus.Draft:
                throw CertGridException.Policy(
                    $"Version {version} is a draft. This community has a steering committee: propose the version and publish it once a quorum of the committee approved it.");
            case FrameworkVersionStatus.Proposed:
                throw CertGridException.Policy($"Version {version} waits for the steering committee's decision; it can be published once a quorum approved it.");
            default:
                throw CertGridException.Conflict($"Version {version} is {effective.ToString().ToLowerInvariant()}.");
        }
    }
}
