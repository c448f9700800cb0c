using CertGrid.Abstractions.Governance;
using CertGrid.Domain.Governance;

namespace CertGrid.Grains.Governance;

/// <summary>How a policy change is put to the steering committee and how its approval is recorded with the change.</summary>
internal static class PolicyDecisions
{
    public static string Name(ProposalKind kind) => kind switch
    {
        ProposalKind.AssessmentPolicy => "assessment policy",
        ProposalKind.LifespanPolicy => "lifespan policy",
        ProposalKind.RecognitionPolicy => "contributor badges",
        _ => kind.ToString(),
    };

    /// <summary>The proposal of exactly this change (titled "Assessment policy of ..."); the committee reads the policy in its content.</summary>
    public static OpenProposal Proposal(PolicyChange change, string ofWhat, string? note, string actor, string? proposerPerson)
    {
        var name = Name(change.Kind);
        return new(change.Kind, change.SubjectId, change.Fingerprint, $"{char.ToUpperInvariant(name[0])}{name[1..]} {ofWhat}", note, actor, proposerPerson, change.Content);
    }

    /// <summary>The audit details of a policy set: the policy and, under governance, the proposal that approved it and who voted for it.</summary>
    public static object Details<T>(T policy, ProposalInfo? approval) => new
    {
        policy, proposalId = approval?.Id, approvedBy = approval?.Votes.Where(v => v.Approve).Select(v => v.Person).ToList(),
    };
}
